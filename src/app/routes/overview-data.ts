/**
 * The overview's first requests, started by its route's loader (see mappings-data.ts), with the
 * keys the page's own queries use: the first page of mappings (its first rows) at once — its code
 * is in the entry bundle — and the runs list once that page is answered and the recon code has
 * arrived. The queue scan starts with the page, after the first page too; the rows never wait for
 * either.
 */
import type { QueryClient } from '@tanstack/react-query';
import { overviewMappings } from '../overview/mappings-query';

export function prefetch(client: QueryClient): void {
  const firstPage = client.prefetchInfiniteQuery(overviewMappings());
  // The recon code loads now; the runs list is asked for once the first rows are answered (a list
  // of hundreds of runs read beside them would hold them up; see overview-page.tsx).
  void Promise.all([import('../../features/recon/api/queries'), firstPage])
    .then(([{ reconQueries }]) => client.prefetchQuery(reconQueries.list()))
    .catch(() => undefined);
}
