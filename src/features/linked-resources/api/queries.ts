import { queryOptions } from '@tanstack/react-query';
import { getLinkedResources, listMappedCollections } from './requests';

export const linkedResourceQueries = {
  all: () => ['linked-resources'] as const,
  of: (resourceName: string) =>
    queryOptions({
      queryKey: [...linkedResourceQueries.all(), 'of', resourceName] as const,
      queryFn: ({ signal }) => getLinkedResources(resourceName, signal),
    }),
  collections: () =>
    queryOptions({
      queryKey: [...linkedResourceQueries.all(), 'collections'] as const,
      queryFn: ({ signal }) => listMappedCollections(signal),
      staleTime: 5 * 60_000,
    }),
};
