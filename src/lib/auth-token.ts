/**
 * The access token: held in memory, and mirrored in sessionStorage (this tab only, gone when it
 * closes) when the sign-in layer asks, so a reload does not sign the user out. Never in
 * localStorage, a URL or a log. The fetch layer reads it for every request.
 */
const SESSION_KEY = 'idm-sync-console.access-token';

let token: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return token;
}

export function setAccessToken(next: string | null, options: { persist?: boolean } = {}): void {
  token = next;
  try {
    if (next && options.persist) sessionStorage.setItem(SESSION_KEY, next);
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage can be disabled; the token then lives in memory only.
  }
}

/** The token this tab kept across a reload, if any. */
export function restoreAccessToken(): string | null {
  try {
    token = sessionStorage.getItem(SESSION_KEY);
  } catch {
    token = null;
  }
  return token;
}

/** Called by the fetch layer when the tenant answers 401, so the app can ask the user to sign in. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function notifyUnauthorized(): void {
  for (const listener of unauthorizedListeners) listener();
}
