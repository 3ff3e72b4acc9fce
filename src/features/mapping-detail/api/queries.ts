import { queryOptions } from '@tanstack/react-query';
import { countQueuedEvents, locateMappingOutsideSyncConfig, readSyncConfigIfAny } from './requests';

export const mappingDetailQueries = {
  all: () => ['mapping-detail'] as const,
  syncConfig: () =>
    queryOptions({
      queryKey: [...mappingDetailQueries.all(), 'config-sync'] as const,
      // null where the server has no config/sync (a 404): remembered like an answer, not retried per page.
      queryFn: ({ signal }) => readSyncConfigIfAny(signal),
    }),
  /**
   * A mapping's configuration from where the server keeps it when `config/sync` (fetched once and
   * shared by every mapping page) does not hold it: its own file, or its `sync/mappings` item.
   * Asked only after `config/sync` has answered without it (see useLocatedMapping).
   */
  mappingOutsideSyncConfig: (name: string) =>
    queryOptions({
      queryKey: [...mappingDetailQueries.all(), 'mapping', name] as const,
      queryFn: ({ signal }) => locateMappingOutsideSyncConfig(name, signal),
    }),
  queuedCount: (name: string) =>
    queryOptions({
      queryKey: [...mappingDetailQueries.all(), 'queued-count', name] as const,
      queryFn: ({ signal }) => countQueuedEvents(name, signal),
    }),
};
