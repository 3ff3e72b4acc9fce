/**
 * The queue's one query factory. The queue can hold hundreds of thousands of events, so it is read
 * page by page with the server's cursor into an infinite query that keeps at most
 * {@link MAX_PAGES} pages in memory; pages dropped from the top are fetched again with the cursor
 * remembered for them. One event's change (its old and new objects) is a query of its own, fetched
 * only when the user opens that event.
 */
import { infiniteQueryOptions, queryOptions, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { forgetOnSessionEnd } from '../../../lib/query-client';
import { removeRows } from '../offset-cookies';
import { listQueuedEvents, readQueuedEventChange } from './requests';
import type { QueuedEventPage } from './schemas';

export const PAGE_SIZE = 100;
export const MAX_PAGES = 10;

export type QueuePage = QueuedEventPage & { index: number };

export interface QueuePageParam {
  /** 0-based position of the page since the first one. */
  index: number;
  cookie: string | undefined;
}

/**
 * The cursor that fetched each page of one query, so a page dropped from memory can come back.
 * Forgotten with the query cache on sign-out or a change of account. The sync queue's only
 * module-level state.
 */
const cursors = new Map<string, Map<number, string | undefined>>();
forgetOnSessionEnd(() => cursors.clear());

const REMEMBERED_QUERIES = 20;

function cursorsOf(filter: string, pageSize: number): Map<number, string | undefined> {
  const key = `${filter}|${pageSize}`;
  let map = cursors.get(key);
  if (!map) {
    map = new Map();
    cursors.set(key, map);
    // Only the most recent queries are remembered; a forgotten one simply starts again from the top.
    if (cursors.size > REMEMBERED_QUERIES) cursors.delete(cursors.keys().next().value!);
  }
  return map;
}

export const syncQueueQueries = {
  all: () => ['sync-queue'] as const,
  lists: () => [...syncQueueQueries.all(), 'list'] as const,
  list: (filter: string, pageSize = PAGE_SIZE) =>
    infiniteQueryOptions({
      queryKey: [...syncQueueQueries.lists(), { filter, pageSize }] as const,
      queryFn: async ({ pageParam, signal }): Promise<QueuePage> => {
        const page = await listQueuedEvents({ filter, pageSize, cookie: pageParam.cookie }, signal);
        cursorsOf(filter, pageSize).set(pageParam.index, pageParam.cookie);
        return { ...page, index: pageParam.index };
      },
      initialPageParam: { index: 0, cookie: undefined } as QueuePageParam,
      // An empty page ends the list even when it came with a cookie: a JDBC repository hands one
      // out whenever a page is full, also when nothing follows it (idm-api.md §10).
      getNextPageParam: (last): QueuePageParam | undefined =>
        last.pagedResultsCookie && last.received > 0 ? { index: last.index + 1, cookie: last.pagedResultsCookie } : undefined,
      getPreviousPageParam: (first): QueuePageParam | undefined => {
        if (first.index === 0) return undefined;
        const known = cursorsOf(filter, pageSize);
        if (!known.has(first.index - 1)) return undefined;
        return { index: first.index - 1, cookie: known.get(first.index - 1) };
      },
      maxPages: MAX_PAGES,
    }),
  /** One event's old and new objects, read when the user opens it (not part of the list's pages). */
  change: (id: string) =>
    queryOptions({
      queryKey: [...syncQueueQueries.all(), 'change', id] as const,
      queryFn: ({ signal }) => readQueuedEventChange(id, signal),
      staleTime: 30_000,
    }),
};

/**
 * Events left the queue (deleted here, or found already gone): take them out of every loaded list
 * and move the lists' offset cookies up by the events removed ahead of them, so neither "load more"
 * nor the refetch that follows skips events. The first page in memory starts before every removed
 * event, so it stays the known position the refetch re-reads from. Cursors remembered for pages
 * after the last one in memory can no longer be trusted and are forgotten. Then every list is read
 * again from that position, to confirm it. The one cache update after a deletion: pages only call it.
 */
function removeEventsFromLists(queryClient: QueryClient, gone: ReadonlySet<string>): void {
  for (const [key, data] of queryClient.getQueriesData<InfiniteData<QueuePage, QueuePageParam>>({ queryKey: syncQueueQueries.lists() })) {
    if (!data) continue;
    const pages = removeRows(
      data.pages.map((page, i) => ({ cookie: data.pageParams[i]?.cookie, rows: page.result, next: page.pagedResultsCookie })),
      (event) => gone.has(event._id),
    );
    const next: InfiniteData<QueuePage, QueuePageParam> = {
      pages: data.pages.map((page, i) => ({ ...page, result: [...pages[i]!.rows], pagedResultsCookie: pages[i]!.next })),
      pageParams: data.pageParams.map((param, i) => ({ ...param, cookie: pages[i]!.cookie })),
    };
    queryClient.setQueryData(key, next);
    const { filter, pageSize } = key[2] as { filter: string; pageSize: number };
    const known = cursorsOf(filter, pageSize);
    const last = next.pageParams.at(-1)?.index ?? -1;
    for (const param of next.pageParams) known.set(param.index, param.cookie);
    for (const index of [...known.keys()]) if (index > last) known.delete(index);
  }
  void queryClient.invalidateQueries({ queryKey: syncQueueQueries.lists() });
}

/** {@link removeEventsFromLists} for a page: what it calls once events have left the queue. */
export function useRemoveEventsFromLists(): (gone: ReadonlySet<string>) => void {
  const queryClient = useQueryClient();
  return useCallback((gone) => removeEventsFromLists(queryClient, gone), [queryClient]);
}
