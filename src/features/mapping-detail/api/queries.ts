import { queryOptions } from '@tanstack/react-query';
import { countQueuedEvents, locateMapping, readSyncConfigIfAny, type LocatedMapping } from './requests';

export const mappingDetailQueries = {
  all: () => ['mapping-detail'] as const,
  syncConfig: () =>
    queryOptions({
      queryKey: [...mappingDetailQueries.all(), 'config-sync'] as const,
      // null where the server has no config/sync (a 404): remembered like an answer, not retried per page.
      queryFn: ({ signal }) => readSyncConfigIfAny(signal),
    }),
  /**
   * The mapping's configuration wherever the server keeps it (see locateMapping): `config/sync`
   * (fetched once and shared by every mapping page), its own file, or its `sync/mappings` item.
   */
  mapping: (name: string) =>
    queryOptions({
      queryKey: [...mappingDetailQueries.all(), 'mapping', name] as const,
      queryFn: ({ client, signal }): Promise<LocatedMapping> => locateMapping(name, () => client.fetchQuery(mappingDetailQueries.syncConfig()), signal),
    }),
  queuedCount: (name: string) =>
    queryOptions({
      queryKey: [...mappingDetailQueries.all(), 'queued-count', name] as const,
      queryFn: ({ signal }) => countQueuedEvents(name, signal),
    }),
};
