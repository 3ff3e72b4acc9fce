/**
 * The access token: held in memory, and mirrored in sessionStorage (this tab only, gone when it
 * closes) when the sign-in layer asks, so a reload does not sign the user out. Never in
 * localStorage, a URL or a log. The fetch layer reads it for every request. The kept token is
 * tagged with the tenant it was accepted by, so a console reconfigured for another tenant never
 * sends it there.
 */
import { getRuntimeConfig } from '../config/runtime-config';

const SESSION_KEY = 'idm-sync-console.access-token';

function currentTenant(): string {
  try {
    return getRuntimeConfig().tenantUrl || window.location.origin;
  } catch {
    return window.location.origin;
  }
}

let token: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return token;
}

export function setAccessToken(next: string | null, options: { persist?: boolean } = {}): void {
  token = next;
  try {
    if (next && options.persist) sessionStorage.setItem(SESSION_KEY, JSON.stringify({ tenant: currentTenant(), token: next }));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage can be disabled; the token then lives in memory only.
  }
}

/** The token this tab kept across a reload, if any. */
export function restoreAccessToken(): string | null {
  token = null;
  try {
    const kept = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as { tenant?: unknown; token?: unknown } | null;
    if (kept && kept.tenant === currentTenant() && typeof kept.token === 'string') token = kept.token;
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    token = null;
  }
  return token;
}

/**
 * Who a token is for, to tell a change of account from a renewal: the issuer and subject of a JWT
 * (read, not verified: the tenant verifies; this only compares), or null for an opaque token.
 */
export function accountOf(value: string | null): string | null {
  if (!value) return null;
  const payload = value.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { iss?: unknown; sub?: unknown };
    return typeof claims.sub === 'string' ? `${String(claims.iss ?? '')} ${claims.sub}` : null;
  } catch {
    return null;
  }
}

/** Called by the fetch layer when the tenant answers 401, so the app can ask the user to sign in. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function notifyUnauthorized(): void {
  for (const listener of unauthorizedListeners) listener();
}
