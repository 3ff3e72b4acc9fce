/**
 * What this console launched each run with (a per-record report or not), for this session. The
 * server does not say in a run's answer whether it was launched with `persistAssociations`, so a
 * missing report can be explained, and waited for, only for runs launched from here. Kept per
 * QueryClient: it lives as long as the cache it explains, and tests never share it; forgotten with
 * that cache on sign-out or a change of account. The recon feature's only module-level state.
 */
import type { QueryClient } from '@tanstack/react-query';
import { forgetOnSessionEnd } from '../../../lib/query-client';
import type { RecordReport } from './requests';

const launched = new WeakMap<QueryClient, Map<string, RecordReport>>();
forgetOnSessionEnd((client) => launched.delete(client));

export function rememberLaunch(client: QueryClient, runId: string, report: RecordReport): void {
  let runs = launched.get(client);
  if (!runs) launched.set(client, (runs = new Map()));
  runs.set(runId, report);
}

/** How the run was launched, when it was launched from this console in this session. */
export function launchedWith(client: QueryClient, runId: string): RecordReport | undefined {
  return launched.get(client)?.get(runId);
}
