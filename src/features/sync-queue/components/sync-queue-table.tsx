/**
 * The loaded queue events in a virtualized table: selection, the event (a button that opens the
 * change it carries), the mapping (a link to its page), the resource (a link to its linked
 * resources), state and node, age, retries left when the server sends them, and the "possibly
 * stuck" / "few retries left" flags. An event the console could not read keeps its place in the
 * list as one row that says why and offers its raw JSON.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
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
import { unavailableWhile } from '../../../lib/use-single-flight';

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

/** The rows opened to show their full values, and how to open or close one. */
const OpenRows = createContext<{ openIds: ReadonlySet<string>; toggle: (id: string) => void }>({ openIds: new Set(), toggle: () => {} });

/**
 * A row's "All" button. It reads the open rows from context, so the columns need not change when a
 * row opens: a new cell function would be a new component, remounted, and the focus would be lost.
 */
function OpenRowButton({ id }: { id: string }) {
  const { openIds, toggle } = useContext(OpenRows);
  return (
    <button type="button" className="button-small disclosure" aria-expanded={openIds.has(id)} onClick={() => toggle(id)}>
      All<span className="visually-hidden"> values of event {id}</span>
    </button>
  );
}

export function SyncQueueTable(props: SyncQueueTableProps) {
  const { rows, selected, onToggle, onToggleAll, onDelete, onOpen, busyIds, now } = props;
  const events = useMemo(() => rows.flatMap((row) => (row.kind === 'event' ? [row.event] : [])), [rows]);
  const allSelected = events.length > 0 && events.every((e) => selected.has(e._id));
  const someSelected = !allSelected && events.some((e) => selected.has(e._id));
  /*
   * Rows opened to show their full values. Ids, mappings and resources are clipped to their
   * column so every row keeps one known height (VirtualTable's fixedRowHeight: 20,000 events scroll
   * without measuring a row); "Show all" opens a row, where every value wraps in full and that row
   * alone is measured. A disclosure rather than a tooltip, because a `title` is out of reach of
   * keyboard and touch users; rather than wrapping every row, because measuring every row is what
   * makes a long list slow, and a two-line row would still clip a long enough id.
   */
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(() => new Set());
  const isRowOpen = useCallback((row: QueueRow) => row.kind === 'event' && openIds.has(row.event._id), [openIds]);
  const toggleOpen = useCallback((id: string) => {
    setOpenIds((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

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
          id: 'open',
          header: () => <span className="visually-hidden">Full values</span>,
          cell: (info) => <OpenRowButton id={eventOf(info.row.original)._id} />,
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
                // aria-disabled while its deletion is open: a disabled button would drop the focus that
                // the dialog returns to it.
                {...unavailableWhile(busyIds.has(event._id), () => onDelete(event))}
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

  const openRows = useMemo(() => ({ openIds, toggle: toggleOpen }), [openIds, toggleOpen]);

  return (
    <div className="queue-table">
      <OpenRows.Provider value={openRows}>
        <VirtualTable
          caption="Queued synchronization events"
          columns={columns}
          data={rows}
          getRowId={(row) => (row.kind === 'event' ? row.event._id : row.key)}
          busy={props.busy}
          height={640}
          fixedRowHeight={41}
          isRowOpen={isRowOpen}
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
      </OpenRows.Provider>
    </div>
  );
}
