/**
 * What a run's `state` and `stage` mean to a person. The server has no CANCELING state: a run
 * being canceled stays ACTIVE with stage ACTIVE_CANCELING, and the console calls that "Canceling".
 */
import { STAGE_DESCRIPTIONS } from '../../lib/idm-vocabulary';
import type { ReconRun } from './api/schemas';

export { SITUATIONS } from '../../lib/idm-vocabulary';

export const RUN_STATES = ['ACTIVE', 'SUCCESS', 'FAILED', 'CANCELED'] as const;

export type RunStatus = 'running' | 'canceling' | 'succeeded' | 'failed' | 'canceled' | 'unknown';

export const STATUS_LABELS: Record<RunStatus, string> = {
  running: 'Running',
  canceling: 'Canceling',
  succeeded: 'Succeeded',
  failed: 'Failed',
  canceled: 'Canceled',
  unknown: 'Unknown',
};

export function isActive(run: Pick<ReconRun, 'state'>): boolean {
  return run.state === 'ACTIVE';
}

export function isCanceling(run: Pick<ReconRun, 'state' | 'stage'>): boolean {
  return run.state === 'ACTIVE' && run.stage === 'ACTIVE_CANCELING';
}

export function runStatus(run: Pick<ReconRun, 'state' | 'stage'>): RunStatus {
  switch (run.state) {
    case 'ACTIVE':
      return run.stage === 'ACTIVE_CANCELING' ? 'canceling' : 'running';
    case 'SUCCESS':
      return 'succeeded';
    case 'FAILED':
      return 'failed';
    case 'CANCELED':
      return 'canceled';
    default:
      return 'unknown';
  }
}

/** The label for a run's status; an unknown state shows as the server sent it. */
export function statusLabel(run: Pick<ReconRun, 'state' | 'stage'>): string {
  const status = runStatus(run);
  return status === 'unknown' ? run.state : STATUS_LABELS[status];
}

export function stageText(run: Pick<ReconRun, 'stage' | 'stageDescription'>): string {
  if (run.stageDescription) return run.stageDescription;
  if (run.stage) return (STAGE_DESCRIPTIONS as Record<string, string>)[run.stage] ?? run.stage;
  return '';
}

/** The phase whose counts are moving now, if any. */
export type Phase = 'source' | 'target' | 'links';

export function currentPhase(run: Pick<ReconRun, 'state' | 'stage'>): Phase | null {
  if (!isActive(run)) return null;
  switch (run.stage) {
    case 'ACTIVE_RECONCILING_SOURCE':
      return 'source';
    case 'ACTIVE_RECONCILING_TARGET':
      return 'target';
    case 'ACTIVE_LINK_CLEANUP':
      return 'links';
    default:
      return null;
  }
}

function startedTime(run: ReconRun): number {
  const t = run.started ? Date.parse(run.started) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** Newest first by `started` (the server promises no order); runs without a start time go last. */
export function sortNewestFirst(runs: readonly ReconRun[]): ReconRun[] {
  return [...runs].sort((a, b) => startedTime(b) - startedTime(a) || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0));
}
