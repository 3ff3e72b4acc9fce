import { queryOptions } from '@tanstack/react-query';
import { countQueuedEvents, mappingFromSyncConfig, readPerFileMapping, readSyncConfig, type LocatedMapping } from './requests';

export const mappingDetailQueries = {
  all: () => ['mapping-detail'] as const,
  syncConfig: () =>
    queryOptions({
      queryKey: [...mappingDetailQueries.all(), 'config-sync'] as const,
      queryFn: ({ signal }) => readSyncConfig(signal),
    }),
  /** The mapping's configuration: from `config/sync` (shared by every mapping page), else its own file. */
  mapping: (name: string) =>
    queryOptions({
      queryKey: [...mappingDetailQueries.all(), 'mapping', name] as const,
      queryFn: async ({ client, signal }): Promise<LocatedMapping> => {
        const sync = await client.fetchQuery(mappingDetailQueries.syncConfig());
        const config = mappingFromSyncConfig(sync, name);
        if (config) return { config, location: 'config/sync' };
        return readPerFileMapping(name, signal);
      },
    }),
  queuedCount: (name: string) =>
    queryOptions({
      queryKey: [...mappingDetailQueries.all(), 'queued-count', name] as const,
      queryFn: ({ signal }) => countQueuedEvents(name, signal),
    }),
};
