/**
 * Who is signed in, and how. The session starts from what `bootstrapSession` found (a token kept
 * in this tab, an OAuth user, or a sign-in that just came back from the provider). A 401 from the
 * tenant marks the session expired: the page stays mounted underneath the sign-in dialog, so what
 * the user typed is kept, and failed queries run again once they are back.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AuthConfig } from '../../config/runtime-config';
import { accountOf, getAccessToken, onUnauthorized, restoreAccessToken, setAccessToken } from '../../lib/auth-token';
import { resetSession } from '../../lib/query-client';
import { currentLocation, displayNameOf, getUserManager, isCallbackPath, safeReturnPath, CALLBACK_PATH, POPUP_CALLBACK_PATH, type SignInState } from './oidc';

export type SessionStatus = 'open' | 'signed-out' | 'signed-in';

export interface InitialSession {
  status: SessionStatus;
  userName?: string;
  notice?: string;
}

export interface SessionValue {
  auth: AuthConfig;
  status: SessionStatus;
  /** The tenant answered 401: the user must sign in again. */
  expired: boolean;
  userName: string | undefined;
  notice: string | undefined;
  signInWithToken: (token: string) => void;
  /** OAuth: a full-page redirect to the provider, coming back to where the user is. */
  signInWithRedirect: () => Promise<void>;
  /** OAuth, for an expired session: a popup, so the page underneath keeps its state. */
  signInWithPopup: () => Promise<void>;
  signOut: () => Promise<void>;
  /** Closes the expired-session dialog without signing in. */
  dismissExpired: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/**
 * Runs before the first render: finishes an OAuth redirect or popup, or restores this tab's
 * session. Returns null when this page load only existed to complete a popup sign-in.
 */
export async function bootstrapSession(auth: AuthConfig): Promise<InitialSession | null> {
  if (auth.mode === 'none') return { status: 'open' };
  if (auth.mode === 'token') {
    return restoreAccessToken() ? { status: 'signed-in' } : { status: 'signed-out' };
  }
  const manager = await getUserManager(auth);
  const { pathname } = window.location;
  if (isCallbackPath(pathname, POPUP_CALLBACK_PATH)) {
    await manager.signinPopupCallback();
    return null;
  }
  if (isCallbackPath(pathname, CALLBACK_PATH)) {
    try {
      const user = await manager.signinRedirectCallback();
      setAccessToken(user.access_token);
      // Only a path of this console on this origin: never `//evil.example/…` or another site.
      const returnTo = safeReturnPath((user.state as SignInState | undefined)?.returnTo);
      window.history.replaceState(null, '', returnTo);
      return { status: 'signed-in', userName: displayNameOf(user) };
    } catch (error) {
      window.history.replaceState(null, '', import.meta.env.BASE_URL);
      return { status: 'signed-out', notice: `Sign-in did not complete: ${(error as Error).message}` };
    }
  }
  const user = await manager.getUser();
  if (user && !user.expired) {
    setAccessToken(user.access_token);
    return { status: 'signed-in', userName: displayNameOf(user) };
  }
  return { status: 'signed-out' };
}

/** Who the current token or OAuth user is for; an opaque token is its own account (it cannot be told apart). */
function accountKey(token: string | null, oauthSubject?: string): string | null {
  if (oauthSubject) return `oauth ${oauthSubject}`;
  return accountOf(token) ?? (token ? `opaque ${token}` : null);
}

export interface SessionProviderProps {
  auth: AuthConfig;
  initial: InitialSession;
  children: ReactNode;
  /**
   * Forgets everything the session saw (query cache, cursors, remembered cookies, the page it was
   * on): on sign-out and when another account signs in. Defaults to resetting the query client.
   */
  onSessionEnd?: () => void;
}

export function SessionProvider({ auth, initial, children, onSessionEnd }: SessionProviderProps) {
  const queryClient = useQueryClient();
  const endSession = useCallback(() => (onSessionEnd ? onSessionEnd() : resetSession(queryClient)), [onSessionEnd, queryClient]);
  // The account signed in now, to tell a re-sign-in after expiry (same account: the page carries
  // on) from another account (nothing of the previous one's is kept).
  const account = useRef<string | null>(null);
  const [status, setStatus] = useState<SessionStatus>(initial.status);
  const [expired, setExpired] = useState(false);
  const [userName, setUserName] = useState(initial.userName);
  const [notice, setNotice] = useState(initial.notice);

  useEffect(() => {
    if (auth.mode === 'none') return undefined;
    return onUnauthorized(() => setExpired(true));
  }, [auth.mode]);

  useEffect(() => {
    if (auth.mode !== 'oauth') return undefined;
    let cleanup = () => {};
    void getUserManager(auth).then(async (manager) => {
      account.current ??= accountKey(null, (await manager.getUser())?.profile.sub);
      const loaded = (user: { access_token: string }) => setAccessToken(user.access_token);
      manager.events.addUserLoaded(loaded);
      cleanup = () => manager.events.removeUserLoaded(loaded);
    });
    return () => cleanup();
  }, [auth]);

  const signedIn = useCallback(
    (name: string | undefined, who: string | null) => {
      const previous = account.current;
      account.current = who;
      setStatus('signed-in');
      setUserName(name);
      setNotice(undefined);
      if (expired && previous !== null && previous !== who) {
        // Another account signed in over the expired one: nothing of the previous one's stays.
        setExpired(false);
        endSession();
      } else if (expired) {
        setExpired(false);
        // What failed for want of a session runs again; the page itself never went away.
        void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
      }
    },
    [expired, queryClient, endSession],
  );

  const value = useMemo<SessionValue>(
    () => ({
      auth,
      status,
      expired,
      userName,
      notice,
      signInWithToken: (token) => {
        account.current ??= accountKey(getAccessToken());
        setAccessToken(token, { persist: true });
        signedIn(undefined, accountKey(token));
      },
      signInWithRedirect: async () => {
        if (auth.mode !== 'oauth') return;
        const manager = await getUserManager(auth);
        await manager.signinRedirect({ state: { returnTo: currentLocation() } satisfies SignInState });
      },
      signInWithPopup: async () => {
        if (auth.mode !== 'oauth') return;
        const manager = await getUserManager(auth);
        const user = await manager.signinPopup();
        setAccessToken(user.access_token);
        signedIn(displayNameOf(user), accountKey(null, user.profile.sub));
      },
      dismissExpired: () => setExpired(false),
      signOut: async () => {
        setAccessToken(null);
        account.current = null;
        endSession();
        if (auth.mode === 'oauth') {
          const manager = await getUserManager(auth);
          const user = await manager.getUser();
          await manager.removeUser();
          const metadata = await manager.metadataService.getMetadata().catch(() => null);
          if (user && metadata?.end_session_endpoint) {
            // Ends the session at the provider too; it sends the browser back to the console.
            await manager.signoutRedirect({ id_token_hint: user.id_token });
            return;
          }
        }
        setStatus('signed-out');
        setExpired(false);
        setNotice('You are signed out.');
      },
    }),
    [auth, status, expired, userName, notice, signedIn, endSession],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
