/**
 * CREST query envelopes and paging. The console pages by the server's cursor and never trusts a
 * total it cannot check: the documented server reports `totalPagedResults` as the size of the page.
 */
import * as z from 'zod/mini';
import type { QueryValue } from './http';
import { readItems, type UnreadableItem } from './tolerant-list';

/** A query page's envelope: strict, since the console pages by its cursor; the items are left unread. */
export const queryEnvelopeSchema = z.object({
  result: z.array(z.unknown()),
  resultCount: z.optional(z.number()),
  pagedResultsCookie: z.optional(z.nullable(z.string())),
  totalPagedResultsPolicy: z.optional(z.string()),
  totalPagedResults: z.optional(z.number()),
  remainingPagedResults: z.optional(z.number()),
});

/**
 * A query page. The envelope (the `result` array, the cursor) stays strict: the console pages by
 * it. `result` is read item by item: the items that fit `item` are `result`, the others are
 * reported in `unreadable` (position, schema path, raw JSON) so one odd record never blanks a page.
 */
export function queryResultSchema<T>(item: z.ZodMiniType<T>) {
  return z.pipe(
    queryEnvelopeSchema,
    z.transform(({ result, ...rest }): QueryResult<T> & { unreadable: UnreadableItem[] } => {
      const { items, unreadable } = readItems(result, item);
      return { ...rest, result: items, unreadable };
    }),
  );
}

export interface QueryResult<T> {
  result: T[];
  /** The items of the server's `result` that did not fit the schema (absent: none, or not read item by item). */
  unreadable?: UnreadableItem[] | undefined;
  resultCount?: number | undefined;
  pagedResultsCookie?: string | null | undefined;
  totalPagedResultsPolicy?: string | undefined;
  totalPagedResults?: number | undefined;
  remainingPagedResults?: number | undefined;
}

export interface PageRequest {
  pageSize: number;
  /** The server's cursor for this page; wins over `offset` when both are known. */
  cookie?: string | undefined;
  offset?: number | undefined;
}

export function pagingParams(page: PageRequest): Record<string, QueryValue> {
  return {
    _pageSize: page.pageSize,
    _pagedResultsCookie: page.cookie,
    _pagedResultsOffset: page.cookie ? undefined : page.offset || undefined,
  };
}

/**
 * The total number of results, when it can be known for certain: on the last page it is what has
 * been seen; elsewhere only an EXACT total that agrees with the cursor is believed.
 */
export function trustedTotal(page: QueryResult<unknown>, offset: number): number | null {
  // The items that could not be read are still on the server's page: they count.
  const onPage = pageLength(page);
  const seen = offset + onPage;
  const hasMore = page.pagedResultsCookie != null;
  if (!hasMore) return onPage > 0 || offset === 0 ? seen : null;
  const total = page.totalPagedResults;
  if (page.totalPagedResultsPolicy === 'EXACT' && typeof total === 'number' && total > seen) return total;
  return null;
}

/** How many items the server sent on this page, read or not (the offset of the next page moves by this). */
export function pageLength(page: QueryResult<unknown>): number {
  return page.result.length + (page.unreadable?.length ?? 0);
}
