/**
 * Sync queue: the queued implicit-sync events, filtered with `_queryFilter` and read page by page
 * with the server's cursor into a virtualized table (at most MAX_PAGES pages in memory). The server
 * reports no total, so none is shown. Events are read one by one: one the console cannot read is a
 * row that says why, and the page counts them. Opening an event fetches the change it carries.
 * Events can be deleted one by one or in bulk, always after a confirmation. Auto-refresh is off
 * unless asked for; the whole view lives in the URL.
 */
import { ExportCsvButton } from '../../../components/export-csv-button';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ListState } from '../../../components/list-state';
import { useFormatTime } from '../../../components/time';
import { usePageTitle } from '../../../components/use-page-title';
import { csvTime } from '../../../lib/csv';
import { useFilterError } from '../../../lib/query-filter/lazy-check';
import { unavailableWhile } from '../../../lib/use-single-flight';
import { MAX_PAGES, PAGE_SIZE, syncQueueQueries, useRemoveEventsFromLists, type QueuePage } from '../api/queries';
import type { QueuedEvent } from '../api/schemas';
import { removedIds, stillSelected, type DeleteResults } from '../bulk-delete';
import { EMPTY_FILTERS, hasFilter, queryFilterOf, readSyncQueueView, REFRESH_INTERVALS, writeSyncQueueView, type SyncQueueView } from '../sync-queue-view';
import { DeleteEventsDialog } from './delete-events-dialog';
import { EventChangeDialog } from './event-change-dialog';
import { SyncQueueFilterForm } from './sync-queue-filter-form';
import { SyncQueueTable, type QueueRow } from './sync-queue-table';

/** A clock for ages and "possibly stuck", ticking every 15 seconds. */
function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The rows of the loaded pages in the server's order: each event once (a refetch can move an event
 * across a page boundary), and each item that could not be read in its place, numbered by its
 * position in the whole list.
 */
function rowsOf(pages: readonly QueuePage[]): { rows: QueueRow[]; events: QueuedEvent[]; unreadable: number } {
  const seen = new Set<string>();
  const rows: QueueRow[] = [];
  const events: QueuedEvent[] = [];
  let unreadable = 0;
  for (const page of pages) {
    const bad = new Map(page.unreadable.map((item) => [item.index, item]));
    let next = 0;
    const addEvent = (event: QueuedEvent) => {
      if (seen.has(event._id)) return;
      seen.add(event._id);
      rows.push({ kind: 'event', event });
      events.push(event);
    };
    for (let position = 0; position < page.received; position++) {
      const item = bad.get(position);
      if (item) {
        unreadable++;
        rows.push({ kind: 'unreadable', key: `unreadable-${page.index}-${position}`, item: { ...item, index: page.index * PAGE_SIZE + position } });
      } else if (next < page.result.length) addEvent(page.result[next++]!);
    }
    // Rows removed locally after a deletion shorten `result`, never lengthen it; this is a safeguard.
    while (next < page.result.length) addEvent(page.result[next++]!);
  }
  return { rows, events, unreadable };
}

interface Selection {
  filter: string;
  events: Map<string, QueuedEvent>;
}

const QUEUE_CSV_COLUMNS = [
  { header: '_id', value: (e: QueuedEvent) => e._id },
  { header: 'mapping', value: (e: QueuedEvent) => e.mapping },
  { header: 'resourceCollection', value: (e: QueuedEvent) => e.resourceCollection },
  { header: 'resourceId', value: (e: QueuedEvent) => e.resourceId },
  { header: 'syncAction', value: (e: QueuedEvent) => e.syncAction },
  { header: 'state', value: (e: QueuedEvent) => e.state },
  { header: 'nodeId', value: (e: QueuedEvent) => e.nodeId },
  { header: 'createDate', value: (e: QueuedEvent) => csvTime(e.createDate) },
  { header: 'remainingRetries', value: (e: QueuedEvent) => e.remainingRetries },
];

export function SyncQueuePage() {
  usePageTitle('Sync queue');
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => readSyncQueueView(searchParams), [searchParams]);
  const filter = queryFilterOf(view);
  // The parser loads only when the URL carries an advanced filter; nothing is asked before it is checked.
  const filterError = useFilterError(view.advanced);
  const filterIsValid = filterError === null;
  const removeFromLists = useRemoveEventsFromLists();
  const now = useNow();
  const formatTime = useFormatTime();

  const [dialogEvents, setDialogEvents] = useState<QueuedEvent[] | null>(null);
  // The selection belongs to one filter: a new filter starts with nothing selected.
  const [selection, setSelection] = useState<Selection>({ filter, events: new Map() });
  const selected = useMemo(() => (selection.filter === filter ? selection.events : new Map<string, QueuedEvent>()), [selection, filter]);
  const selectedIds = useMemo(() => new Set(selected.keys()), [selected]);

  const query = useInfiniteQuery({
    ...syncQueueQueries.list(filter),
    enabled: filterIsValid,
    // Never refreshes behind an open dialog: the rows the user is deciding about stay put.
    refetchInterval: view.refresh > 0 && dialogEvents === null ? view.refresh * 1000 : false,
  });

  const { rows, events, unreadable } = useMemo(() => rowsOf(query.data?.pages ?? []), [query.data]);
  const firstIndex = query.data?.pages[0]?.index ?? 0;

  function go(next: Partial<SyncQueueView>) {
    setSearchParams(writeSyncQueueView({ ...view, ...next }));
  }
  const clear = () => go({ ...EMPTY_FILTERS });

  const { hasNextPage, isFetchingNextPage, fetchNextPage, hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const loadEarlier = useCallback(() => {
    if (hasPreviousPage && !isFetchingPreviousPage) void fetchPreviousPage();
  }, [hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage]);

  const toggle = useCallback(
    (event: QueuedEvent, on: boolean) =>
      setSelection((s) => {
        const next = new Map(s.filter === filter ? s.events : []);
        if (on) next.set(event._id, event);
        else next.delete(event._id);
        return { filter, events: next };
      }),
    [filter],
  );
  const toggleAll = useCallback(
    (on: boolean) =>
      setSelection((s) => {
        const next = new Map(s.filter === filter ? s.events : []);
        for (const event of events) {
          if (on) next.set(event._id, event);
          else next.delete(event._id);
        }
        return { filter, events: next };
      }),
    [events, filter],
  );
  const askDelete = useCallback((event: QueuedEvent) => setDialogEvents([event]), []);
  // Opening an event is a step the back button undoes; closing it replaces that step.
  const openEvent = useCallback((event: QueuedEvent) => setSearchParams(writeSyncQueueView({ ...view, event: event._id })), [view, setSearchParams]);
  const closeEvent = () => setSearchParams(writeSyncQueueView({ ...view, event: '' }), { replace: true });

  const busyIds = useMemo(() => new Set(dialogEvents?.map((e) => e._id) ?? []), [dialogEvents]);

  function finished(results: DeleteResults) {
    // Rows that left the queue leave the table now, and offset cookies move up by as many as left
    // ahead of them; a refetch then confirms it from the first page in memory.
    removeFromLists(new Set(removedIds(results)));
    setSelection((s) => {
      const keep = stillSelected(s.events.keys(), results);
      return { filter: s.filter, events: new Map([...s.events].filter(([id]) => keep.has(id))) };
    });
  }

  const lastUpdated = query.dataUpdatedAt ? formatTime(query.dataUpdatedAt) : null;

  return (
    <section className="page" aria-labelledby="sync-queue-heading">
      <header className="page-header">
        <h1 id="sync-queue-heading">Sync queue</h1>
        <p className="page-lede">Queued implicit-synchronization events waiting for, or being processed by, a node.</p>
      </header>
      <SyncQueueFilterForm view={view} filterError={filterError} onApply={(change) => go(change)} onClear={clear} />
      <div className="toolbar" role="group" aria-label="Queue actions">
        <div className="toolbar-group">
          <label htmlFor="queue-refresh">Auto-refresh</label>
          <select id="queue-refresh" value={view.refresh} onChange={(e) => go({ refresh: Number(e.target.value) })}>
            {REFRESH_INTERVALS.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? 'Off' : `Every ${s} s`}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void query.refetch()} disabled={!filterIsValid || query.isFetching}>
            Refresh now
          </button>
          <ExportCsvButton filename="sync-queue.csv" rows={events} columns={QUEUE_CSV_COLUMNS} what="loaded events" />
          <span className="muted" aria-live="polite">
            {query.isFetching && !query.isFetchingNextPage && !query.isPending ? 'Refreshing…' : lastUpdated ? `Updated at ${lastUpdated}` : ''}
            {view.refresh > 0 ? ` · refreshing every ${view.refresh} s` : ''}
          </span>
        </div>
        <div className="toolbar-group">
          <span aria-live="polite">{selected.size > 0 ? `${selected.size} selected` : 'None selected'}</span>
          {/* aria-disabled: after a bulk delete empties the selection, the button keeps the focus. */}
          <button
            type="button"
            className="button-danger"
            {...unavailableWhile(selected.size === 0 || dialogEvents !== null, () => setDialogEvents([...selected.values()]))}
          >
            Delete selected{selected.size > 0 ? ` (${selected.size})` : ''}
          </button>
          {selected.size > 0 ? (
            <button type="button" onClick={() => setSelection({ filter, events: new Map() })}>
              Clear selection
            </button>
          ) : null}
        </div>
      </div>
      <ListState
        query={query}
        data={query.data}
        invalidFilter={Boolean(filterError)}
        loading="Loading queued events…"
        error={{
          title: 'The sync queue could not be loaded',
          staleTitle: 'The queue could not be refreshed',
          actions: hasFilter(view) ? (
            <button type="button" onClick={clear}>
              Clear filters
            </button>
          ) : null,
        }}
        // Unreadable events show as rows of the table, so only readable ones count as something to show.
        hasData={events.length > 0}
        isEmpty={rows.length === 0}
        isFiltered={hasFilter(view)}
        empty={{
          title: 'The sync queue is empty',
          body: <p>No events are waiting: queued synchronization has caught up, or no mapping queues its events.</p>,
        }}
        noMatch={{ title: 'No queued events match these filters', filter, onClear: clear }}
      >
        <>
          {hasPreviousPage ? (
            <div className="load-row">
              <span className="muted">Earlier events were released from memory ({firstIndex * PAGE_SIZE} or more events before these).</span>
              <button type="button" {...unavailableWhile(isFetchingPreviousPage, loadEarlier)}>
                {isFetchingPreviousPage ? 'Loading earlier events…' : 'Load earlier events'}
              </button>
            </div>
          ) : null}
          <SyncQueueTable
            rows={rows}
            selected={selectedIds}
            onToggle={toggle}
            onToggleAll={toggleAll}
            onDelete={askDelete}
            onOpen={openEvent}
            busyIds={busyIds}
            now={now}
            busy={query.isFetching}
            onEndReached={loadMore}
            releasedEvents={hasPreviousPage ? firstIndex * PAGE_SIZE : 0}
            onStartReached={loadEarlier}
          />
          <div className="load-row">
            {/* The focus fallback: "Load more events" goes at the end of the queue, with the focus. */}
            <p className="muted" aria-live="polite" data-focus-fallback>
              {events.length} events loaded{firstIndex > 0 ? ' (earlier ones released from memory)' : ''}.{' '}
              {unreadable > 0 ? `${unreadable} ${unreadable === 1 ? 'event' : 'events'} could not be read (shown as rows that say why). ` : ''}
              {hasNextPage ? 'More are queued; the server does not say how many.' : 'This is the end of the queue.'} At most {MAX_PAGES * PAGE_SIZE} events are
              kept in memory.
            </p>
            {hasNextPage ? (
              <button type="button" {...unavailableWhile(isFetchingNextPage, loadMore)}>
                {isFetchingNextPage ? 'Loading more events…' : 'Load more events'}
              </button>
            ) : null}
          </div>
        </>
      </ListState>
      {view.event ? <EventChangeDialog id={view.event} event={events.find((e) => e._id === view.event)} onClose={closeEvent} /> : null}
      {dialogEvents ? (
        <DeleteEventsDialog
          events={dialogEvents}
          onClose={() => setDialogEvents(null)}
          onFinished={finished}
          // A deleted event's row (the opener of a single delete) is gone: the results take the focus.
          returnFocus={() => document.querySelector<HTMLElement>('.queue-table [role="region"]')}
        />
      ) : null}
    </section>
  );
}
