/**
 * Who is signed in, and how. The session starts from what `bootstrapSession` found (a token kept
 * in this tab, an OAuth user, or a sign-in that just came back from the provider). A 401 from the
 * tenant marks the session expired: the page stays mounted underneath the sign-in dialog, so what
 * the user typed is kept, and failed queries run again once they are back.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuthConfig } from '../../config/runtime-config';
import { onUnauthorized, restoreAccessToken, setAccessToken } from '../../lib/auth-token';
import { currentLocation, displayNameOf, getUserManager, isCallbackPath, CALLBACK_PATH, POPUP_CALLBACK_PATH, type SignInState } from './oidc';

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
      const returnTo = (user.state as SignInState | undefined)?.returnTo ?? import.meta.env.BASE_URL;
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

export function SessionProvider({ auth, initial, children }: { auth: AuthConfig; initial: InitialSession; children: ReactNode }) {
  const queryClient = useQueryClient();
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
    void getUserManager(auth).then((manager) => {
      const loaded = (user: { access_token: string }) => setAccessToken(user.access_token);
      manager.events.addUserLoaded(loaded);
      cleanup = () => manager.events.removeUserLoaded(loaded);
    });
    return () => cleanup();
  }, [auth]);

  const signedIn = useCallback(
    (name?: string) => {
      setStatus('signed-in');
      setUserName(name);
      setNotice(undefined);
      if (expired) {
        setExpired(false);
        // What failed for want of a session runs again; the page itself never went away.
        void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
      }
    },
    [expired, queryClient],
  );

  const value = useMemo<SessionValue>(
    () => ({
      auth,
      status,
      expired,
      userName,
      notice,
      signInWithToken: (token) => {
        setAccessToken(token, { persist: true });
        signedIn(undefined);
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
        signedIn(displayNameOf(user));
      },
      dismissExpired: () => setExpired(false),
      signOut: async () => {
        setAccessToken(null);
        queryClient.clear();
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
    [auth, status, expired, userName, notice, signedIn, queryClient],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
