/** The runs list, started by the Recon page's route loader (see mappings-data.ts). */
import type { QueryClient } from '@tanstack/react-query';
import { reconQueries } from '../../features/recon/api/queries';

export function prefetch(client: QueryClient): void {
  void client.prefetchQuery(reconQueries.list());
}
