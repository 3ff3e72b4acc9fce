/**
 * A mapping's configuration wherever the server keeps it: `config/sync` first (one query shared by
 * every mapping page), then — a dependent query, only when that does not hold it — its own file or
 * its `sync/mappings` item. Each query is a function of its key and the network.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { mappingDetailQueries } from './queries';
import { mappingFromSyncConfig, type LocatedMapping, type SyncConfig } from './requests';

/** What the mapping page shows: loading, a failure to show (with its Try again), or the mapping. */
export type LocatedMappingResult = { refetch: () => unknown } & (
  | { isPending: true; isError: false; error: null; data: undefined }
  | { isPending: false; isError: true; error: Error; data: undefined }
  | { isPending: false; isError: false; error: null; data: LocatedMapping }
);

export function useLocatedMapping(name: string): LocatedMappingResult {
  // The mapping as config/sync holds it, checked like any response (a malformed entry is an error
  // shown on the page), or null where config/sync does not hold it or the server has none.
  const pick = useCallback(
    (sync: SyncConfig | null): LocatedMapping | null => {
      const config = mappingFromSyncConfig(sync, name);
      return config ? { config, location: 'config/sync' } : null;
    },
    [name],
  );
  const inSync = useQuery({ ...mappingDetailQueries.syncConfig(), select: pick });
  const elsewhere = useQuery({ ...mappingDetailQueries.mappingOutsideSyncConfig(name), enabled: inSync.isSuccess && inSync.data === null });

  if (inSync.isError) return { isPending: false, isError: true, error: inSync.error, data: undefined, refetch: inSync.refetch };
  if (inSync.isPending) return { isPending: true, isError: false, error: null, data: undefined, refetch: inSync.refetch };
  if (inSync.data) return { isPending: false, isError: false, error: null, data: inSync.data, refetch: inSync.refetch };
  if (elsewhere.isError) return { isPending: false, isError: true, error: elsewhere.error, data: undefined, refetch: elsewhere.refetch };
  if (elsewhere.isPending) return { isPending: true, isError: false, error: null, data: undefined, refetch: elsewhere.refetch };
  return { isPending: false, isError: false, error: null, data: elsewhere.data, refetch: elsewhere.refetch };
}
