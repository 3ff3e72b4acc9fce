/**
 * Notices for what happened while the page was open (a run launched, a run finished), in a live
 * region that exists from the start, so screen readers announce each new notice.
 */
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import type { FinishedRun } from '../watch';
import { STATUS_LABELS, runStatus } from '../run-state';
import type { LaunchedRun } from './launch-recon-dialog';
import '../recon.css';

export function finishedText(run: Pick<FinishedRun, 'mapping' | 'state'>): string {
  const status = runStatus({ state: run.state, stage: undefined });
  const word = status === 'unknown' ? run.state : STATUS_LABELS[status].toLowerCase();
  return `The reconciliation of ${run.mapping} finished: ${word}.`;
}

export function RunNotices({ launched, finished, onDismiss }: { launched: LaunchedRun | null; finished: FinishedRun[]; onDismiss?: () => void }) {
  return (
    <div className="run-notices" role="status" aria-live="polite">
      {launched ? (
        <p className="notice notice-info">
          Started a reconciliation of <span className="mono">{launched.mapping}</span>
          {launched.sourceId ? (
            <>
              {' '}
              for source entry <span className="mono">{launched.sourceId}</span>
            </>
          ) : null}
          . <Link to={paths.reconRun(launched.id)}>Follow the run</Link>
          {onDismiss ? (
            <button type="button" className="button-small notice-dismiss" onClick={onDismiss}>
              Dismiss
            </button>
          ) : null}
        </p>
      ) : null}
      {finished.map((run) => (
        <p key={run.id} className={`notice ${run.state === 'SUCCESS' ? 'notice-ok' : run.state === 'FAILED' ? 'notice-danger' : 'notice-info'}`}>
          {finishedText(run)} <Link to={paths.reconRun(run.id)}>See the results</Link>
        </p>
      ))}
    </div>
  );
}
