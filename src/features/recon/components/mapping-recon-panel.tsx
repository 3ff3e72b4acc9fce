/**
 * For a mapping's page: its recent runs (each linking to the run), launch and cancel. Composed by
 * the app into the mapping detail route; it reads the same runs list as the Recon page, so both
 * stay in step and share polling.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/states';
import { paths } from '../../../config/paths';
import { Time } from '../../../components/time';
import { unavailableWhile } from '../../../lib/use-single-flight';
import { formatDuration } from '../progress';
import { reconUrl } from '../recon-view';
import { isActive, stageText } from '../run-state';
import { CancelReconButton } from './cancel-recon-button';
import { LaunchReconDialog, type LaunchedRun } from './launch-recon-dialog';
import { RunNotices } from './run-notices';
import { RunProgressCell } from './run-progress';
import { RunStatusBadge } from './run-status-badge';
import { MappingTrends } from './run-trends';
import { useLiveRuns } from '../use-live-runs';
import '../recon.css';

export function MappingReconPanel({ mapping, limit = 5 }: { mapping: string; limit?: number }) {
  const [launching, setLaunching] = useState(false);
  const [launched, setLaunched] = useState<LaunchedRun | null>(null);
  const { list: query, runs: allRuns } = useLiveRuns();
  const runs = allRuns.filter((run) => run.mapping === mapping);
  const recent = runs.slice(0, limit);
  const active = runs.find(isActive);
  const finished = (query.data?.finished ?? []).filter((run) => run.mapping === mapping);

  return (
    // The page that hosts the panel gives it its section and heading.
    <div className="mapping-recon-panel">
      <div className="panel-header">
        {/* aria-disabled: after a launch from here the button, now unavailable, keeps the focus. */}
        <button type="button" className="button-primary" {...unavailableWhile(Boolean(active), () => setLaunching(true))}>
          Launch a reconciliation…
        </button>
        {active ? <CancelReconButton run={active} /> : null}
      </div>
      {active ? <p className="hint">A run is in progress; the server runs one reconciliation per mapping at a time.</p> : null}
      <RunNotices launched={launched} finished={finished} onDismiss={() => setLaunched(null)} />
      {query.isPending ? (
        <LoadingState label="Loading runs…" />
      ) : query.isError && !query.data ? (
        <ErrorState title="The runs could not be loaded" error={query.error} />
      ) : recent.length === 0 ? (
        <p className="muted">This mapping has not been reconciled in the runs the server keeps.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Recent runs of {mapping}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">State</th>
                <th scope="col">Stage</th>
                <th scope="col">Progress</th>
                <th scope="col">Duration</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((run) => (
                <tr key={run._id}>
                  <td>
                    <Link to={paths.reconRun(run._id)}>
                      <Time value={run.started} fallback={run._id} />
                    </Link>
                  </td>
                  <td>
                    <RunStatusBadge run={run} />
                  </td>
                  <td>{stageText(run)}</td>
                  <td>
                    <RunProgressCell run={run} />
                  </td>
                  <td>{formatDuration(run.duration)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {runs.length > 0 ? (
        <p>
          <Link to={reconUrl({ mapping })}>All runs of this mapping ({runs.length})</Link>
        </p>
      ) : null}
      <MappingTrends mapping={mapping} />
      {launching ? <LaunchReconDialog mapping={mapping} onClose={() => setLaunching(false)} onLaunched={setLaunched} /> : null}
    </div>
  );
}
