/**
 * The start page: is synchronization healthy, and if not, where? One row per mapping in processing
 * order (only the rows in view are rendered), with its last run, a trend of its last runs, its
 * active run (live, cancelable), its queued events (each count a link to the queue filtered to
 * them) and a launch action; above the table, figures for the whole tenant. Composed here from the
 * mappings, recon and sync-queue features, which never import each other.
 *
 * The first rows come from the first mappings page alone, as on the Mappings page: this module
 * holds only the table and the mapping cells. The rest of each row (and the code, requests and
 * reading behind it) is the live part (overview-live.tsx), loaded once the first rows are on
 * screen; until it is in, each of its cells says "Loading…", in a column whose width does not
 * depend on it (overview.css), so nothing moves when the cells fill in.
 */
import { skipToken, useInfiniteQuery, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ListState } from '../../components/list-state';
import { ErrorState, LoadingState } from '../../components/states';
import { unreadableAcrossPages } from '../../components/unreadable-items';
import { usePageTitle } from '../../components/use-page-title';
import { VirtualTable, type VirtualTableFeatures } from '../../components/virtual-table';
import { unavailableWhile } from '../../lib/use-single-flight';
import { paths } from '../../config/paths';
import type { MappingSummary } from '../../features/mappings/api/schemas';
import type { ReconRun } from '../../features/recon/api/schemas';
import type { LaunchedRun } from '../../features/recon/components/launch-recon-dialog';
import { countText } from './count-text';
import { overviewMappings } from './mappings-query';
import type { FigureValues } from './overview-live';
import { readOverviewView, writeOverviewView } from './overview-view';
import './overview.css';

/** In attention mode, more mappings pages are read until this many rows match (or the list ends). */
const ATTENTION_FILL = 40;
const NO_RUNS: ReconRun[] = [];

type Live = (typeof import('./overview-live'))['overviewLive'];

/** Kept once loaded: a later visit in the same session has its cells at once. */
let loadedLive: Live | null = null;

/**
 * The live part, loaded once `ready` (the first mappings page is answered, and so on screen). A
 * chunk that cannot load (a deploy replaced it, the network dropped) is an error; the rows stay.
 * Importing it again would not help: the browser keeps a failed import failed for the page's life
 * (Chromium asks the server only once), so the way out offered is a reload.
 */
function useLive(ready: boolean): { live: Live | null; error: unknown } {
  const [live, setLive] = useState<Live | null>(loadedLive);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    if (!ready || live) return;
    let current = true;
    // In a task of its own: this effect can run before the rows are in the DOM (the virtualized
    // table renders them once it has measured itself, in the same task), and neither the chunk
    // nor the requests it sends should compete with them.
    const timer = setTimeout(() => {
      import('./overview-live').then(
        ({ overviewLive }) => {
          loadedLive = overviewLive;
          if (current) setLive(overviewLive);
        },
        (error: unknown) => {
          if (current) setFailure({ error });
        },
      );
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [ready, live]);
  return { live, error: failure?.error };
}

/**
 * A query of the live part: its own options once the part is in, before that a query that asks
 * nothing (the cells say "Loading…"), so the page calls the same hooks in every render.
 */
function useLiveQuery<T, K extends readonly unknown[]>(options: (() => UseQueryOptions<T, Error, T, K>) | undefined, name: string, enabled: boolean) {
  // The stand-in is never fetched (skipToken) and nothing reads its key as the live query's: its
  // key is its own, whatever the type says.
  const standIn: UseQueryOptions<T, Error, T, K> = { queryKey: ['overview', 'not-loaded', name] as unknown as K, queryFn: skipToken };
  return useQuery<T, Error, T, K>(options ? { ...options(), enabled } : standIn);
}

function Pending() {
  return <span className="muted">Loading…</span>;
}

interface Row {
  mapping: MappingSummary;
}

const helper = createColumnHelper<VirtualTableFeatures, Row>();

const FIGURES: { key: keyof FigureValues; label: string }[] = [
  { key: 'active', label: 'Active runs' },
  { key: 'failed', label: 'Runs failed in the last 24 h' },
  { key: 'queued', label: 'Queued events' },
  { key: 'stuck', label: 'Possibly stuck events' },
  { key: 'never', label: 'Mappings never reconciled' },
];

export function OverviewPage() {
  usePageTitle('Overview');
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = readOverviewView(searchParams);
  const [launchFor, setLaunchFor] = useState<string | null>(null);
  const [launched, setLaunched] = useState<LaunchedRun | null>(null);
  // The cancel confirmation lives here, not in its row: the table renders only the rows in view,
  // and a row scrolled away would unmount its dialog with it.
  const [cancelFor, setCancelFor] = useState<ReconRun | null>(null);

  const mappings = useInfiniteQuery(overviewMappings());
  // The runs list (every run, about 1.5 KB each) and the queue scan are asked for once the first
  // rows are on screen, not beside them: answered first, they would be read (hundreds of runs, a
  // thousand events) while the first rows wait, as the Mappings page's never do. The runs list is
  // the recon feature's own query, with its polling plan: one request per interval while runs are
  // active, none when idle or hidden.
  const firstPageIn = !mappings.isPending;
  const { live, error: liveError } = useLive(firstPageIn);
  const runsQuery = useLiveQuery(live?.runsQuery, 'runs', firstPageIn);
  const scanQuery = useLiveQuery(live?.queueScanQuery, 'queue-scan', firstPageIn);
  const runs = runsQuery.data;
  const scan = scanQuery.data;
  // "Now" is when the runs were last read, so ages and "much slower" are computed from one instant
  // the data agrees with (and tests drive it through the mock tenant's clock, not real time).
  const now = runsQuery.dataUpdatedAt || scanQuery.dataUpdatedAt;

  // Without the runs list there is nothing to judge yet: rows say "Loading…", never "never".
  const health = useMemo(() => (live && runs ? live.healthSnapshot(runs.runs, scan, now) : null), [live, runs, scan, now]);
  const rows = useMemo<Row[]>(() => mappings.data?.pages.flatMap((p) => p.result.map((mapping) => ({ mapping }))) ?? [], [mappings.data]);
  const shown = useMemo(
    () => (view.attention ? (health ? rows.filter((r) => health.of(r.mapping.name).attention.length > 0) : []) : rows),
    [rows, view.attention, health],
  );

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = mappings;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  // The attention switch hides most rows: read on until a screenful matches or the list ends.
  useEffect(() => {
    if (view.attention && health && shown.length < ATTENTION_FILL) loadMore();
  }, [view.attention, health, shown.length, loadMore]);

  const complete = mappings.data !== undefined && !hasNextPage;
  const neverCount = useMemo(() => (health ? rows.filter((r) => health.neverReconciled(r.mapping.name)).length : null), [health, rows]);
  const figures: FigureValues = live
    ? live.figureValues({ runs, scan, now, never: neverCount !== null && mappings.data ? { count: neverCount, complete } : undefined })
    : {};

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: 'mapping',
          header: 'Mapping',
          cell: (info) => {
            const { name, source, target } = info.row.original.mapping;
            return (
              <span className="cell-lines">
                <Link className="mono" to={paths.mapping(name)}>
                  {name}
                </Link>
                <span className="muted mono">
                  {source} → {target}
                </span>
              </span>
            );
          },
        }),
        helper.display({
          id: 'last',
          header: 'Last run',
          cell: (info) => (live && health ? <live.LastRunCell health={health.of(info.row.original.mapping.name)} now={now} /> : <Pending />),
        }),
        helper.display({
          id: 'trend',
          header: 'Last runs',
          cell: (info) => {
            const name = info.row.original.mapping.name;
            return live && health ? <live.TrendCell mapping={name} runs={health.runsOf(name)} /> : <Pending />;
          },
        }),
        helper.display({
          id: 'active',
          header: 'Active run',
          cell: (info) => {
            if (!live || !health) return <Pending />;
            const active = health.of(info.row.original.mapping.name).active;
            return active ? <live.ActiveRunCell run={active} onRequest={setCancelFor} /> : null;
          },
        }),
        helper.display({
          id: 'queue',
          header: 'Queued events',
          cell: (info) => (live && scan ? <live.QueueCounts mapping={info.row.original.mapping.name} scan={scan} now={now} /> : <Pending />),
        }),
        helper.display({
          id: 'attention',
          header: 'Needs attention',
          cell: (info) => (live && health ? <live.AttentionCell health={health.of(info.row.original.mapping.name)} /> : <Pending />),
        }),
        helper.display({
          id: 'launch',
          header: () => <span className="visually-hidden">Actions</span>,
          cell: (info) => {
            const name = info.row.original.mapping.name;
            return (
              <button
                type="button"
                className="button-small"
                // aria-disabled: after a launch from here the button, now unavailable, keeps the focus.
                {...unavailableWhile(!health || Boolean(health.of(name).active), () => setLaunchFor(name))}
                aria-label={`Launch a reconciliation of ${name}…`}
              >
                Launch…
              </button>
            );
          },
        }),
      ]),
    [live, health, scan, now],
  );

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Overview</h1>
      <dl className="overview-figures" aria-label="The tenant at a glance">
        {FIGURES.map(({ key, label }) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{figures[key] ?? <Pending />}</dd>
          </div>
        ))}
      </dl>
      {liveError !== undefined ? (
        <ErrorState
          title="The runs and the queue could not be loaded"
          error={liveError}
          action={
            <button type="button" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          }
        />
      ) : null}
      {scanQuery.isError ? <ErrorState title="The sync queue could not be counted" error={scanQuery.error} /> : null}
      {runsQuery.isError && !runs ? <ErrorState title="The runs could not be loaded" error={runsQuery.error} /> : null}
      <p className="hint">
        Queue counts come from one scan of at most 10,000 events (oldest first); a “+” means the queue holds more. “Much slower than usual”: an active run past
        twice the median duration of the mapping’s last 10 successful runs, and at least a minute over it. “Never reconciled”: no run among those the server
        keeps.
      </p>
      <div className="overview-toolbar">
        <label>
          <input
            type="checkbox"
            checked={view.attention}
            onChange={(e) => setSearchParams(writeOverviewView({ ...view, attention: e.target.checked }), { replace: false })}
          />{' '}
          Only what needs attention
        </label>
        <span role="status">
          {mappings.data
            ? view.attention
              ? health
                ? `${countText(shown.length)} of ${countText(rows.length)}${complete ? '' : '+'} mappings need attention`
                : ''
              : `${countText(rows.length)}${complete ? '' : '+'} mappings`
            : ''}
        </span>
      </div>
      {live ? <live.RunNotices launched={launched} finished={runs?.finished ?? []} onDismiss={() => setLaunched(null)} /> : null}
      <ListState
        query={mappings}
        data={mappings.data}
        loading="Loading mappings…"
        error={{ title: 'The mappings could not be loaded' }}
        unreadable={{ items: unreadableAcrossPages(mappings.data?.pages ?? []), noun: 'mapping', plural: 'mappings' }}
        isEmpty={shown.length === 0}
        isFiltered={view.attention}
        // Until the runs are read and every page is scanned, "nothing needs attention" is not known.
        stillLoading={view.attention && (hasNextPage || !health) ? 'Looking for mappings that need attention…' : undefined}
        empty={{ title: 'No mappings', body: 'The tenant has no mappings configured.' }}
        noMatch={{ title: 'Nothing needs attention', body: 'Every mapping’s last run succeeded, no event looks stuck and no run is unusually slow.' }}
      >
        <div className="overview-table">
          <VirtualTable
            caption="Mappings in processing order, with their health"
            columns={columns}
            data={shown}
            getRowId={(row) => row.mapping.name}
            busy={mappings.isFetching}
            height={640}
            fixedRowHeight={76}
            onEndReached={loadMore}
            totalRows={complete ? shown.length + 1 : -1}
          />
        </div>
      </ListState>
      {live && cancelFor ? <live.ListCancelDialog run={cancelFor} runs={runs?.runs ?? NO_RUNS} onClose={() => setCancelFor(null)} /> : null}
      {live && launchFor ? (
        <Suspense fallback={<LoadingState label="Loading…" />}>
          <live.LaunchReconDialog mapping={launchFor} onClose={() => setLaunchFor(null)} onLaunched={setLaunched} />
        </Suspense>
      ) : null}
    </section>
  );
}
