/**
 * The recon feature's one query-key factory. List and detail fold each answer into what was seen
 * before (see watch.ts) and poll only while something is active; finished runs never go stale.
 *
 * The polling plan: one request per interval, whatever the number of active runs. `GET /recon`
 * already carries every run's progress, so the list and overview pages poll the list alone (about
 * once a second while a run is active, backing off while nothing moves, stopping when none is);
 * a single run (`GET /recon/<id>`) is polled only on its own page, and when it ends the list is
 * refreshed at once. Both intervals are `refetchInterval` functions of the watched state, so the
 * client's back-off (429, offline) can wrap them.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { isNoReport, listAssociationEntries, listAssociationSummaries, listReconRuns, readAssociationSummary, readReconRun, searchMappings } from './requests';
import { pollDelay, watchList, watchRun, type WatchedList, type WatchedRun } from '../watch';

/** How long after a run ends a missing per-record report is looked for again, and how often. */
export const REPORT_WAIT_MS = 120_000;
export const REPORT_RECHECK_MS = 4_000;
export const REPORT_PAGES = 10;

/** Run id → the kind of per-record report it kept; `complete` is false when there were more. */
export interface RunReports {
  kinds: Record<string, 'report' | 'analysis'>;
  complete: boolean;
}

export const reconQueries = {
  all: () => ['recon'] as const,
  lists: () => [...reconQueries.all(), 'list'] as const,
  list: () =>
    queryOptions({
      queryKey: reconQueries.lists(),
      queryFn: async ({ signal, client, queryKey }) => {
        const { reconciliations } = await listReconRuns(signal);
        const previous = client.getQueryData<WatchedList>(queryKey);
        const next = watchList(previous, reconciliations, Date.now());
        // A run that ended may have kept a per-record report: look again now, not in a minute.
        if (next.finished.length > 0 && next.finished[0] !== previous?.finished[0]) {
          void client.invalidateQueries({ queryKey: reconQueries.reports().queryKey });
        }
        return next;
      },
      // One request per interval for all active runs, on the same clock as a single run's page.
      refetchInterval: (query) => pollDelay(query.state.data),
      // A hidden tab stops polling; TanStack Query resumes it when the tab shows again.
      refetchIntervalInBackground: false,
    }),
  /**
   * Which runs kept a per-record report, for the runs list: at most {@link REPORT_PAGES} pages
   * of 500 (the server keeps a few per mapping). Under `lists()`, so it is refreshed with the
   * list when a run ends.
   */
  reports: () =>
    queryOptions({
      queryKey: [...reconQueries.lists(), 'reports'] as const,
      queryFn: async ({ signal }): Promise<RunReports> => {
        const kinds: Record<string, 'report' | 'analysis'> = {};
        let cookie: string | undefined;
        for (let page = 0; page < REPORT_PAGES; page++) {
          const answer = await listAssociationSummaries(cookie, signal);
          for (const summary of answer.result) kinds[summary._id] = summary.isAnalysis === true || summary.isAnalysis === 'true' ? 'analysis' : 'report';
          cookie = answer.pagedResultsCookie ?? undefined;
          if (!cookie) return { kinds, complete: true };
        }
        return { kinds, complete: false };
      },
      staleTime: 60_000,
    }),
  details: () => [...reconQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...reconQueries.details(), id] as const,
      queryFn: async ({ signal, client, queryKey }) => {
        const run = await readReconRun(id, signal);
        const previous = client.getQueryData<WatchedRun>(queryKey);
        const next = watchRun(previous, run, Date.now());
        // A run that ended changes the list: refresh it now rather than at its next turn.
        if (previous?.active && !next.active) void client.invalidateQueries({ queryKey: reconQueries.lists() });
        return next;
      },
      refetchInterval: (query) => pollDelay(query.state.data),
      refetchIntervalInBackground: false,
      // A finished run never changes again.
      staleTime: (query) => (query.state.data && !query.state.data.active ? Infinity : 0),
    }),
  /**
   * A finished run's per-record report, which never changes once there. When the server says
   * there is none (404) for a run that ended moments ago (`ended`), it is asked again every few
   * seconds for two minutes: nothing documents that the report is written before the run's state
   * turns final.
   */
  report: (id: string, ended?: string) =>
    queryOptions({
      queryKey: [...reconQueries.all(), 'report', id] as const,
      queryFn: ({ signal }) => readAssociationSummary(id, signal),
      staleTime: Infinity,
      refetchInterval: (query) => {
        const endedAt = ended ? Date.parse(ended) : NaN;
        // Either side of now: the server's clock may run ahead of the browser's.
        const recent = Math.abs(Date.now() - endedAt) < REPORT_WAIT_MS;
        return query.state.status === 'error' && isNoReport(query.state.error) && recent ? REPORT_RECHECK_MS : false;
      },
    }),
  reportEntries: (id: string, filter: string) =>
    infiniteQueryOptions({
      queryKey: [...reconQueries.all(), 'report', id, 'entries', filter] as const,
      queryFn: ({ pageParam, signal }) => listAssociationEntries(id, filter, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.pagedResultsCookie ?? undefined,
      staleTime: Infinity,
    }),
  mappingChoices: (prefix: string) =>
    infiniteQueryOptions({
      queryKey: [...reconQueries.all(), 'mapping-choices', prefix] as const,
      queryFn: ({ pageParam, signal }) => searchMappings(prefix, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.pagedResultsCookie ?? undefined,
    }),
};
