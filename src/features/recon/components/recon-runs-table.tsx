/**
 * Every run in one virtualized table (only the rows in view are in the DOM), newest first.
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

const helper = createColumnHelper<VirtualTableFeatures, ReconRun>();

const columns = helper.columns([
  helper.accessor('started', {
    header: 'Started',
    cell: (info) => (
      <Link to={paths.reconRun(info.row.original._id)} aria-label={`Run of ${info.row.original.mapping} started ${formatTime(info.getValue()) || 'at an unknown time'}`}>
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
  helper.accessor('ended', { header: 'Ended', cell: (info) => formatTime(info.getValue()) || (isActive(info.row.original) ? <span className="muted">running</span> : '') }),
  helper.accessor('duration', { header: 'Duration', cell: (info) => formatDuration(info.getValue()) }),
  helper.display({ id: 'actions', header: () => <span className="visually-hidden">Actions</span>, cell: (info) => <CancelReconButton run={info.row.original} compact /> }),
]);

export function ReconRunsTable({ runs, busy, caption }: { runs: ReconRun[]; busy: boolean; caption: string }) {
  return <VirtualTable caption={caption} columns={columns} data={runs} getRowId={(run) => run._id} busy={busy} totalRows={runs.length + 1} rowHeight={52} />;
}
