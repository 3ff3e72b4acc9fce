/**
 * CREST query envelopes and paging. The console pages by the server's cursor and never trusts a
 * total it cannot check: the documented server reports `totalPagedResults` as the size of the page.
 */
import * as z from 'zod/mini';
import type { QueryValue } from './http';

export function queryResultSchema<T>(item: z.ZodMiniType<T>) {
  return z.object({
    result: z.array(item),
    resultCount: z.optional(z.number()),
    pagedResultsCookie: z.optional(z.nullable(z.string())),
    totalPagedResultsPolicy: z.optional(z.string()),
    totalPagedResults: z.optional(z.number()),
    remainingPagedResults: z.optional(z.number()),
  });
}

export interface QueryResult<T> {
  result: T[];
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
  const seen = offset + page.result.length;
  const hasMore = page.pagedResultsCookie != null;
  if (!hasMore) return page.result.length > 0 || offset === 0 ? seen : null;
  const total = page.totalPagedResults;
  if (page.totalPagedResultsPolicy === 'EXACT' && typeof total === 'number' && total > seen) return total;
  return null;
}
