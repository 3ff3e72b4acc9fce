/**
 * Watching runs between polls. Each fetch is folded into what was seen before (kept in the query
 * cache, so leaving and returning keeps it; a reload starts afresh from the server): whether the
 * numbers moved, since when they have not, samples for throughput, and which runs finished while
 * being watched. Polling reads only this: about once a second while a run is active, backing off
 * while nothing changes, never once nothing is active.
 */
import type { ReconRun } from './api/schemas';
import { processedEntries, type Sample } from './progress';
import { isActive, sortNewestFirst } from './run-state';

export const POLL_BASE_MS = 1_000;
export const POLL_MAX_MS = 8_000;
/** Unchanged numbers for this long while running earn a warning. */
export const STALL_AFTER_MS = 30_000;
const MAX_SAMPLES = 90;

interface PollState {
  /** Anything to poll for. */
  active: boolean;
  /** Client time of this fetch. */
  fetchedAt: number;
  /** Client time the numbers last moved (or were first seen). */
  changedAt: number;
  /** Consecutive fetches with nothing new. */
  unchangedPolls: number;
}

/** What moves while a run goes; `duration` is left out because it grows even when a run is stuck. */
export function progressFingerprint(run: ReconRun): string {
  return JSON.stringify([run._id, run.state, run.stage, run.progress, run.situationSummary, run.statusSummary, run.ended]);
}

function nextPollState(previous: PollState | undefined, fingerprintChanged: boolean, active: boolean, now: number): PollState {
  if (!previous || fingerprintChanged) return { active, fetchedAt: now, changedAt: now, unchangedPolls: 0 };
  return { active, fetchedAt: now, changedAt: previous.changedAt, unchangedPolls: previous.unchangedPolls + 1 };
}

/** The delay before the next poll, or false: stop. 1 s, 1 s, 2 s, 4 s, then 8 s while unchanged. */
export function pollDelay(state: Pick<PollState, 'active' | 'unchangedPolls'> | undefined): number | false {
  if (!state?.active) return false;
  return Math.min(POLL_MAX_MS, POLL_BASE_MS * 2 ** Math.max(0, state.unchangedPolls - 1));
}

/** How long the numbers have stood still, when that is long enough to warn about; else null. */
export function stalledFor(state: PollState | undefined): number | null {
  if (!state?.active) return null;
  const still = state.fetchedAt - state.changedAt;
  return still >= STALL_AFTER_MS ? still : null;
}

export interface WatchedRun extends PollState {
  run: ReconRun;
  fingerprint: string;
  samples: Sample[];
  /** Seen active, then seen finished, in this session. */
  finishedWhileWatched: boolean;
}

export function watchRun(previous: WatchedRun | undefined, run: ReconRun, now: number): WatchedRun {
  const fingerprint = progressFingerprint(run);
  const active = isActive(run);
  const poll = nextPollState(previous, previous?.fingerprint !== fingerprint, active, now);
  const samples = active ? [...(previous?.samples ?? []), { at: now, processed: processedEntries(run) }].slice(-MAX_SAMPLES) : [];
  const finishedNow = Boolean(previous && isActive(previous.run) && !active);
  return { ...poll, run, fingerprint, samples, finishedWhileWatched: finishedNow || Boolean(previous?.finishedWhileWatched && !active) };
}

export interface FinishedRun {
  id: string;
  mapping: string;
  state: string;
}

export interface WatchedList extends PollState {
  /** Newest first. */
  runs: ReconRun[];
  fingerprint: string;
  /** Runs seen finishing while the list was watched, latest first (a few). */
  finished: FinishedRun[];
}

export function watchList(previous: WatchedList | undefined, runs: readonly ReconRun[], now: number): WatchedList {
  const sorted = sortNewestFirst(runs);
  const activeRuns = sorted.filter(isActive);
  const fingerprint = activeRuns.map(progressFingerprint).join('\n');
  const poll = nextPollState(previous, previous?.fingerprint !== fingerprint, activeRuns.length > 0, now);
  const wasActive = new Set((previous?.runs ?? []).filter(isActive).map((r) => r._id));
  const justFinished = sorted.filter((r) => wasActive.has(r._id) && !isActive(r)).map((r) => ({ id: r._id, mapping: r.mapping, state: r.state }));
  return { ...poll, runs: sorted, fingerprint, finished: [...justFinished, ...(previous?.finished ?? [])].slice(0, 5) };
}
