/**
 * The Mappings page's first request, started by the route's loader while React renders, with the
 * key the page's own query uses (the page then finds it in flight: one request, not two).
 */
import type { QueryClient } from '@tanstack/react-query';
import { recallCookie } from '../../features/mappings/api/cookie-memory';
import { mappingQueries } from '../../features/mappings/api/queries';
import { queryFilterOf, readMappingsView } from '../../features/mappings/mappings-view';

export function prefetchMappings(client: QueryClient, url: URL): void {
  const view = readMappingsView(url.searchParams);
  // A raw filter is checked in the browser before it is sent: the page does that, not the loader.
  if (view.advanced !== '') return;
  const filter = queryFilterOf(view);
  const offset = (view.page - 1) * view.pageSize;
  const cookie = view.cookie ?? (view.page > 1 ? recallCookie(filter, view.pageSize, view.page) : undefined);
  void client.prefetchQuery(mappingQueries.list({ filter, pageSize: view.pageSize, cookie, offset }));
}
