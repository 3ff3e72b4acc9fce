/**
 * Reconciliation runs: every run the server keeps, newest first, filtered by mapping and state in
 * the URL, live while any run is active; launch and cancel from here.
 */
import type { ReconRun } from '../api/schemas';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { reconQueries, REPORT_PAGES } from '../api/queries';
import { SUMMARY_PAGE_SIZE } from '../api/requests';
import { describeError } from '../../../lib/api-error';
import { csvTime } from '../../../lib/csv';
import { useSearchParams } from 'react-router';
import { ListState } from '../../../components/list-state';
import { usePageTitle } from '../../../components/use-page-title';
import { filterRuns, hasReconFilter, readReconView, writeReconView, type ReconView, type StateFilter } from '../recon-view';
import { RUN_STATES } from '../run-state';
import { useLiveRuns } from '../use-live-runs';
import { LaunchReconDialog, type LaunchedRun } from './launch-recon-dialog';
import { ReconRunsTable, type ListedRun } from './recon-runs-table';
import { RunNotices } from './run-notices';
import '../recon.css';

const STATE_LABELS: Record<(typeof RUN_STATES)[number], string> = { ACTIVE: 'Active', SUCCESS: 'Succeeded', FAILED: 'Failed', CANCELED: 'Canceled' };

const RUN_CSV_COLUMNS = [
  { header: '_id', value: (r: ReconRun) => r._id },
  { header: 'mapping', value: (r: ReconRun) => r.mapping },
  { header: 'state', value: (r: ReconRun) => r.state },
  { header: 'stage', value: (r: ReconRun) => r.stage },
  { header: 'started', value: (r: ReconRun) => csvTime(r.started) },
  { header: 'ended', value: (r: ReconRun) => csvTime(r.ended) },
  { header: 'duration', value: (r: ReconRun) => r.duration },
  { header: 'succeeded', value: (r: ReconRun) => r.statusSummary?.SUCCESS },
  { header: 'failed', value: (r: ReconRun) => r.statusSummary?.FAILURE },
  { header: 'report', value: (r: ListedRun) => r.report ?? '' },
];

export function ReconPage() {
  usePageTitle('Reconciliation runs');
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => readReconView(searchParams), [searchParams]);
  const [launching, setLaunching] = useState(false);
  const [launched, setLaunched] = useState<LaunchedRun | null>(null);
  const { list: query, runs: allRuns, activeCount } = useLiveRuns();
  const reports = useQuery(reconQueries.reports());
  const kinds = reports.data?.kinds;
  const unreadableRuns = query.data?.unreadable ?? [];
  const runs = useMemo<ListedRun[]>(() => filterRuns(allRuns, view).map((run) => ({ ...run, report: kinds?.[run._id] })), [allRuns, view, kinds]);

  function go(next: Partial<ReconView>) {
    setSearchParams(writeReconView({ ...view, ...next }), { replace: true });
  }
  const clear = () => go({ mapping: '', state: '' });
  const nothing = query.data !== undefined && query.data.runs.length === 0 && unreadableRuns.length === 0;

  return (
    <section className="page recon-page" aria-labelledby="recon-heading">
      <header className="page-header page-header-actions">
        <div>
          <h1 id="recon-heading">Reconciliation runs</h1>
          <p className="page-lede">Every run the server keeps, newest first. Active runs update live.</p>
        </div>
        <div className="page-actions">
          <ExportCsvButton filename="recon-runs.csv" rows={runs} columns={RUN_CSV_COLUMNS} what="runs" />
          <button type="button" className="button-primary" onClick={() => setLaunching(true)}>
            Launch a reconciliation…
          </button>
        </div>
      </header>

      <RunNotices launched={launched} finished={query.data?.finished ?? []} onDismiss={() => setLaunched(null)} />

      <form className="filter-form filter-row" role="search" aria-label="Filter runs" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor={`${id}-mapping`}>Mapping name contains</label>
          <input
            id={`${id}-mapping`}
            className="mono"
            value={view.mapping}
            onChange={(e) => go({ mapping: e.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-state`}>State</label>
          <select id={`${id}-state`} value={view.state} onChange={(e) => go({ state: e.target.value as StateFilter })}>
            <option value="">Any state</option>
            {RUN_STATES.map((state) => (
              <option key={state} value={state}>
                {STATE_LABELS[state]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={clear} disabled={!hasReconFilter(view)}>
          Clear filters
        </button>
      </form>

      <ListState
        query={query}
        data={query.data}
        loading="Loading reconciliation runs…"
        error={{ title: 'The reconciliation runs could not be loaded', staleTitle: 'The runs could not be refreshed; showing the last answer' }}
        header={(data) => (
          <>
            <p className="list-status">
              {hasReconFilter(view) ? `${runs.length} of ${data.runs.length} runs match` : `${data.runs.length} runs`}
              {activeCount > 0 ? ` · ${activeCount} active, updating live` : ''}
              {reports.data && !reports.data.complete ? ` · reports shown for the first ${REPORT_PAGES * SUMMARY_PAGE_SIZE} the server listed` : ''}
            </p>
            {reports.isError ? <p className="muted">Which runs kept a per-record report could not be checked: {describeError(reports.error)}</p> : null}
            {reports.data && reports.data.unreadable > 0 ? (
              <p className="muted">
                {reports.data.unreadable === 1 ? '1 per-record report' : `${reports.data.unreadable} per-record reports`} the server listed could not be read,
                so their runs are not marked.
              </p>
            ) : null}
          </>
        )}
        unreadable={{ items: unreadableRuns, noun: 'run', plural: 'runs', total: (query.data?.runs.length ?? 0) + unreadableRuns.length }}
        // The filter applies in the browser, to the runs it could read: with none at all the
        // tenant has none, whatever the filter.
        isEmpty={runs.length === 0 && (nothing || hasReconFilter(view))}
        isFiltered={!nothing && hasReconFilter(view)}
        empty={{ title: 'No reconciliation has run yet', body: <p>Launch one to reconcile a mapping's source and target.</p> }}
        noMatch={{ title: 'No runs match these filters', onClear: clear }}
      >
        {() => <ReconRunsTable runs={runs} busy={query.isFetching && activeCount === 0} caption="Reconciliation runs, newest first" />}
      </ListState>

      {launching ? <LaunchReconDialog onClose={() => setLaunching(false)} onLaunched={setLaunched} /> : null}
    </section>
  );
}
