/** Renders pages the way the app does (a fresh QueryClient, a memory router at `url`), for component tests. */
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { createQueryClient } from '../lib/query-client';

export function renderRoutes(routes: RouteObject[], url: string, options: { retry?: boolean } = {}) {
  const queryClient = createQueryClient();
  if (options.retry === false) queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}

/** One page at `path`, without retries, so a failed request shows at once. */
export function renderRoute(path: string, element: ReactElement, url: string) {
  return renderRoutes([{ path, element }], url, { retry: false });
}
