/** The Sync queue page's first page of events, started by its route's loader (see mappings-data.ts). */
import type { QueryClient } from '@tanstack/react-query';
import { syncQueueQueries } from '../../features/sync-queue/api/queries';
import { queryFilterOf, readSyncQueueView } from '../../features/sync-queue/sync-queue-view';

export function prefetch(client: QueryClient, url: URL): void {
  const view = readSyncQueueView(url.searchParams);
  if (view.advanced !== '') return;
  void client.prefetchInfiniteQuery(syncQueueQueries.list(queryFilterOf(view)));
}
