import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { listMappings, type ListMappingsParams } from './requests';

export const mappingQueries = {
  all: () => ['mappings'] as const,
  lists: () => [...mappingQueries.all(), 'list'] as const,
  list: (params: ListMappingsParams) =>
    queryOptions({
      queryKey: [...mappingQueries.lists(), params] as const,
      // The page remembers where it starts, so rows kept on screen while the next page loads keep
      // their positions.
      queryFn: async ({ signal }) => ({ ...(await listMappings(params, signal)), offset: params.offset ?? 0 }),
      // The page on screen stays visible while the next one loads.
      placeholderData: keepPreviousData,
    }),
};
