/**
 * The overview's first requests, started by its route's loader (see mappings-data.ts), with the
 * keys the page's own queries use: the first page of mappings (its first rows) at once — its code
 * is in the entry bundle — and the runs list as soon as the recon code has arrived. The queue scan
 * starts with the page; the rows never wait for it.
 */
import type { QueryClient } from '@tanstack/react-query';
import { overviewMappings } from '../overview/mappings-query';

export function prefetch(client: QueryClient): void {
  void client.prefetchInfiniteQuery(overviewMappings());
  void import('../../features/recon/api/queries').then(({ reconQueries }) => client.prefetchQuery(reconQueries.list())).catch(() => undefined);
}
