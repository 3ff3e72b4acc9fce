/**
 * The overview's first requests, started by its route's loader (see mappings-data.ts): the first
 * page of mappings (its first rows) and the runs list, in parallel, with the keys the page's own
 * queries use. The queue scan starts with the page; the rows never wait for it.
 */
import type { QueryClient } from '@tanstack/react-query';
import { reconQueries } from '../../features/recon/api/queries';
import { overviewQueries } from '../overview/queries';

export function prefetch(client: QueryClient): void {
  void client.prefetchInfiniteQuery(overviewQueries.mappings());
  void client.prefetchQuery(reconQueries.list());
}
