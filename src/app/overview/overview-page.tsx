/**
 * The start page: is synchronization healthy, and if not, where? One row per mapping in processing
 * order (only the rows in view are rendered), with its last run, a trend of its last runs, its
 * active run (live, cancelable), its queued events (each count a link to the queue filtered to
 * them) and a launch action; above the table, figures for the whole tenant. Composed here from the
 * mappings, recon and sync-queue features, which never import each other.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ListState } from '../../components/list-state';
import { ErrorState, LoadingState } from '../../components/states';
import { unreadableAcrossPages } from '../../components/unreadable-items';
import { unavailableWhile } from '../../lib/use-single-flight';
import { usePageTitle } from '../../components/use-page-title';
import { VirtualTable, type VirtualTableFeatures } from '../../components/virtual-table';
import { paths } from '../../config/paths';
import type { MappingSummary } from '../../features/mappings/api/schemas';
import { reconQueries } from '../../features/recon/api/queries';
import type { ReconRun } from '../../features/recon/api/schemas';
import { CancelReconButton, ListCancelDialog } from '../../features/recon/components/cancel-recon-button';
import type { LaunchedRun } from '../../features/recon/components/launch-recon-dialog';
import { RunNotices } from '../../features/recon/components/run-notices';
import { RunProgressCell } from '../../features/recon/components/run-progress';
import { RunStatusBadge } from '../../features/recon/components/run-status-badge';
import { RunTrendSparkline, TRENDS_ANCHOR } from '../../features/recon/components/run-trends';
import { formatCount, formatDuration } from '../../features/recon/progress';
import { Time } from '../../components/time';
import { isActive } from '../../features/recon/run-state';
import { failuresOf, trendOf } from '../../features/recon/trends';
import { formatAge, queueUrl, stuckFilter } from '../../features/sync-queue/sync-queue-view';
import { ATTENTION_LABELS, boundedCount, failedLastDay, mappingHealth, runsByMapping, type MappingHealth, type QueueScan } from './health';
import { overviewQueries } from './queries';
import { readOverviewView, writeOverviewView } from './overview-view';
import './overview.css';

/** In attention mode, more mappings pages are read until this many rows match (or the list ends). */
const ATTENTION_FILL = 40;
const NO_RUNS: ReconRun[] = [];

// Loaded when a launch is asked for: the first rows do not wait for the dialog's code.
const LaunchReconDialog = lazy(async () => ({ default: (await import('../../features/recon/components/launch-recon-dialog')).LaunchReconDialog }));

interface Row {
  mapping: MappingSummary;
  health: MappingHealth | null;
}

const helper = createColumnHelper<VirtualTableFeatures, Row>();

function relative(iso: string | undefined, now: number): string {
  const t = iso ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(t)) return '';
  return now >= t ? `${formatAge(now - t)} ago` : 'just now';
}

function QueueCounts({ mapping, scan, now }: { mapping: string; scan: QueueScan | undefined; now: number }) {
  if (!scan) return <span className="muted">…</span>;
  const tally = scan.byMapping.get(mapping) ?? { pending: 0, acquired: 0, stuck: 0 };
  const n = (count: number) => boundedCount(count, scan.complete);
  return (
    <span className="queue-counts">
      <Link to={queueUrl({ mapping, state: 'PENDING' })}>{n(tally.pending)} pending</Link>
      <Link to={queueUrl({ mapping, state: 'ACQUIRED' })}>{n(tally.acquired)} acquired</Link>
      {tally.stuck > 0 ? (
        <Link to={queueUrl({ advanced: stuckFilter(mapping, now) })} className="text-danger">
          {n(tally.stuck)} possibly stuck
        </Link>
      ) : null}
    </span>
  );
}

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

  const mappings = useInfiniteQuery(overviewQueries.mappings());
  // The runs list (every run, about 1.5 KB each) and the queue scan are asked for once the first
  // mappings page has been answered, not beside it: answered first, they would be read (hundreds
  // of runs, a thousand events) while the first rows wait, as the Mappings page's never do. The
  // route's loader holds them back the same way (routes/overview-data.ts). The runs list is the
  // recon feature's own query, with its polling plan: one request per interval while runs are
  // active, none when idle or hidden.
  const firstPageIn = !mappings.isPending;
  const runsQuery = useQuery({ ...reconQueries.list(), enabled: firstPageIn });
  const runs = runsQuery.data?.runs ?? NO_RUNS;
  const scanQuery = useQuery({ ...overviewQueries.queueScan(), enabled: firstPageIn });
  const scan = scanQuery.data;
  // "Now" is when the runs were last read, so ages and "much slower" are computed from one instant
  // the data agrees with (and tests drive it through the mock tenant's clock, not real time).
  const now = runsQuery.dataUpdatedAt || scanQuery.dataUpdatedAt;

  const groups = useMemo(() => runsByMapping(runs), [runs]);
  const allMappings = useMemo(() => mappings.data?.pages.flatMap((p) => p.result) ?? [], [mappings.data]);
  const rows = useMemo<Row[]>(
    () =>
      allMappings.map((mapping) => ({
        mapping,
        // Without the runs list there is nothing to judge yet (rows show "…", not "never").
        health: runsQuery.data
          ? mappingHealth(
              groups.get(mapping.name) ?? NO_RUNS,
              mapping.name,
              scan?.byMapping.get(mapping.name) ?? (scan ? { pending: 0, acquired: 0, stuck: 0 } : undefined),
              now,
            )
          : null,
      })),
    [allMappings, groups, scan, now, runsQuery.data],
  );
  const shown = useMemo(() => (view.attention ? rows.filter((r) => r.health && r.health.attention.length > 0) : rows), [rows, view.attention]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = mappings;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  // The attention switch hides most rows: read on until a screenful matches or the list ends.
  useEffect(() => {
    if (view.attention && runsQuery.data && shown.length < ATTENTION_FILL) loadMore();
  }, [view.attention, runsQuery.data, shown.length, loadMore]);

  const complete = mappings.data !== undefined && !hasNextPage;
  const activeCount = runs.filter(isActive).length;
  const neverCount = rows.filter((r) => r.health?.attention.includes('never')).length;

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
          cell: (info) => {
            const health = info.row.original.health;
            if (!health) return <span className="muted">…</span>;
            const last = health.last;
            if (!last) return <span className="muted">{health.active ? 'First run in progress' : 'Never reconciled'}</span>;
            const failures = failuresOf(last);
            return (
              <span className="cell-lines">
                <span>
                  <RunStatusBadge run={last} />{' '}
                  <Link to={paths.reconRun(last._id)}>
                    <Time value={last.ended || last.started} relative={relative(last.ended || last.started, now) || undefined} fallback="unknown time" />
                  </Link>
                </span>
                <span>
                  {formatDuration(last.duration)}
                  {failures > 0 ? `, ${formatCount(failures)} failed` : ''}
                </span>
              </span>
            );
          },
        }),
        helper.display({
          id: 'trend',
          header: 'Last runs',
          cell: (info) => {
            const name = info.row.original.mapping.name;
            if (!info.row.original.health) return <span className="muted">…</span>;
            return <RunTrendSparkline points={trendOf(groups.get(name) ?? NO_RUNS, name)} mapping={name} to={`${paths.mapping(name)}#${TRENDS_ANCHOR}`} />;
          },
        }),
        helper.display({
          id: 'active',
          header: 'Active run',
          cell: (info) => {
            const active = info.row.original.health?.active;
            if (!active) return null;
            return (
              <span className="cell-lines">
                <RunProgressCell run={active} />
                <CancelReconButton run={active} compact onRequest={setCancelFor} />
              </span>
            );
          },
        }),
        helper.display({
          id: 'queue',
          header: 'Queued events',
          cell: (info) => <QueueCounts mapping={info.row.original.mapping.name} scan={scan} now={now} />,
        }),
        helper.display({
          id: 'attention',
          header: 'Needs attention',
          cell: (info) => {
            const health = info.row.original.health;
            if (!health || health.attention.length === 0) return null;
            return (
              <ul className="attention-list">
                {health.attention.map((reason) => (
                  <li key={reason}>
                    <span className="badge badge-danger">{ATTENTION_LABELS[reason]}</span>
                  </li>
                ))}
              </ul>
            );
          },
        }),
        helper.display({
          id: 'launch',
          header: () => <span className="visually-hidden">Actions</span>,
          cell: (info) => {
            const { mapping, health } = info.row.original;
            return (
              <button
                type="button"
                className="button-small"
                // aria-disabled: after a launch from here the button, now unavailable, keeps the focus.
                {...unavailableWhile(!health || Boolean(health.active), () => setLaunchFor(mapping.name))}
                aria-label={`Launch a reconciliation of ${mapping.name}…`}
              >
                Launch…
              </button>
            );
          },
        }),
      ]),
    [groups, scan, now],
  );

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Overview</h1>
      <dl className="overview-figures" aria-label="The tenant at a glance">
        <div>
          <dt>Active runs</dt>
          <dd>{runsQuery.data ? formatCount(activeCount) : '…'}</dd>
        </div>
        <div>
          <dt>Runs failed in the last 24 h</dt>
          <dd>{runsQuery.data ? formatCount(failedLastDay(runs, now)) : '…'}</dd>
        </div>
        <div>
          <dt>Queued events</dt>
          <dd>{scan ? <Link to={queueUrl({})}>{boundedCount(scan.total.pending + scan.total.acquired, scan.complete)}</Link> : '…'}</dd>
        </div>
        <div>
          <dt>Possibly stuck events</dt>
          <dd>{scan ? boundedCount(scan.total.stuck, scan.complete) : '…'}</dd>
        </div>
        <div>
          <dt>Mappings never reconciled</dt>
          <dd>{runsQuery.data && mappings.data ? boundedCount(neverCount, complete) : '…'}</dd>
        </div>
      </dl>
      {scanQuery.isError ? <ErrorState title="The sync queue could not be counted" error={scanQuery.error} /> : null}
      {runsQuery.isError && !runsQuery.data ? <ErrorState title="The runs could not be loaded" error={runsQuery.error} /> : null}
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
              ? `${formatCount(shown.length)} of ${formatCount(rows.length)}${complete ? '' : '+'} mappings need attention`
              : `${formatCount(rows.length)}${complete ? '' : '+'} mappings`
            : ''}
        </span>
      </div>
      <RunNotices launched={launched} finished={runsQuery.data?.finished ?? []} onDismiss={() => setLaunched(null)} />
      <ListState
        query={mappings}
        data={mappings.data}
        loading="Loading mappings…"
        error={{ title: 'The mappings could not be loaded' }}
        unreadable={{ items: unreadableAcrossPages(mappings.data?.pages ?? []), noun: 'mapping', plural: 'mappings' }}
        isEmpty={shown.length === 0}
        isFiltered={view.attention}
        // Until the runs are read and every page is scanned, "nothing needs attention" is not known.
        stillLoading={view.attention && (hasNextPage || !runsQuery.data) ? 'Looking for mappings that need attention…' : undefined}
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
      {cancelFor ? <ListCancelDialog run={cancelFor} runs={runs} onClose={() => setCancelFor(null)} /> : null}
      {launchFor ? (
        <Suspense fallback={<LoadingState label="Loading…" />}>
          <LaunchReconDialog mapping={launchFor} onClose={() => setLaunchFor(null)} onLaunched={setLaunched} />
        </Suspense>
      ) : null}
    </section>
  );
}
