/**
 * The overview's health rules: what a mapping's row says and whether it needs attention, and the
 * tenant-wide figures. Pure (the clock is a parameter), over what the console already reads:
 * the runs list (`GET recon`) and a bounded scan of the sync queue (see queue-scan.ts).
 */
import type { ReconRun } from '../../features/recon/api/schemas';
import { isActive, sortNewestFirst } from '../../features/recon/run-state';
import { failuresOf, isSlow, usualDuration } from '../../features/recon/trends';
import { flagsOf } from '../../features/sync-queue/sync-queue-view';

export interface QueueTally {
  pending: number;
  acquired: number;
  /** ACQUIRED for longer than the queue's "possibly stuck" limit (flagsOf). */
  stuck: number;
}

export const EMPTY_TALLY: QueueTally = { pending: 0, acquired: 0, stuck: 0 };

export interface QueueScan {
  total: QueueTally;
  byMapping: ReadonlyMap<string, QueueTally>;
  /** Events read; when the scan stopped at its cap, every count is a lower bound. */
  scanned: number;
  complete: boolean;
}

type ScannedEvent = { mapping: string | null; state: string | null; createDate?: string | null };

/** Counts events by state and by mapping; "possibly stuck" is the queue page's own rule. */
export function tallyQueue(events: Iterable<ScannedEvent>, now: number, complete: boolean): QueueScan {
  const total = { ...EMPTY_TALLY };
  const byMapping = new Map<string, QueueTally>();
  let scanned = 0;
  for (const event of events) {
    scanned++;
    const key = event.mapping ?? '';
    let tally = byMapping.get(key);
    if (!tally) byMapping.set(key, (tally = { ...EMPTY_TALLY }));
    const field = event.state === 'PENDING' ? 'pending' : event.state === 'ACQUIRED' ? 'acquired' : null;
    if (field) {
      total[field]++;
      tally[field]++;
    }
    if (flagsOf({ state: event.state, createDate: event.createDate ?? null }, now).possiblyStuck) {
      total.stuck++;
      tally.stuck++;
    }
  }
  return { total, byMapping, scanned, complete };
}

/** Why a mapping needs attention, in the order a row lists them. */
export type AttentionReason = 'failed' | 'failures' | 'slow' | 'stuck' | 'never';

export const ATTENTION_LABELS: Record<AttentionReason, string> = {
  failed: 'Last run failed',
  failures: 'Last run had failures',
  slow: 'Much slower than usual',
  stuck: 'Possibly stuck events',
  never: 'Never reconciled',
};

export interface MappingHealth {
  /** The last run that ended (whatever its outcome); null when none did. */
  last: ReconRun | null;
  active: ReconRun | null;
  /** Median of recent successful durations (recon/trends.ts), null when too few. */
  usual: number | null;
  attention: AttentionReason[];
}

/**
 * One mapping's health from its runs and its queue tally (undefined while the scan is not in:
 * "stuck" is then not claimed either way). "Never reconciled" means no run among those the server
 * keeps.
 */
export function mappingHealth(runs: readonly ReconRun[], mapping: string, queue: QueueTally | undefined, now: number): MappingHealth {
  const mine = sortNewestFirst(runs.filter((run) => run.mapping === mapping));
  const active = mine.find(isActive) ?? null;
  const last = mine.find((run) => !isActive(run)) ?? null;
  const usual = usualDuration(mine, mapping);
  const attention: AttentionReason[] = [];
  if (last?.state === 'FAILED') attention.push('failed');
  else if (last && failuresOf(last) > 0) attention.push('failures');
  if (active && isSlow(active, usual, now)) attention.push('slow');
  if (queue && queue.stuck > 0) attention.push('stuck');
  if (mine.length === 0) attention.push('never');
  return { last, active, usual, attention };
}

/**
 * The health of the mappings at one instant (one runs list, one queue scan, one "now"), judged
 * only for the mappings asked about and each at most once: the rows in view ask, so a poll costs
 * the rows on screen, not every mapping read so far. The attention switch asks for every row it
 * filters, which it must.
 */
export interface HealthSnapshot {
  of(mapping: string): MappingHealth;
  /** The mapping's runs (every run of it in the list, in the list's order). */
  runsOf(mapping: string): readonly ReconRun[];
  /** No run among those the server keeps (the "never reconciled" rule, without judging the rest). */
  neverReconciled(mapping: string): boolean;
}

const NO_RUNS: readonly ReconRun[] = [];

export function healthSnapshot(runs: readonly ReconRun[], scan: QueueScan | undefined, now: number): HealthSnapshot {
  const groups = runsByMapping(runs);
  const judged = new Map<string, MappingHealth>();
  const runsOf = (mapping: string) => groups.get(mapping) ?? NO_RUNS;
  return {
    of(mapping) {
      let health = judged.get(mapping);
      if (!health) {
        // Before the scan is in, "stuck" is not claimed either way (undefined); after it, a mapping
        // the scan did not meet has none queued.
        health = mappingHealth(runsOf(mapping), mapping, scan ? (scan.byMapping.get(mapping) ?? EMPTY_TALLY) : undefined, now);
        judged.set(mapping, health);
      }
      return health;
    },
    runsOf,
    neverReconciled: (mapping) => !groups.has(mapping),
  };
}

/** The runs grouped by mapping, so 10,000 rows do not each filter hundreds of runs. */
export function runsByMapping(runs: readonly ReconRun[]): Map<string, ReconRun[]> {
  const groups = new Map<string, ReconRun[]>();
  for (const run of runs) {
    const group = groups.get(run.mapping);
    if (group) group.push(run);
    else groups.set(run.mapping, [run]);
  }
  return groups;
}

export const DAY_MS = 24 * 3600_000;

/** Runs that ended FAILED within the last 24 hours before `now`. */
export function failedLastDay(runs: readonly ReconRun[], now: number): number {
  return runs.filter((run) => {
    if (run.state !== 'FAILED') return false;
    const at = Date.parse(run.ended || run.started || '');
    return Number.isFinite(at) && now - at <= DAY_MS && at <= now + 60_000;
  }).length;
}

/** A count that may be a lower bound: "10,000+" when the work stopped at its cap. */
export function boundedCount(n: number, complete: boolean): string {
  const text = new Intl.NumberFormat('en').format(n);
  return complete ? text : `${text}+`;
}
