import type { ReconRun } from '../api/schemas';
import { runStatus, statusLabel } from '../run-state';
import '../recon.css';

const BADGE_CLASS = {
  running: 'badge badge-info',
  canceling: 'badge badge-warn',
  succeeded: 'badge badge-ok',
  failed: 'badge badge-danger',
  canceled: 'badge badge-muted',
  unknown: 'badge badge-muted',
} as const;

/** The run's status in words (colour only repeats it). */
export function RunStatusBadge({ run }: { run: Pick<ReconRun, 'state' | 'stage'> }) {
  return <span className={BADGE_CLASS[runStatus(run)]}>{statusLabel(run)}</span>;
}
