/**
 * Every run in one virtualized table (only the rows in view are in the DOM), newest first, with a
 * link to the per-record report of the runs that kept one.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { createContext, useContext, useState } from 'react';
import { Link } from 'react-router';
import { Time, useFormatTime } from '../../../components/time';
import { VirtualTable, type VirtualTableFeatures } from '../../../components/virtual-table';
import { paths } from '../../../config/paths';
import type { ReconRun } from '../api/schemas';
import { formatCount, formatDuration } from '../progress';
import { isActive, stageText, statusLabel } from '../run-state';
import { CancelReconButton, ListCancelDialog } from './cancel-recon-button';
import { RunProgressCell } from './run-progress';
import { RunStatusBadge } from './run-status-badge';
import '../recon.css';

/** A run as the list shows it: with the kind of per-record report it kept, when known. */
export type ListedRun = ReconRun & { report?: 'report' | 'analysis' | undefined };

const helper = createColumnHelper<VirtualTableFeatures, ListedRun>();

/** One of the run's record counts (statusSummary), or a dash when the server has not sent it. */
function StatusCount({ run, status }: { run: ReconRun; status: 'SUCCESS' | 'FAILURE' }) {
  const n = run.statusSummary?.[status];
  if (n === undefined) return <span className="muted">—</span>;
  return status === 'FAILURE' && n > 0 ? <strong>{formatCount(n)}</strong> : <>{formatCount(n)}</>;
}

/**
 * The list's request to confirm a cancel. The confirmation is the table's, not its row's: only the
 * rows in view are rendered, and a row scrolled away would close its dialog with it. Read from
 * context so that the columns (module constants) stay the same and no cell remounts.
 */
const RequestCancel = createContext<((run: ReconRun) => void) | undefined>(undefined);

function RowCancelButton({ run }: { run: ReconRun }) {
  return <CancelReconButton run={run} compact onRequest={useContext(RequestCancel)} />;
}

function ReportLink({ run, kind }: { run: ListedRun; kind: 'report' | 'analysis' }) {
  const formatTime = useFormatTime();
  return (
    <Link
      to={{ pathname: paths.reconRun(run._id), hash: '#records' }}
      aria-label={`${kind === 'analysis' ? 'Analysis' : 'Per-record report'} of the run of ${run.mapping} started ${formatTime(run.started) || 'at an unknown time'}`}
    >
      {kind === 'analysis' ? 'Analysis' : 'Report'}
    </Link>
  );
}

// Triage order: which run, its state, how many records succeeded and failed, then the details. The
// mapping's name opens the run, with one accessible name per row that says which run and how it
// stands; the state comes second so that it stays in view when a narrow screen scrolls the rest.
const columns = helper.columns([
  helper.accessor('mapping', {
    header: 'Run of mapping',
    cell: (info) => {
      const run = info.row.original;
      return (
        <Link className="mono" to={paths.reconRun(run._id)} aria-label={`Run ${run._id} of ${run.mapping}, ${statusLabel(run).toLowerCase()}`}>
          {run.mapping}
        </Link>
      );
    },
  }),
  helper.accessor('state', { header: 'State', cell: (info) => <RunStatusBadge run={info.row.original} /> }),
  helper.display({ id: 'succeeded', header: 'Succeeded', cell: (info) => <StatusCount run={info.row.original} status="SUCCESS" /> }),
  helper.display({ id: 'failed', header: 'Failed', cell: (info) => <StatusCount run={info.row.original} status="FAILURE" /> }),
  helper.accessor('started', { header: 'Started', cell: (info) => <Time value={info.getValue()} fallback="unknown" /> }),
  helper.display({ id: 'progress', header: 'Progress', cell: (info) => <RunProgressCell run={info.row.original} /> }),
  helper.display({ id: 'stage', header: 'Stage', cell: (info) => stageText(info.row.original) }),
  helper.accessor('ended', {
    header: 'Ended',
    cell: (info) => <Time value={info.getValue()} fallback={isActive(info.row.original) ? <span className="muted">running</span> : ''} />,
  }),
  helper.accessor('duration', { header: 'Duration', cell: (info) => formatDuration(info.getValue()) }),
  helper.accessor('report', {
    header: 'Records',
    cell: (info) => {
      const kind = info.getValue();
      return kind ? <ReportLink run={info.row.original} kind={kind} /> : null;
    },
  }),
  helper.display({
    id: 'actions',
    header: () => <span className="visually-hidden">Actions</span>,
    cell: (info) => <RowCancelButton run={info.row.original} />,
  }),
]);

export function ReconRunsTable({ runs, busy, caption }: { runs: ListedRun[]; busy: boolean; caption: string }) {
  const [cancelFor, setCancelFor] = useState<ReconRun | null>(null);
  return (
    <RequestCancel.Provider value={setCancelFor}>
      <VirtualTable caption={caption} columns={columns} data={runs} getRowId={(run) => run._id} busy={busy} totalRows={runs.length + 1} rowHeight={52} />
      {cancelFor ? <ListCancelDialog run={cancelFor} runs={runs} onClose={() => setCancelFor(null)} /> : null}
    </RequestCancel.Provider>
  );
}
