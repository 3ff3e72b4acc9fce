/**
 * Every run in one virtualized table (only the rows in view are in the DOM), newest first, with a
 * link to the per-record report of the runs that kept one.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { VirtualTable, type VirtualTableFeatures } from '../../../components/virtual-table';
import { paths } from '../../../config/paths';
import type { ReconRun } from '../api/schemas';
import { formatDuration, formatTime } from '../progress';
import { isActive, stageText } from '../run-state';
import { CancelReconButton } from './cancel-recon-button';
import { RunProgressCell } from './run-progress';
import { RunStatusBadge } from './run-status-badge';
import '../recon.css';

/** A run as the list shows it: with the kind of per-record report it kept, when known. */
export type ListedRun = ReconRun & { report?: 'report' | 'analysis' | undefined };

const helper = createColumnHelper<VirtualTableFeatures, ListedRun>();

const columns = helper.columns([
  helper.accessor('started', {
    header: 'Started',
    cell: (info) => (
      <Link
        to={paths.reconRun(info.row.original._id)}
        aria-label={`Run of ${info.row.original.mapping} started ${formatTime(info.getValue()) || 'at an unknown time'}`}
      >
        {formatTime(info.getValue()) || 'unknown'}
      </Link>
    ),
  }),
  helper.accessor('mapping', {
    header: 'Mapping',
    cell: (info) => (
      <Link className="mono" to={paths.mapping(info.getValue())}>
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor('state', { header: 'State', cell: (info) => <RunStatusBadge run={info.row.original} /> }),
  helper.display({ id: 'stage', header: 'Stage', cell: (info) => stageText(info.row.original) }),
  helper.display({ id: 'progress', header: 'Progress', cell: (info) => <RunProgressCell run={info.row.original} /> }),
  helper.accessor('ended', {
    header: 'Ended',
    cell: (info) => formatTime(info.getValue()) || (isActive(info.row.original) ? <span className="muted">running</span> : ''),
  }),
  helper.accessor('duration', { header: 'Duration', cell: (info) => formatDuration(info.getValue()) }),
  helper.accessor('report', {
    header: 'Records',
    cell: (info) => {
      const kind = info.getValue();
      if (!kind) return null;
      const run = info.row.original;
      return (
        <Link
          to={{ pathname: paths.reconRun(run._id), hash: '#records' }}
          aria-label={`${kind === 'analysis' ? 'Analysis' : 'Per-record report'} of the run of ${run.mapping} started ${formatTime(run.started) || 'at an unknown time'}`}
        >
          {kind === 'analysis' ? 'Analysis' : 'Report'}
        </Link>
      );
    },
  }),
  helper.display({
    id: 'actions',
    header: () => <span className="visually-hidden">Actions</span>,
    cell: (info) => <CancelReconButton run={info.row.original} compact />,
  }),
]);

export function ReconRunsTable({ runs, busy, caption }: { runs: ListedRun[]; busy: boolean; caption: string }) {
  return <VirtualTable caption={caption} columns={columns} data={runs} getRowId={(run) => run._id} busy={busy} totalRows={runs.length + 1} rowHeight={52} />;
}
