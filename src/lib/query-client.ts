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
import { QueryClient, type Query } from '@tanstack/react-query';
import { CrestError, HeldError, isRetryable } from './api-error';
import { releaseHolds } from './http';

/**
 * What follows an answer, declared beside the query it follows (`meta.afterAnswer`): run by the
 * client once the answer is in the cache, with the data it replaced, so that a query function
 * stays a function of its key and the network and never reads or writes the cache itself. A
 * feature uses it to react to a change of state (a run that ended refreshes what depends on it).
 */
export type AfterAnswer = (previous: unknown, next: unknown, client: QueryClient) => void;

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { afterAnswer?: AfterAnswer };
  }
}

export const MAX_RETRIES = 3;

/** How long before the next try, `failureCount` failures ago counted from 0 (TanStack's): 1 s, 2 s, 4 s…, or later if the tenant asked. */
export function retryDelay(failureCount: number, error: unknown, now = Date.now()): number {
  const backoff = Math.min(1000 * 2 ** failureCount, 30_000);
  const asked = error instanceof HeldError ? error.until : error instanceof CrestError ? error.retryAt : undefined;
  return asked === undefined ? backoff : Math.max(backoff, asked - now);
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
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
  // The data each query with an `afterAnswer` held after its last answer (a removed query, e.g. on
  // sign-out, takes its entry with it).
  const answered = new WeakMap<Query, unknown>();
  client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const { query } = event;
    const afterAnswer = query.meta?.afterAnswer;
    if (!afterAnswer) return;
    const previous = answered.get(query);
    answered.set(query, query.state.data);
    afterAnswer(previous, query.state.data, client);
  });
  return client;
}

const sessionResets = new Set<(client: QueryClient) => void>();

/**
 * Registers module-level state of a feature (remembered paging cookies, queue cursors, how runs
 * were launched) to be forgotten with the query cache, so it lives no longer than the session it
 * belongs to. Each feature keeps such state in one module of its api/ that registers itself here;
 * state kept per QueryClient is given the client whose session ends.
 */
export function forgetOnSessionEnd(reset: (client: QueryClient) => void): void {
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
  for (const reset of sessionResets) reset(client);
  releaseHolds();
}
