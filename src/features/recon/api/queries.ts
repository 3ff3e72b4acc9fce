/**
 * The recon feature's one query-key factory. List and detail fold each answer into what was seen
 * before (see watch.ts) and poll only while something is active; finished runs never go stale.
 * Their query functions read only the network: the fold happens where TanStack Query merges a new
 * answer into the cached one (`structuralSharing`), and what a run's end sets off (refreshing the
 * list, looking for reports) follows the stored answer (`meta.afterAnswer`, see lib/query-client).
 *
 * The polling plan: one request per interval, whatever the number of active runs. `GET /recon`
 * already carries every run's progress, so the list and overview pages poll the list alone (about
 * once a second while a run is active, backing off while nothing moves, stopping when none is);
 * a single run (`GET /recon/<id>`) is polled only on its own page, and when it ends the list is
 * refreshed at once. Both intervals are `refetchInterval` functions of the watched state, so the
 * client's back-off (429, offline) can wrap them.
 */
import { infiniteQueryOptions, queryOptions, replaceEqualDeep, type QueryClient } from '@tanstack/react-query';
import {
  hasReportEndpoint,
  isNoReport,
  listAssociationEntries,
  listAssociationSummaries,
  listReconRuns,
  readAssociationSummary,
  readMappingChoice,
  readReconRun,
  searchMappings,
  type RecordReport,
} from './requests';
import type { AssociationSummary } from './schemas';
import type { UnreadableItem } from '../../../lib/tolerant-list';
import { pollDelay, watchList, watchRun, type WatchedList, type WatchedRun } from '../watch';

/**
 * The runs list as watched, with the runs the server sent that could not be read (optional: code
 * that writes the list through `watchList` alone, such as an optimistic update, leaves it out).
 */
export type ReadRunList = WatchedList & { unreadable?: UnreadableItem[] | undefined };

/** How long after a run ends a missing per-record report is looked for again, and how often. */
export const REPORT_WAIT_MS = 120_000;
/** The first re-check of a missing report; each next one waits twice as long, up to {@link REPORT_RECHECK_MAX_MS}. */
export const REPORT_RECHECK_MS = 2_000;
export const REPORT_RECHECK_MAX_MS = 30_000;

/**
 * What the server said about a run's per-record report: `kept`; `missing` (a 404: the run was
 * launched without one, or the server no longer keeps it — by default only the latest is kept);
 * `unsupported` (the tenant has no `recon/assoc` at all). `launchedWith` is known only for runs
 * launched from this console in this session.
 */
export type ReportLookup =
  { status: 'kept'; summary: AssociationSummary } | { status: 'missing'; launchedWith: RecordReport | undefined } | { status: 'unsupported' };

/**
 * The delay before asking again for a report still missing after `answers` answers, or false once
 * the run ended more than {@link REPORT_WAIT_MS} ago (either side of now: the server's clock may
 * run ahead of the browser's): 2 s, 4 s, 8 s, 16 s, then every 30 s — 7 requests in two minutes.
 */
export function reportRecheckDelay(answers: number, ended: string | null | undefined, now: number): number | false {
  const endedAt = ended ? Date.parse(ended) : NaN;
  if (!(Math.abs(now - endedAt) < REPORT_WAIT_MS)) return false;
  return Math.min(REPORT_RECHECK_MAX_MS, REPORT_RECHECK_MS * 2 ** Math.max(0, answers - 1));
}
export const REPORT_PAGES = 10;

/**
 * The answers the query functions below returned, not yet folded. TanStack Query also passes
 * placeholder data, `setQueryData` values and `select` results through `structuralSharing`: those
 * are already what they should be and must not be folded again (a placeholder folded into itself
 * on every render would never settle). A marker, not state: it holds nothing once an answer is stored.
 */
const answers = new WeakSet<object>();

function answer<T extends object>(value: T): T {
  answers.add(value);
  return value;
}

/** Folds a new answer into the cached one (see watch.ts), keeping unchanged parts the same objects. */
function foldList(previous: unknown, next: unknown): unknown {
  if (!previous || !answers.has(next as object)) return replaceEqualDeep(previous, next);
  const list = next as ReadRunList;
  return replaceEqualDeep(previous, { ...watchList(previous as ReadRunList, list.runs, list.fetchedAt), unreadable: list.unreadable });
}

function foldRun(previous: unknown, next: unknown): unknown {
  if (!previous || !answers.has(next as object)) return replaceEqualDeep(previous, next);
  const run = next as WatchedRun;
  return replaceEqualDeep(previous, watchRun(previous as WatchedRun, run.run, run.fetchedAt));
}

/** A run that ended may have kept a per-record report: look again now, not in a minute. */
function afterListAnswer(previous: unknown, next: unknown, client: QueryClient): void {
  const before = previous as ReadRunList | undefined;
  const after = next as ReadRunList;
  if (after.finished.length > 0 && after.finished[0] !== before?.finished[0]) void client.invalidateQueries({ queryKey: reconQueries.reports().queryKey });
}

/** A run that ended changes the list: refresh it now rather than at its next turn. */
function afterRunAnswer(previous: unknown, next: unknown, client: QueryClient): void {
  if ((previous as WatchedRun | undefined)?.active && !(next as WatchedRun).active) void client.invalidateQueries({ queryKey: reconQueries.lists() });
}

/** Run id → the kind of per-record report it kept; `complete` is false when there were more. */
export interface RunReports {
  kinds: Record<string, 'report' | 'analysis'>;
  complete: boolean;
  /** Summaries the server listed that could not be read: their runs are not marked. */
  unreadable: number;
}

/**
 * A tenant without `recon/assoc` (a 404 for the list itself) keeps no per-record reports: the list
 * then marks no run, and says nothing. Saying it on every load of the list would be noise; a run's
 * own page says it, once, where its report is asked for.
 */
const NO_REPORTS: RunReports = { kinds: {}, complete: true, unreadable: 0 };

export const reconQueries = {
  all: () => ['recon'] as const,
  lists: () => [...reconQueries.all(), 'list'] as const,
  list: () =>
    queryOptions({
      queryKey: reconQueries.lists(),
      queryFn: async ({ signal }): Promise<ReadRunList> => {
        const { reconciliations } = await listReconRuns(signal);
        // This answer alone; foldList merges it with what was seen before.
        return answer({ ...watchList(undefined, reconciliations.items, Date.now()), unreadable: reconciliations.unreadable });
      },
      structuralSharing: foldList,
      meta: { afterAnswer: afterListAnswer },
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
        let unreadable = 0;
        for (let page = 0; page < REPORT_PAGES; page++) {
          let answer;
          try {
            answer = await listAssociationSummaries(cookie, signal);
          } catch (error) {
            if (page === 0 && isNoReport(error)) return NO_REPORTS;
            throw error;
          }
          for (const summary of answer.result) kinds[summary._id] = summary.isAnalysis === true || summary.isAnalysis === 'true' ? 'analysis' : 'report';
          unreadable += answer.unreadable?.length ?? 0;
          cookie = answer.pagedResultsCookie ?? undefined;
          if (!cookie) return { kinds, complete: true, unreadable };
        }
        return { kinds, complete: false, unreadable };
      },
      staleTime: 60_000,
    }),
  details: () => [...reconQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...reconQueries.details(), id] as const,
      queryFn: async ({ signal }): Promise<WatchedRun> => answer(watchRun(undefined, await readReconRun(id, signal), Date.now())),
      structuralSharing: foldRun,
      meta: { afterAnswer: afterRunAnswer },
      refetchInterval: (query) => pollDelay(query.state.data),
      refetchIntervalInBackground: false,
      // A finished run never changes again.
      staleTime: (query) => (query.state.data && !query.state.data.active ? Infinity : 0),
    }),
  /** Whether the tenant has `recon/assoc` at all (asked once a session, only when it matters). */
  reportEndpoint: () =>
    queryOptions({
      queryKey: [...reconQueries.all(), 'report-endpoint'] as const,
      queryFn: ({ signal }) => hasReportEndpoint(signal),
      staleTime: Infinity,
      gcTime: Infinity,
    }),
  /**
   * A finished run's per-record report, which never changes once there; see {@link ReportLookup}.
   * A run launched here with a report whose report is missing moments after it ended is asked
   * again with back-off ({@link reportRecheckDelay}): nothing documents that the report is written
   * before the run's state turns final. Any other run is asked once.
   */
  report: (id: string, launchedWith: RecordReport | undefined, ended?: string | null) =>
    queryOptions({
      // How the run was launched is part of the key: it decides what a missing report means.
      queryKey: [...reconQueries.all(), 'report', id, { launchedWith: launchedWith ?? null }] as const,
      // Whether the tenant keeps reports at all is its own query (reportEndpoint), asked by
      // useRunReport only when a missing report needs explaining.
      queryFn: async ({ signal }): Promise<Exclude<ReportLookup, { status: 'unsupported' }>> => {
        try {
          return { status: 'kept', summary: await readAssociationSummary(id, signal) };
        } catch (error) {
          if (!isNoReport(error)) throw error;
          return { status: 'missing', launchedWith };
        }
      },
      staleTime: Infinity,
      refetchInterval: (query) => {
        const data = query.state.data;
        if (data?.status !== 'missing' || !data.launchedWith || data.launchedWith === 'none') return false;
        return reportRecheckDelay(query.state.dataUpdateCount, ended, Date.now());
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
  /** One mapping's source and target; a mapping's target does not change while the dialog is open. */
  mappingChoice: (name: string) =>
    queryOptions({
      queryKey: [...reconQueries.all(), 'mapping-choice', name] as const,
      queryFn: ({ signal }) => readMappingChoice(name, signal),
      staleTime: 5 * 60_000,
    }),
  mappingChoices: (prefix: string) =>
    infiniteQueryOptions({
      queryKey: [...reconQueries.all(), 'mapping-choices', prefix] as const,
      queryFn: ({ pageParam, signal }) => searchMappings(prefix, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.pagedResultsCookie ?? undefined,
    }),
};
