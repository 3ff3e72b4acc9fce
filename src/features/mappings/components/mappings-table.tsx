import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { DataTable, type CoreFeatures } from '../../../components/data-table';
import { paths } from '../../../config/paths';
import type { MappingSummary } from '../api/schemas';

/**
 * Whether the server has the route to the mapping's source or target (its connector or managed
 * object type) registered, said in visible words: a tooltip alone reaches neither keyboard nor
 * touch users.
 */
function RouteReady({ ready, resource }: { ready: boolean | undefined; resource: string }) {
  if (ready === undefined) return <span className="muted">unknown</span>;
  return ready ? <span className="badge badge-ok">Ready</span> : <span className="badge badge-warn">{`Not ready: ${resource} not registered`}</span>;
}

const helper = createColumnHelper<CoreFeatures, MappingSummary & { position: number }>();

const columns = helper.columns([
  helper.accessor('position', { header: () => <span title="Position in processing order among these results">#</span>, cell: (info) => info.getValue() }),
  helper.accessor('name', {
    header: 'Name',
    cell: (info) => (
      <Link className="mono" to={paths.mapping(info.getValue())}>
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor('source', { header: 'Source', cell: (info) => <span className="mono">{info.getValue()}</span> }),
  helper.display({ id: 'arrow', header: () => <span className="visually-hidden">direction</span>, cell: () => <span aria-label="to">→</span> }),
  helper.accessor('target', { header: 'Target', cell: (info) => <span className="mono">{info.getValue()}</span> }),
  helper.accessor('sourceRouteReady', { header: 'Source route', cell: (info) => <RouteReady ready={info.getValue()} resource={info.row.original.source} /> }),
  helper.accessor('targetRouteReady', { header: 'Target route', cell: (info) => <RouteReady ready={info.getValue()} resource={info.row.original.target} /> }),
]);

export function MappingsTable({ mappings, offset, busy }: { mappings: MappingSummary[]; offset: number; busy: boolean }) {
  const rows = useMemo(() => mappings.map((mapping, index) => ({ ...mapping, position: offset + index + 1 })), [mappings, offset]);
  return <DataTable caption="Mappings in processing order" columns={columns} data={rows} getRowId={(row) => row._id} busy={busy} />;
}
