/**
 * The loaded queue events in a virtualized table: selection, the mapping (a link to its page), the
 * resource (a link to its linked resources), state and node, age, retries left when the server
 * sends them, and the "possibly stuck" / "few retries left" flags.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ResourceLink } from '../../../components/resource-link';
import { VirtualTable, type VirtualTableFeatures } from '../../../components/virtual-table';
import { paths } from '../../../config/paths';
import type { QueuedEvent } from '../api/schemas';
import { flagsOf, formatAge } from '../sync-queue-view';
import '../sync-queue.css';

export interface SyncQueueTableProps {
  events: QueuedEvent[];
  selected: ReadonlySet<string>;
  onToggle: (event: QueuedEvent, selected: boolean) => void;
  onToggleAll: (selected: boolean) => void;
  onDelete: (event: QueuedEvent) => void;
  /** Events being deleted right now: their buttons are disabled. */
  busyIds: ReadonlySet<string>;
  now: number;
  busy: boolean;
  onEndReached?: () => void;
  /** Events before the loaded ones that were released from memory (their place is kept). */
  releasedEvents?: number;
  /** Called when the user scrolls back into the released events. */
  onStartReached?: () => void;
}

const helper = createColumnHelper<VirtualTableFeatures, QueuedEvent>();

/** Local date and time, compact and sortable by eye: 2026-11-20 15:31:23. */
function formatDate(value: string | null | undefined): string {
  if (!value) return 'unknown';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function SyncQueueTable(props: SyncQueueTableProps) {
  const { events, selected, onToggle, onToggleAll, onDelete, busyIds, now } = props;
  const allSelected = events.length > 0 && events.every((e) => selected.has(e._id));
  const someSelected = !allSelected && events.some((e) => selected.has(e._id));

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: 'select',
          header: () => (
            <input
              type="checkbox"
              aria-label="Select all loaded events"
              checked={allSelected}
              ref={(el) => {
                if (el) el.indeterminate = someSelected;
              }}
              onChange={(e) => onToggleAll(e.target.checked)}
            />
          ),
          cell: (info) => (
            <input
              type="checkbox"
              aria-label={`Select event ${info.row.original._id}`}
              checked={selected.has(info.row.original._id)}
              onChange={(e) => onToggle(info.row.original, e.target.checked)}
            />
          ),
        }),
        helper.accessor('_id', {
          header: 'Event',
          cell: (info) => (
            <span className="mono clip clip-id" title={info.getValue()}>
              {info.getValue()}
            </span>
          ),
        }),
        helper.display({
          id: 'state',
          header: 'State',
          cell: (info) => {
            const e = info.row.original;
            return (
              <span className="nowrap">
                <span className={e.state === 'ACQUIRED' ? 'badge badge-warn' : 'badge'}>{e.state}</span>
                {e.nodeId ? <span className="muted"> on {e.nodeId}</span> : null}
              </span>
            );
          },
        }),
        helper.display({
          id: 'flags',
          header: 'Flags',
          cell: (info) => {
            const event = info.row.original;
            const flags = flagsOf(event, now);
            if (!flags.possiblyStuck && !flags.fewRetries) return null;
            const reasons = [
              flags.possiblyStuck ? `acquired, created ${formatAge(now - Date.parse(event.createDate ?? ''))} ago` : '',
              flags.fewRetries ? `${event.remainingRetries} ${event.remainingRetries === 1 ? 'retry' : 'retries'} left` : '',
            ].filter(Boolean);
            return (
              <span className="flag">
                <span className="badge badge-danger">Possibly stuck</span>
                <span className="flag-reason">{reasons.join('; ')}</span>
              </span>
            );
          },
        }),
        helper.accessor('mapping', {
          header: 'Mapping',
          cell: (info) => (
            <Link className="mono clip clip-mapping" to={paths.mapping(info.getValue())} title={info.getValue()}>
              {info.getValue()}
            </Link>
          ),
        }),
        helper.display({
          id: 'resource',
          header: 'Resource',
          cell: (info) => {
            const e = info.row.original;
            return <ResourceLink className="clip clip-resource" name={`${e.resourceCollection}/${e.resourceId}`} />;
          },
        }),
        helper.accessor('syncAction', { header: 'Sync action', cell: (info) => <span className="mono">{info.getValue()}</span> }),
        helper.accessor('createDate', {
          header: 'Created',
          cell: (info) => (info.getValue() ? <time className="nowrap" dateTime={info.getValue() ?? undefined}>{formatDate(info.getValue())}</time> : <span className="muted">unknown</span>),
        }),
        helper.display({
          id: 'age',
          header: 'Age',
          cell: (info) => {
            const created = info.row.original.createDate;
            return created ? <span className="nowrap">{formatAge(now - Date.parse(created))}</span> : <span className="muted">unknown</span>;
          },
        }),
        helper.accessor('remainingRetries', {
          header: 'Retries left',
          cell: (info) => {
            const value = info.getValue();
            return typeof value === 'number' ? value : <span className="muted" title="The server did not send remainingRetries">not sent</span>;
          },
        }),
        helper.display({
          id: 'actions',
          header: () => <span className="visually-hidden">Actions</span>,
          cell: (info) => (
            <button type="button" className="button-small" onClick={() => onDelete(info.row.original)} disabled={busyIds.has(info.row.original._id)} aria-label={`Delete event ${info.row.original._id}`}>
              Delete
            </button>
          ),
        }),
      ]),
    [allSelected, someSelected, selected, onToggle, onToggleAll, onDelete, busyIds, now],
  );

  return (
    <div className="queue-table">
      <VirtualTable
        caption="Queued synchronization events"
        columns={columns}
        data={events}
        getRowId={(e) => e._id}
        busy={props.busy}
        height={640}
        rowHeight={41}
        onEndReached={props.onEndReached}
        leadingRows={props.releasedEvents}
        onStartReached={props.onStartReached}
        rowClassName={(e) => {
          const flags = flagsOf(e, now);
          const classes = [selected.has(e._id) ? 'row-selected' : '', flags.possiblyStuck || flags.fewRetries ? 'row-stuck' : ''].filter(Boolean);
          return classes.length ? classes.join(' ') : undefined;
        }}
      />
    </div>
  );
}
