/**
 * The access token, held in memory only: never in localStorage, a URL or a log. The sign-in layer
 * sets it; the fetch layer reads it for every request.
 */
let token: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return token;
}

export function setAccessToken(next: string | null): void {
  token = next;
}

/** Called by the fetch layer when the tenant answers 401, so the app can send the user to sign in. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function notifyUnauthorized(): void {
  for (const listener of unauthorizedListeners) listener();
}
