/**
 * One run: status and stage, progress per phase with throughput, time left and a warning when the
 * numbers stop moving; situations, status, timings, parameters, per-node counts; and a comparison
 * with another run of the same mapping (`?compare=<id>`). Polls while the run is active; a finished
 * run is read once and kept.
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/states';
import { usePageTitle } from '../../../components/use-page-title';
import { paths } from '../../../config/paths';
import { useRouteParams } from '../../../config/use-route-params';
import { reconQueries } from '../api/queries';
import type { ReconRun } from '../api/schemas';
import { estimateTimeLeft, formatCount, formatDuration, phaseCountOf, remainingInPhase, throughput } from '../progress';
import { currentPhase, isActive, stageText } from '../run-state';
import { stalledFor, type WatchedRun } from '../watch';
import { CancelReconButton } from './cancel-recon-button';
import { CompareRuns } from './compare-runs';
import { DurationSummary } from './duration-summary';
import { finishedText } from './run-notices';
import { PHASE_LABELS, PhaseProgress, ProgressAnnouncer } from './run-progress';
import { noRecordsText, recordsLink, RunRecords } from './run-records';
import { useRunReport } from '../api/run-report';
import { useReconRun } from '../api/use-recon-run';
import { Time, useFormatTime } from '../../../components/time';
import { RunStatusBadge } from './run-status-badge';
import { SituationChart } from './situation-chart';
import '../recon.css';

export function ReconRunPage() {
  const { id } = useRouteParams('reconRun');
  const query = useReconRun(id);
  usePageTitle(query.data ? `Run of ${query.data.run.mapping}` : 'Reconciliation run');

  return (
    <section className="page recon-run-page" aria-labelledby="run-heading">
      <p className="run-breadcrumb">
        <Link to={paths.recon}>All reconciliation runs</Link>
      </p>
      {query.isPending ? (
        <>
          <h1 id="run-heading">Reconciliation run</h1>
          <LoadingState label="Loading the run…" />
        </>
      ) : query.isError && !query.data ? (
        <>
          <h1 id="run-heading">Reconciliation run</h1>
          <ErrorState
            title="This run could not be loaded"
            error={query.error}
            action={
              <>
                <button type="button" onClick={() => void query.refetch()}>
                  Try again
                </button>
                <Link to={paths.recon}>Back to all runs</Link>
              </>
            }
          />
        </>
      ) : query.data ? (
        <RunDetails watch={query.data} refreshError={query.isError ? query.error : null} />
      ) : null}
    </section>
  );
}

const HIDE_EMPTY_PARAM = 'hideEmpty';

function RunDetails({ watch, refreshError }: { watch: WatchedRun; refreshError: unknown }) {
  const { run } = watch;
  const active = isActive(run);
  // The same query as the Records section: a finished run's counts link to its records.
  const report = useRunReport(run);
  const hasReport = report.data?.status === 'kept';
  const [searchParams, setSearchParams] = useSearchParams();
  // In the URL, so a reload or a shared link keeps the shorter table.
  const hideEmpty = searchParams.get(HIDE_EMPTY_PARAM) === '1';
  function toggleHideEmpty(hide: boolean) {
    const params = new URLSearchParams(searchParams);
    if (hide) params.set(HIDE_EMPTY_PARAM, '1');
    else params.delete(HIDE_EMPTY_PARAM);
    setSearchParams(params, { replace: true });
  }
  return (
    <>
      <header className="page-header page-header-actions">
        <div>
          <h1 id="run-heading">
            Run of <span className="mono">{run.mapping}</span>
          </h1>
          <p className="page-lede">
            <RunStatusBadge run={run} /> <span className="stage-text">{stageText(run)}</span> · Run id <span className="mono">{run._id}</span> ·{' '}
            <Link to={paths.mapping(run.mapping)}>Mapping {run.mapping}</Link>
          </p>
        </div>
        <CancelReconButton run={run} />
      </header>

      <ProgressAnnouncer run={run} />
      <div className="run-notices" role="status" aria-live="polite">
        {watch.finishedWhileWatched ? (
          <p className={`notice ${run.state === 'SUCCESS' ? 'notice-ok' : run.state === 'FAILED' ? 'notice-danger' : 'notice-info'}`}>{finishedText(run)}</p>
        ) : null}
      </div>
      {refreshError ? <ErrorState title="The run could not be refreshed; showing the last answer" error={refreshError} /> : null}

      <section className="panel" aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <div className="phase-list">
          {(['source', 'target', 'links'] as const).map((phase) => (
            <PhaseProgress key={phase} label={PHASE_LABELS[phase]} count={phaseCountOf(run, phase)} running={active} />
          ))}
        </div>
        {active ? <LiveFigures watch={watch} /> : null}
        <TargetChanges run={run} />
      </section>

      <div className="run-columns">
        <section className="panel" aria-labelledby="situations-heading">
          <h2 id="situations-heading">Situations</h2>
          {run.situationSummary ? (
            <label>
              <input type="checkbox" checked={hideEmpty} onChange={(e) => toggleHideEmpty(e.target.checked)} /> Hide situations with no entries
            </label>
          ) : null}
          {run.situationSummary ? (
            <SituationChart
              hideEmpty={hideEmpty}
              summary={run.situationSummary}
              renderCount={
                hasReport
                  ? (situation, count) => (
                      <Link to={recordsLink(searchParams, { situation })} aria-label={`${count} ${situation}: show these records`}>
                        {count}
                      </Link>
                    )
                  : undefined
              }
            />
          ) : (
            <p className="muted">No situation summary reported.</p>
          )}
        </section>
        <div>
          <section className="panel" aria-labelledby="status-heading">
            <h2 id="status-heading">Status</h2>
            <dl className="run-facts">
              <dt>Succeeded</dt>
              <dd>{formatCount(run.statusSummary?.SUCCESS ?? 0)}</dd>
              <dt>Failed</dt>
              <dd className={(run.statusSummary?.FAILURE ?? 0) > 0 ? 'text-danger' : undefined}>{formatCount(run.statusSummary?.FAILURE ?? 0)}</dd>
            </dl>
            {!active && (run.statusSummary?.FAILURE ?? 0) > 0 ? (
              hasReport ? (
                <Link to={recordsLink(searchParams, { status: 'FAILURE' })}>See which records failed</Link>
              ) : report.data && report.data.status !== 'kept' ? (
                <p className="muted">{noRecordsText(report.data)}</p>
              ) : null
            ) : null}
          </section>
          <section className="panel" aria-labelledby="timing-heading">
            <h2 id="timing-heading">Timing</h2>
            <dl className="run-facts">
              <dt>Started</dt>
              <dd>
                <Time value={run.started} fallback="—" />
              </dd>
              <dt>Ended</dt>
              <dd>
                <Time value={run.ended} fallback={active ? 'still running' : '—'} />
              </dd>
              <dt>Duration</dt>
              <dd>
                {formatDuration(run.duration)}
                {active ? ' so far' : ''}
              </dd>
            </dl>
          </section>
          <NodeCounts run={run} />
        </div>
      </div>

      <RunRecords run={run} />

      <section className="panel" aria-labelledby="durations-heading">
        <h2 id="durations-heading">Durations</h2>
        <DurationSummary summary={run.durationSummary ?? {}} />
      </section>

      <section className="panel" aria-labelledby="parameters-heading">
        <h2 id="parameters-heading">Parameters</h2>
        <Parameters parameters={run.parameters ?? {}} />
      </section>

      <CompareSection run={run} />
    </>
  );
}

function LiveFigures({ watch }: { watch: WatchedRun }) {
  const { run } = watch;
  const rate = throughput(watch.samples);
  const phase = currentPhase(run);
  const left = estimateTimeLeft(remainingInPhase(run), rate);
  const stalled = stalledFor(watch);
  return (
    <>
      <dl className="run-facts live-figures">
        <dt>Throughput</dt>
        <dd>{rate === null ? 'measuring…' : `${formatCount(Math.round(rate))} entries/s`}</dd>
        <dt>Time left{phase ? ` (${PHASE_LABELS[phase].toLowerCase()})` : ''}</dt>
        <dd>{left === null ? (phase ? 'not known yet' : 'not known in this stage') : `about ${formatDuration(left)}`}</dd>
      </dl>
      {stalled !== null ? (
        <p className="notice notice-warn" role="alert">
          The numbers have not moved for {formatDuration(stalled)}. The run may be stuck, or busy with a slow query or connector.
        </p>
      ) : null}
    </>
  );
}

function TargetChanges({ run }: { run: ReconRun }) {
  const target = run.progress?.target;
  const links = run.progress?.links;
  const items: [string, number | undefined][] = [
    ['Targets created', target?.created],
    ['Targets updated', target?.updated],
    ['Targets unchanged', target?.unchanged],
    ['Targets deleted', target?.deleted],
    // Only some servers report it (AIC): shown when present.
    ['Targets retried', target?.retried],
    ['Links created', links?.created],
  ];
  const shown = items.filter(([, n]) => n !== undefined) as [string, number][];
  if (shown.length === 0) return null;
  return (
    <dl className="run-facts run-facts-inline">
      {shown.map(([label, n]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatCount(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

function NodeCounts({ run }: { run: ReconRun }) {
  const nodes = Object.entries(run.sourceProcessedByNode ?? {});
  if (nodes.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="nodes-heading">
      <h2 id="nodes-heading">Source entries per node</h2>
      <dl className="run-facts">
        {nodes.map(([node, n]) => (
          <div key={node}>
            <dt className="mono">{node}</dt>
            <dd>{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Parameters({ parameters }: { parameters: Record<string, unknown> }) {
  const entries = Object.entries(parameters);
  if (entries.length === 0) return <p className="muted">No parameters reported.</p>;
  const labels: Record<string, string> = { sourceQuery: 'Source query', targetQuery: 'Target query', sourceIds: 'Source ids' };
  return (
    <dl className="parameters">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{labels[key] ?? key}</dt>
          <dd>
            <pre>{JSON.stringify(value, null, 2)}</pre>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function CompareSection({ run }: { run: ReconRun }) {
  const formatTime = useFormatTime();
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const compareId = searchParams.get('compare') ?? '';
  // Only to offer the other runs: no need to keep refreshing the whole list here.
  const list = useQuery({ ...reconQueries.list(), refetchInterval: false });
  const others = (list.data?.runs ?? []).filter((r) => r.mapping === run.mapping && r._id !== run._id);
  const other = useQuery({ ...reconQueries.detail(compareId), enabled: compareId !== '' });

  function choose(next: string) {
    const params = new URLSearchParams(searchParams);
    if (next) params.set('compare', next);
    else params.delete('compare');
    setSearchParams(params, { replace: true });
  }

  return (
    <section className="panel" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare with another run of this mapping</h2>
      {list.isError ? <ErrorState title="The other runs could not be loaded" error={list.error} /> : null}
      {others.length === 0 && !compareId ? (
        <p className="muted">{list.isPending ? 'Loading the other runs…' : 'This mapping has no other run to compare with.'}</p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-other`}>Other run</label>
          <select id={`${id}-other`} value={compareId} onChange={(e) => choose(e.target.value)}>
            <option value="">Choose a run…</option>
            {others.map((r) => (
              <option key={r._id} value={r._id}>
                {formatTime(r.started) || r._id} — {r.state}
              </option>
            ))}
          </select>
        </div>
      )}
      {compareId === '' ? null : other.isPending ? (
        <LoadingState label="Loading the other run…" />
      ) : other.isError ? (
        <ErrorState title="The other run could not be loaded" error={other.error} />
      ) : other.data.run.mapping !== run.mapping ? (
        <p className="notice notice-warn">That run belongs to another mapping ({other.data.run.mapping}); only runs of the same mapping are compared.</p>
      ) : (
        <CompareRuns run={run} other={other.data.run} />
      )}
    </section>
  );
}
