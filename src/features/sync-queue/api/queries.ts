/**
 * The queue's one query factory. The queue can hold hundreds of thousands of events, so it is read
 * page by page with the server's cursor into an infinite query that keeps at most
 * {@link MAX_PAGES} pages in memory; pages dropped from the top are fetched again with the cursor
 * remembered for them.
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { QueryResult } from '../../../lib/crest-query';
import { forgetOnSessionEnd } from '../../../lib/query-client';
import { listQueuedEvents } from './requests';
import type { QueuedEvent } from './schemas';

export const PAGE_SIZE = 100;
export const MAX_PAGES = 10;

export type QueuePage = QueryResult<QueuedEvent> & { index: number };

export interface QueuePageParam {
  /** 0-based position of the page since the first one. */
  index: number;
  cookie: string | undefined;
}

/**
 * The cursor that fetched each page of one query, so a page dropped from memory can come back.
 * Forgotten with the query cache on sign-out or a change of account.
 */
const cursors = new Map<string, Map<number, string | undefined>>();
forgetOnSessionEnd(() => cursors.clear());

const REMEMBERED_QUERIES = 20;

function cursorsOf(filter: string): Map<number, string | undefined> {
  let map = cursors.get(filter);
  if (!map) {
    map = new Map();
    cursors.set(filter, map);
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
        cursorsOf(`${filter}|${pageSize}`).set(pageParam.index, pageParam.cookie);
        return { ...page, index: pageParam.index };
      },
      initialPageParam: { index: 0, cookie: undefined } as QueuePageParam,
      getNextPageParam: (last): QueuePageParam | undefined =>
        last.pagedResultsCookie ? { index: last.index + 1, cookie: last.pagedResultsCookie } : undefined,
      getPreviousPageParam: (first): QueuePageParam | undefined => {
        if (first.index === 0) return undefined;
        const known = cursorsOf(`${filter}|${pageSize}`);
        if (!known.has(first.index - 1)) return undefined;
        return { index: first.index - 1, cookie: known.get(first.index - 1) };
      },
      maxPages: MAX_PAGES,
    }),
};
