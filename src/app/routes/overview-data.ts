/**
 * The overview's first request, started by its route's loader (see mappings-data.ts), with the key
 * the page's own query uses: the first page of mappings (its first rows) at once — its code is in
 * the entry bundle. Nothing else: the runs list and the queue scan are asked for by the page once
 * the first rows are on screen (see overview-page.tsx), so neither is sent, answered or read while
 * they wait.
 */
import type { QueryClient } from '@tanstack/react-query';
import { overviewMappings } from '../overview/mappings-query';

export function prefetch(client: QueryClient): void {
  void client.prefetchInfiniteQuery(overviewMappings());
}
