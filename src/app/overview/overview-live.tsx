/**
 * The overview's live part: everything its rows show beyond the mapping itself — the runs list
 * (with its polling plan) and the queue scan, the health rules, and the cells built on them (last
 * run, trend, active run with cancel, queued events, what needs attention), the tenant's figures,
 * the notices and the dialogs. A chunk of its own, loaded by overview-page.tsx once the first rows
 * are on screen: the first rows wait neither for this code (the recon cells, the trend, the health
 * rules) nor for the runs list and the queue scan it asks for, nor for reading them (hundreds of
 * runs), as the Mappings page's first rows wait for none of it. Until it is in, every cell says
 * "Loading…".
 */
import { lazy, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Time } from '../../components/time';
import { paths } from '../../config/paths';
import { reconQueries, type ReadRunList } from '../../features/recon/api/queries';
import type { ReconRun } from '../../features/recon/api/schemas';
import { CancelReconButton } from '../../features/recon/components/cancel-recon-button';
import { RunProgressCell } from '../../features/recon/components/run-progress';
import { RunStatusBadge } from '../../features/recon/components/run-status-badge';
import { RunTrendSparkline, TRENDS_ANCHOR } from '../../features/recon/components/run-trends';
import { formatCount, formatDuration } from '../../features/recon/progress';
import { isActive } from '../../features/recon/run-state';
import { failuresOf, trendOf } from '../../features/recon/trends';
import { formatAge, queueUrl, stuckFilter } from '../../features/sync-queue/sync-queue-view';
import { ListCancelDialog } from '../../features/recon/components/cancel-recon-button';
import { RunNotices } from '../../features/recon/components/run-notices';
import { ATTENTION_LABELS, boundedCount, EMPTY_TALLY, failedLastDay, healthSnapshot, type MappingHealth, type QueueScan } from './health';
import { overviewQueries } from './queries';

// Loaded when a launch is asked for: nothing on the overview waits for the dialog's code.
const LaunchReconDialog = lazy(async () => ({ default: (await import('../../features/recon/components/launch-recon-dialog')).LaunchReconDialog }));

function relative(iso: string | undefined, now: number): string {
  const t = iso ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(t)) return '';
  return now >= t ? `${formatAge(now - t)} ago` : 'just now';
}

function LastRunCell({ health, now }: { health: MappingHealth; now: number }) {
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
}

function TrendCell({ mapping, runs }: { mapping: string; runs: readonly ReconRun[] }) {
  return <RunTrendSparkline points={trendOf(runs, mapping)} mapping={mapping} to={`${paths.mapping(mapping)}#${TRENDS_ANCHOR}`} />;
}

function ActiveRunCell({ run, onRequest }: { run: ReconRun; onRequest: (run: ReconRun) => void }) {
  return (
    <span className="cell-lines">
      <RunProgressCell run={run} />
      <CancelReconButton run={run} compact onRequest={onRequest} />
    </span>
  );
}

function QueueCounts({ mapping, scan, now }: { mapping: string; scan: QueueScan; now: number }) {
  const tally = scan.byMapping.get(mapping) ?? EMPTY_TALLY;
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

function AttentionCell({ health }: { health: MappingHealth }) {
  if (health.attention.length === 0) return null;
  return (
    <ul className="attention-list">
      {health.attention.map((reason) => (
        <li key={reason}>
          <span className="badge badge-danger">{ATTENTION_LABELS[reason]}</span>
        </li>
      ))}
    </ul>
  );
}

/** The tenant's figures above the table, each undefined until what it counts is read. */
export interface FigureValues {
  active?: ReactNode;
  failed?: ReactNode;
  queued?: ReactNode;
  stuck?: ReactNode;
  never?: ReactNode;
}

function figureValues({
  runs,
  scan,
  now,
  never,
}: {
  runs: ReadRunList | undefined;
  scan: QueueScan | undefined;
  now: number;
  /** Mappings never reconciled among those read, and whether every mapping was read; undefined until both lists are in. */
  never: { count: number; complete: boolean } | undefined;
}): FigureValues {
  return {
    active: runs ? formatCount(runs.runs.filter(isActive).length) : undefined,
    failed: runs ? formatCount(failedLastDay(runs.runs, now)) : undefined,
    queued: scan ? <Link to={queueUrl({})}>{boundedCount(scan.total.pending + scan.total.acquired, scan.complete)}</Link> : undefined,
    stuck: scan ? boundedCount(scan.total.stuck, scan.complete) : undefined,
    never: never ? boundedCount(never.count, never.complete) : undefined,
  };
}

/** What the page uses, as one object: the page holds it in its state once the chunk is in. */
export const overviewLive = {
  /** The runs list: the recon feature's own query, with its polling plan (one request per interval while runs are active, none when idle or hidden). */
  runsQuery: reconQueries.list,
  queueScanQuery: overviewQueries.queueScan,
  healthSnapshot,
  figureValues,
  LastRunCell,
  TrendCell,
  ActiveRunCell,
  QueueCounts,
  AttentionCell,
  RunNotices,
  ListCancelDialog,
  LaunchReconDialog,
};
