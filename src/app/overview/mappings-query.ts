/**
 * The overview's rows: every mapping in processing order, page by page by the server's cursor as
 * the reader scrolls. Kept apart from the rest of the overview (and importing only what the entry
 * bundle already holds), so the route's loader can send the first page before any of the
 * overview's own code has arrived: the first rows wait for one round trip, as on the Mappings page.
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { listMappings } from '../../features/mappings/api/requests';

/** Rows per page: the first screen needs one request. */
export const OVERVIEW_PAGE_SIZE = 100;

export function overviewMappings() {
  return infiniteQueryOptions({
    queryKey: ['overview', 'mappings'] as const,
    queryFn: ({ pageParam, signal }) => listMappings({ filter: 'true', pageSize: OVERVIEW_PAGE_SIZE, cookie: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.result.length > 0 ? (page.pagedResultsCookie ?? undefined) : undefined),
  });
}
