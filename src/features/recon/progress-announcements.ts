/**
 * What a screen reader hears about a running run, politely: each change of stage, and each
 * quarter of the current phase completed (25 %, 50 %, 75 %, 100 %), never every tick of the
 * counters. A run's progress is reduced to a {@link ProgressMark}; an announcement is due only when
 * the mark changes in a way worth saying. The end of the run is not announced here: the run page's
 * notice ("The reconciliation of … finished: succeeded.") is its own live region, and one event is
 * said once.
 */
import type { ReconRun } from './api/schemas';
import { completion, formatCount, phaseCountOf } from './progress';
import { currentPhase, isActive, stageText, type Phase } from './run-state';

export interface ProgressMark {
  active: boolean;
  /** The stage as a person reads it ("reconciling source entries"). */
  stage: string;
  phase: Phase | null;
  /** Quarters of the current phase done (0–4), null while its total is not known. */
  quarter: number | null;
}

export function progressMark(run: ReconRun): ProgressMark {
  const phase = currentPhase(run);
  const count = phase ? phaseCountOf(run, phase) : null;
  const done = count ? completion(count) : null;
  return { active: isActive(run), stage: stageText(run), phase, quarter: done === null ? null : Math.floor(done * 4) };
}

export function sameMark(a: ProgressMark, b: ProgressMark): boolean {
  return a.active === b.active && a.stage === b.stage && a.phase === b.phase && a.quarter === b.quarter;
}

/**
 * The announcement due when a run moves from `before` to `run` (both as polled), or null: a new
 * stage while the run is active, or a quarter of the same phase newly reached. Quarter 0 (a total
 * just learnt) and a count that went back (a server's correction) say nothing.
 */
export function progressAnnouncement(before: ProgressMark, run: ReconRun, phaseLabels: Record<Phase, string>): string | null {
  const after = progressMark(run);
  if (!after.active) return null;
  if (after.stage !== before.stage) return after.stage ? `Stage: ${after.stage}.` : null;
  if (after.phase === null || after.phase !== before.phase || after.quarter === null || after.quarter === 0) return null;
  if (before.quarter !== null && after.quarter <= before.quarter) return null;
  const count = phaseCountOf(run, after.phase)!;
  return `${phaseLabels[after.phase]}: ${after.quarter * 25}% (${formatCount(count.processed)} of ${formatCount(count.total!)}).`;
}
