/**
 * OAuth 2.0 authorization code + PKCE through oidc-client-ts (a maintained OIDC client: PKCE,
 * state, token exchange, ID-token checks, refresh and end-session are its job, not ours). Loaded
 * lazily, so consoles that sign in with a pasted token never download it.
 */
import type { User, UserManager } from 'oidc-client-ts';
import type { AuthConfig } from '../../config/runtime-config';

export type OAuthConfig = Extract<AuthConfig, { mode: 'oauth' }>;

export const CALLBACK_PATH = 'auth/callback';
export const POPUP_CALLBACK_PATH = 'auth/popup-callback';

function appUrl(path = ''): string {
  return `${window.location.origin}${import.meta.env.BASE_URL}${path}`;
}

export function isCallbackPath(pathname: string, path: string): boolean {
  return pathname === `${import.meta.env.BASE_URL}${path}`;
}

let manager: Promise<UserManager> | null = null;

export function getUserManager(config: OAuthConfig): Promise<UserManager> {
  manager ??= import('oidc-client-ts').then(({ UserManager, WebStorageStateStore }) => {
    const session = new WebStorageStateStore({ store: window.sessionStorage });
    return new UserManager({
      authority: config.issuer,
      client_id: config.clientId,
      scope: config.scope ?? 'openid profile fr:idm:*',
      redirect_uri: appUrl(CALLBACK_PATH),
      popup_redirect_uri: appUrl(POPUP_CALLBACK_PATH),
      post_logout_redirect_uri: appUrl(),
      response_type: 'code',
      extraQueryParams: config.extraQueryParams,
      // Both the user and the in-flight sign-in state stay in this tab's sessionStorage, never localStorage.
      userStore: session,
      stateStore: session,
      automaticSilentRenew: true,
      accessTokenExpiringNotificationTimeInSeconds: 60,
    });
  });
  return manager;
}

export function displayNameOf(user: User): string {
  const profile = user.profile;
  return (profile.name as string | undefined) ?? (profile.preferred_username as string | undefined) ?? profile.sub;
}

/** Where the user was when the sign-in started, kept in the OAuth state (never in the URL we return to). */
export interface SignInState {
  returnTo: string;
}

export function currentLocation(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/**
 * Where to return after a sign-in: the remembered location if it is a path of this console (same
 * origin, under its base path, not a sign-in callback), else the start page. The remembered value
 * comes back from the provider's round trip, so it is treated as untrusted: `//evil.example/x`,
 * `/\evil.example`, `https://evil.example` or a path outside the console all return to the start.
 */
export function safeReturnPath(value: unknown, base: string = import.meta.env.BASE_URL, origin: string = window.location.origin): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return base;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return base;
  }
  if (url.origin !== origin) return base;
  const root = base.endsWith('/') ? base : `${base}/`;
  if (url.pathname !== root.slice(0, -1) && !url.pathname.startsWith(root)) return base;
  if (url.pathname === `${root}${CALLBACK_PATH}` || url.pathname === `${root}${POPUP_CALLBACK_PATH}`) return base;
  return `${url.pathname}${url.search}${url.hash}`;
}
