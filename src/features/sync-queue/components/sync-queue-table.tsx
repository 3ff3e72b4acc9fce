/**
 * The loaded queue events in a virtualized table: selection, the event (a button that opens the
 * change it carries), the mapping (a link to its page), the resource (a link to its linked
 * resources), state and node, age, retries left when the server sends them, and the "possibly
 * stuck" / "few retries left" flags. An event the console could not read keeps its place in the
 * list as one row that says why and offers its raw JSON.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ResourceLink } from '../../../components/resource-link';
import { UnreadableItemRow } from '../../../components/unreadable-items';
import { VirtualTable, type VirtualTableFeatures } from '../../../components/virtual-table';
import { paths } from '../../../config/paths';
import type { UnreadableItem } from '../../../lib/tolerant-list';
import type { QueuedEvent } from '../api/schemas';
import { flagsOf, formatAge } from '../sync-queue-view';
import { Time } from '../../../components/time';
import '../sync-queue.css';
import './sync-queue-table.css';

/** A row of the queue table: an event, or an item of the server's list that could not be read. */
export type QueueRow = { kind: 'event'; event: QueuedEvent } | { kind: 'unreadable'; key: string; item: UnreadableItem };

export interface SyncQueueTableProps {
  rows: QueueRow[];
  selected: ReadonlySet<string>;
  onToggle: (event: QueuedEvent, selected: boolean) => void;
  onToggleAll: (selected: boolean) => void;
  onDelete: (event: QueuedEvent) => void;
  /** Opens the change an event carries. */
  onOpen: (event: QueuedEvent) => void;
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

const helper = createColumnHelper<VirtualTableFeatures, QueueRow>();

/** A column over events: unreadable rows render as one whole row, so cells only ever see events. */
function eventOf(row: QueueRow): QueuedEvent {
  if (row.kind !== 'event') throw new Error('an unreadable row has no cells');
  return row.event;
}

export function SyncQueueTable(props: SyncQueueTableProps) {
  const { rows, selected, onToggle, onToggleAll, onDelete, onOpen, busyIds, now } = props;
  const events = useMemo(() => rows.flatMap((row) => (row.kind === 'event' ? [row.event] : [])), [rows]);
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
          cell: (info) => {
            const event = eventOf(info.row.original);
            return (
              <input
                type="checkbox"
                aria-label={`Select event ${event._id}`}
                checked={selected.has(event._id)}
                onChange={(e) => onToggle(event, e.target.checked)}
              />
            );
          },
        }),
        helper.display({
          id: 'event',
          header: 'Event',
          cell: (info) => {
            const event = eventOf(info.row.original);
            return (
              <button type="button" className="link-button mono clip clip-id" title={`${event._id}: show the change it carries`} onClick={() => onOpen(event)}>
                {event._id}
              </button>
            );
          },
        }),
        helper.display({
          id: 'state',
          header: 'State',
          cell: (info) => {
            const e = eventOf(info.row.original);
            return (
              <span className="nowrap">
                <span className={e.state === 'ACQUIRED' ? 'badge badge-warn' : 'badge'}>{e.state ?? 'not sent'}</span>
                {e.nodeId ? <span className="muted"> on {e.nodeId}</span> : null}
              </span>
            );
          },
        }),
        helper.display({
          id: 'flags',
          header: 'Flags',
          cell: (info) => {
            const event = eventOf(info.row.original);
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
        helper.display({
          id: 'mapping',
          header: 'Mapping',
          cell: (info) => {
            const mapping = eventOf(info.row.original).mapping;
            return mapping ? (
              <Link className="mono clip clip-mapping" to={paths.mapping(mapping)} title={mapping}>
                {mapping}
              </Link>
            ) : (
              <span className="muted">not sent</span>
            );
          },
        }),
        helper.display({
          id: 'resource',
          header: 'Resource',
          cell: (info) => {
            const e = eventOf(info.row.original);
            return e.resourceCollection && e.resourceId ? (
              <ResourceLink className="clip clip-resource" name={`${e.resourceCollection}/${e.resourceId}`} />
            ) : (
              <span className="mono clip clip-resource">{`${e.resourceCollection ?? '(collection not sent)'}/${e.resourceId ?? '(id not sent)'}`}</span>
            );
          },
        }),
        helper.display({
          id: 'syncAction',
          header: 'Sync action',
          cell: (info) => <span className="mono">{eventOf(info.row.original).syncAction ?? 'not sent'}</span>,
        }),
        helper.display({
          id: 'createDate',
          header: 'Created',
          cell: (info) => {
            const created = eventOf(info.row.original).createDate;
            return created ? (
              <span className="nowrap">
                <Time value={created} />
              </span>
            ) : (
              <span className="muted">unknown</span>
            );
          },
        }),
        helper.display({
          id: 'age',
          header: 'Age',
          cell: (info) => {
            const created = eventOf(info.row.original).createDate;
            return created ? <span className="nowrap">{formatAge(now - Date.parse(created))}</span> : <span className="muted">unknown</span>;
          },
        }),
        helper.display({
          id: 'remainingRetries',
          header: 'Retries left',
          cell: (info) => {
            const value = eventOf(info.row.original).remainingRetries;
            return typeof value === 'number' ? (
              value
            ) : (
              <span className="muted" title="The server did not send remainingRetries">
                not sent
              </span>
            );
          },
        }),
        helper.display({
          id: 'actions',
          header: () => <span className="visually-hidden">Actions</span>,
          cell: (info) => {
            const event = eventOf(info.row.original);
            return (
              <button
                type="button"
                className="button-small"
                onClick={() => onDelete(event)}
                disabled={busyIds.has(event._id)}
                aria-label={`Delete event ${event._id}`}
              >
                Delete
              </button>
            );
          },
        }),
      ]),
    [allSelected, someSelected, selected, onToggle, onToggleAll, onDelete, onOpen, busyIds, now],
  );

  return (
    <div className="queue-table">
      <VirtualTable
        caption="Queued synchronization events"
        columns={columns}
        data={rows}
        getRowId={(row) => (row.kind === 'event' ? row.event._id : row.key)}
        busy={props.busy}
        height={640}
        fixedRowHeight={41}
        onEndReached={props.onEndReached}
        leadingRows={props.releasedEvents}
        onStartReached={props.onStartReached}
        renderWholeRow={(row) => (row.kind === 'unreadable' ? <UnreadableItemRow item={row.item} noun="Event" compact /> : null)}
        rowClassName={(row) => {
          if (row.kind === 'unreadable') return 'row-unreadable';
          const e = row.event;
          const flags = flagsOf(e, now);
          const classes = [selected.has(e._id) ? 'row-selected' : '', flags.possiblyStuck || flags.fewRetries ? 'row-stuck' : ''].filter(Boolean);
          return classes.length ? classes.join(' ') : undefined;
        }}
      />
    </div>
  );
}
