/**
 * Progress arithmetic that never invents a number: a total of "?" stays unknown (no percentage, no
 * time left), throughput comes from what was actually seen between polls, and durations are
 * formatted for people.
 */
import type { ExistingCount, ReconRun } from './api/schemas';
import { currentPhase, type Phase } from './run-state';

/** `total` is a string on the wire; "?" (or anything not a count) is unknown. */
export function parseTotal(total: string | undefined): number | null {
  if (total === undefined || !/^\d+$/.test(total.trim())) return null;
  return Number(total);
}

export interface PhaseCount {
  processed: number;
  /** null while the server does not know it. */
  total: number | null;
}

export function phaseCount(existing: ExistingCount | undefined): PhaseCount | null {
  if (!existing) return null;
  return { processed: existing.processed, total: parseTotal(existing.total) };
}

/** 0..1, or null when the total is unknown. A known total of 0 is complete. */
export function completion(count: PhaseCount): number | null {
  if (count.total === null) return null;
  if (count.total === 0) return 1;
  return Math.min(1, Math.max(0, count.processed / count.total));
}

export function phaseCountOf(run: ReconRun, phase: Phase): PhaseCount | null {
  return phaseCount(run.progress?.[phase]?.existing);
}

/** Entries processed so far in the source and target phases together. */
export function processedEntries(run: ReconRun): number {
  return (run.progress?.source?.existing?.processed ?? 0) + (run.progress?.target?.existing?.processed ?? 0);
}

/** Entries left in the phase that is running now; null when unknown (total "?", or no phase running). */
export function remainingInPhase(run: ReconRun): number | null {
  const phase = currentPhase(run);
  if (!phase) return null;
  const count = phaseCountOf(run, phase);
  if (!count || count.total === null) return null;
  return Math.max(0, count.total - count.processed);
}

export interface Sample {
  /** Client time, ms. */
  at: number;
  /** Entries processed (source + target). */
  processed: number;
}

export const THROUGHPUT_WINDOW_MS = 30_000;

/** Entries per second over the recent samples; null until two samples a second apart exist. */
export function throughput(samples: readonly Sample[], windowMs = THROUGHPUT_WINDOW_MS): number | null {
  const last = samples[samples.length - 1];
  if (!last) return null;
  const first = samples.find((s) => last.at - s.at <= windowMs);
  if (!first || last.at - first.at < 1_000) return null;
  return Math.max(0, ((last.processed - first.processed) * 1000) / (last.at - first.at));
}

/** Milliseconds left at `rate` entries/s; null when either is unknown or nothing moves. */
export function estimateTimeLeft(remaining: number | null, rate: number | null): number | null {
  if (remaining === null || rate === null) return null;
  if (remaining === 0) return 0;
  if (rate <= 0) return null;
  return (remaining / rate) * 1000;
}

/** "850 ms", "4.2 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const totalSeconds = Math.round(seconds);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const numberFormat = new Intl.NumberFormat('en');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}
