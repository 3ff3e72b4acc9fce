/**
 * Trend arithmetic over a mapping's runs: which runs a trend shows, how a bar is scaled, how the
 * situation counts of each run stack, and what a mapping's "usual" duration is. Pure, so the
 * overview, the mapping page and their tests share one definition.
 */
import type { ReconRun } from './api/schemas';
import { isActive, runStatus, sortNewestFirst, type RunStatus } from './run-state';

/** The most runs a trend shows. */
export const TREND_RUNS = 20;

export interface TrendPoint {
  id: string;
  started: string | undefined;
  /** Milliseconds; null when the server gave none (or -1: not started). */
  durationMs: number | null;
  status: RunStatus;
  /** As the server sent them (the 13 situations, possibly more). */
  situations: Record<string, number>;
  failures: number;
}

/** Entries the server counted as failed in a run (`statusSummary.FAILURE`), 0 when not sent. */
export function failuresOf(run: Pick<ReconRun, 'statusSummary'>): number {
  const n = run.statusSummary?.FAILURE;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

export function durationOf(run: Pick<ReconRun, 'duration'>): number | null {
  return typeof run.duration === 'number' && Number.isFinite(run.duration) && run.duration >= 0 ? run.duration : null;
}

/** The last `limit` runs of `mapping`, oldest first (time reads left to right). */
export function trendOf(runs: readonly ReconRun[], mapping: string, limit = TREND_RUNS): TrendPoint[] {
  return sortNewestFirst(runs.filter((run) => run.mapping === mapping))
    .slice(0, limit)
    .reverse()
    .map((run) => ({
      id: run._id,
      started: run.started,
      durationMs: durationOf(run),
      status: runStatus(run),
      situations: run.situationSummary ?? {},
      failures: failuresOf(run),
    }));
}

/**
 * Bar heights for `values` in a box `height` high, scaled to the largest value. A missing value is
 * 0; any positive value gets at least 1 (a run that took 10 ms beside one of an hour still shows).
 */
export function barHeights(values: readonly (number | null)[], height: number): number[] {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  if (max === 0) return values.map(() => 0);
  return values.map((v) => (v && v > 0 ? Math.max(1, (v / max) * height) : 0));
}

export interface StackSegment {
  name: string;
  count: number;
  /** Distance from the bottom of the box. */
  y: number;
  height: number;
}

/**
 * Each run's situation counts as one stacked bar in a box `height` high, scaled to the largest
 * run's total; segments in `order` (situations not in it follow, by name), zero counts left out.
 */
export function stackSituations(points: readonly Pick<TrendPoint, 'situations'>[], order: readonly string[], height: number): StackSegment[][] {
  const totals = points.map((p) => Object.values(p.situations).reduce((sum, n) => sum + Math.max(0, n), 0));
  const max = Math.max(0, ...totals);
  return points.map((point) => {
    const names = [
      ...order,
      ...Object.keys(point.situations)
        .filter((n) => !order.includes(n))
        .sort(),
    ];
    const segments: StackSegment[] = [];
    let y = 0;
    for (const name of names) {
      const count = point.situations[name] ?? 0;
      if (count <= 0) continue;
      const h = max === 0 ? 0 : (count / max) * height;
      segments.push({ name, count, y, height: h });
      y += h;
    }
    return segments;
  });
}

/** How many finished successful runs "usual" is taken over, at most. */
export const USUAL_RUNS = 10;
/** Fewer successful runs than this and a mapping has no usual duration yet. */
export const USUAL_MIN_RUNS = 3;

/**
 * A mapping's usual duration: the median duration of its last {@link USUAL_RUNS} successful runs
 * (failed and canceled runs stop early, so they would drag it down; the median ignores one
 * outlier), or null with fewer than {@link USUAL_MIN_RUNS} of them.
 */
export function usualDuration(runs: readonly ReconRun[], mapping: string): number | null {
  const durations = sortNewestFirst(runs.filter((run) => run.mapping === mapping && run.state === 'SUCCESS'))
    .map(durationOf)
    .filter((d): d is number => d !== null)
    .slice(0, USUAL_RUNS)
    .sort((a, b) => a - b);
  if (durations.length < USUAL_MIN_RUNS) return null;
  const mid = Math.floor(durations.length / 2);
  return durations.length % 2 ? durations[mid]! : (durations[mid - 1]! + durations[mid]!) / 2;
}

/** An active run is "much slower than usual" past this many times the usual duration… */
export const SLOW_FACTOR = 2;
/** …and at least this much longer (a 4 s run that takes 9 s is not news). */
export const SLOW_MARGIN_MS = 60_000;

/** Elapsed time of an active run: the server's `duration`, else the time since `started`. */
export function elapsedOf(run: ReconRun, now: number): number | null {
  const d = durationOf(run);
  if (d !== null) return d;
  const started = run.started ? Date.parse(run.started) : Number.NaN;
  return Number.isFinite(started) ? Math.max(0, now - started) : null;
}

export function isSlow(run: ReconRun, usual: number | null, now: number): boolean {
  if (!isActive(run) || usual === null) return false;
  const elapsed = elapsedOf(run, now);
  return elapsed !== null && elapsed > usual * SLOW_FACTOR && elapsed - usual >= SLOW_MARGIN_MS;
}
