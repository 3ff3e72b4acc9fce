/**
 * What the connection to the tenant is doing, above every page, said at once:
 * - the browser is offline (nothing is sent; reads resume by themselves, changes are never sent
 *   later) and when it is back;
 * - the tenant asked the console to wait (429/503): until when, counting down, with "Try now";
 * - the tenant is not answering and the console is retrying (n), from the first failure, and when
 *   a page shows an earlier answer, from when that answer is (stale).
 */
import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useFormatTime } from '../components/time';
import { CrestError, describeError, HeldError } from '../lib/api-error';
import { activeHolds, onHoldsChange, releaseHolds, type Hold } from '../lib/http';
import './connection-notices.css';

function OnlineNotice() {
  const [state, setState] = useState<'online' | 'offline' | 'back'>(() => (navigator.onLine ? 'online' : 'offline'));
  useEffect(() => {
    const offline = () => setState('offline');
    const online = () => setState('back');
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, []);
  if (state === 'offline') {
    return (
      <div className="notice notice-danger" role="alert">
        The browser is offline. Nothing is sent to the tenant until the connection is back; the pages show what the tenant answered last.
      </div>
    );
  }
  if (state === 'online') return null;
  return (
    <div className="notice notice-ok" role="status">
      Back online: the pages refresh from the tenant again. Launches, cancels and deletes tried while offline were not sent.
      <button type="button" className="button-small notice-dismiss" onClick={() => setState('online')}>
        Dismiss
      </button>
    </div>
  );
}

/** "1 min 05 s", "45 s". */
export function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

function useHolds(): { holds: Hold[]; now: number } {
  const [holds, setHolds] = useState(() => activeHolds());
  // The countdown: once a second while something is held, and the notice goes when the time is up.
  const [now, setNow] = useState(Date.now);
  useEffect(
    () =>
      onHoldsChange(() => {
        setHolds(activeHolds());
        setNow(Date.now());
      }),
    [],
  );
  const held = holds.some((hold) => hold.until > now);
  useEffect(() => {
    if (!held) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [held]);
  return { holds: holds.filter((hold) => hold.until > now), now };
}

/**
 * Runs again, now, what failed or is waiting to retry. A query sleeping before its next retry is
 * cancelled first: refetching it alone would only wait for that sleep to end.
 */
async function retryNow(client: QueryClient): Promise<void> {
  const failing = new Set(
    client.getQueryCache().findAll({ type: 'active', predicate: (query) => query.state.status === 'error' || query.state.fetchFailureCount > 0 }),
  );
  if (failing.size === 0) return;
  await client.cancelQueries({ predicate: (query) => failing.has(query) });
  await client.refetchQueries({ predicate: (query) => failing.has(query) });
}

function HoldNotice() {
  const client = useQueryClient();
  const { holds, now } = useHolds();
  const tryNow = useCallback(() => {
    releaseHolds();
    void retryNow(client);
  }, [client]);
  if (holds.length === 0) return null;
  const first = holds.reduce((a, b) => (a.until <= b.until ? a : b));
  return (
    <div className="notice notice-warn" role="status">
      <p>
        {first.fromServer ? 'The tenant asked the console to wait' : 'The tenant is not answering'} ({first.status}: {first.message}). Nothing is sent to{' '}
        <code>{holds.map((hold) => hold.endpoint).join(', ')}</code> {first.fromServer ? 'before the time it gave' : 'for a while (backing off)'}: trying again
        in <strong>{formatWait(first.until - now)}</strong>.
      </p>
      <button type="button" className="button-small" onClick={tryNow}>
        Try now
      </button>
    </div>
  );
}

interface RetrySummary {
  retrying: number;
  reason: string;
  /** The oldest answer a page still shows while the tenant does not answer (epoch ms), or 0. */
  staleSince: number;
}

function summarize(queries: Query[]): RetrySummary {
  let retrying = 0;
  let reason = '';
  let staleSince = 0;
  for (const query of queries) {
    const { state } = query;
    if (query.getObserversCount() === 0) continue;
    const failure = state.fetchFailureReason;
    // A wait the tenant asked for is HoldNotice's to say (with its countdown), not a retry count.
    const held = failure instanceof HeldError || (failure instanceof CrestError && failure.retryAt !== undefined);
    const failing = state.fetchFailureCount > 0 && state.fetchStatus === 'fetching';
    if (failing && !held && state.fetchFailureCount > retrying) {
      retrying = state.fetchFailureCount;
      reason = describeError(failure);
    }
    if ((failing || state.status === 'error') && state.data !== undefined && state.dataUpdatedAt > 0) {
      staleSince = staleSince === 0 ? state.dataUpdatedAt : Math.min(staleSince, state.dataUpdatedAt);
    }
  }
  return { retrying, reason, staleSince };
}

function RetryNotice() {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  // A string snapshot, so the many cache events that change nothing here render nothing.
  const key = useSyncExternalStore(
    useCallback((listener) => cache.subscribe(listener), [cache]),
    () => JSON.stringify(summarize(cache.getAll())),
  );
  const summary = JSON.parse(key) as RetrySummary;
  const formatTime = useFormatTime();
  if (summary.retrying === 0 && summary.staleSince === 0) return null;
  const time = formatTime(summary.staleSince);
  return (
    <div className="notice notice-warn" role="status">
      {summary.retrying > 0 ? (
        <p>
          The tenant is not answering — retrying ({summary.retrying})… <span className="muted">{summary.reason}</span>
        </p>
      ) : null}
      {summary.staleSince > 0 ? <p>Stale: this page shows what the tenant answered at {time}; it has not answered since.</p> : null}
      {summary.retrying === 0 ? (
        <button type="button" className="button-small" onClick={() => void retryNow(client)}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function ConnectionNotices() {
  return (
    <div className="connection-notices">
      <OnlineNotice />
      <HoldNotice />
      <RetryNotice />
    </div>
  );
}
