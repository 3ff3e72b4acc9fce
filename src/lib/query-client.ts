/**
 * One QueryClient policy for the app and the tests, and the one place where everything the console
 * remembers about a session is forgotten.
 *
 * Retries: only answers that could improve are asked again (the tenant down, busy or unreachable:
 * 5xx, 408, 429, no connection), at most three times; a malformed body, a schema mismatch or a 4xx
 * the server meant is shown at once. After a 429/503 the next try waits for the time the tenant
 * asked for (see http.ts), never less. Failures are visible from the first one (RetryNotice), not
 * after the retries.
 *
 * Reads wait while the browser is offline and resume when it is back (nothing changes on the
 * tenant); mutations never wait: they run at once and fail with "offline, nothing was sent", so a
 * launch or a delete never goes out later by itself.
 */
import { QueryClient } from '@tanstack/react-query';
import { CrestError, HeldError, isRetryable } from './api-error';
import { releaseHolds } from './http';

export const MAX_RETRIES = 3;

/** How long before the next try, `failureCount` failures ago counted from 0 (TanStack's): 1 s, 2 s, 4 s…, or later if the tenant asked. */
export function retryDelay(failureCount: number, error: unknown, now = Date.now()): number {
  const backoff = Math.min(1000 * 2 ** failureCount, 30_000);
  const asked = error instanceof HeldError ? error.until : error instanceof CrestError ? error.retryAt : undefined;
  return asked === undefined ? backoff : Math.max(backoff, asked - now);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => isRetryable(error) && failureCount < MAX_RETRIES,
        retryDelay: (failureCount, error) => retryDelay(failureCount, error),
        // A page that mounts over a query that has just failed shows that failure (with its Try
        // again) instead of sending the request again: the route's loader may have sent it a moment
        // before the page mounted, and an answer that cannot improve must not be asked twice. A
        // later visit asks again through the route's loader.
        retryOnMount: false,
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

const sessionResets = new Set<() => void>();

/**
 * Registers module-level state of a feature (remembered paging cookies, queue cursors) to be
 * forgotten with the query cache, so it lives no longer than the session it belongs to.
 */
export function forgetOnSessionEnd(reset: () => void): void {
  sessionResets.add(reset);
}

/**
 * Forgets everything the previous account saw: cancels what is in flight, empties the query cache
 * and every registered module-level state. Called on sign-out and when the account changes.
 */
export function resetSession(client: QueryClient): void {
  void client.cancelQueries();
  client.clear();
  client.getMutationCache().clear();
  for (const reset of sessionResets) reset();
  releaseHolds();
}
