import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { LoadingState } from '../components/states';
import { authConfigOf, getRuntimeConfig } from '../config/runtime-config';
import { paths } from '../config/paths';
import { MappingsPage } from '../features/mappings/components/mappings-page';
import { getAccessToken } from '../lib/auth-token';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { RouteError } from './route-error';
import { prefetchMappings } from './routes/mappings-data';

type Prefetch = (client: QueryClient, url: URL) => void;

/**
 * A loader that starts the page's first request and returns at once: the request runs while the
 * page's module loads and React renders (no waterfall), and the page's own query picks it up. It
 * never holds the navigation back, and never asks a tenant that would only answer 401.
 */
function prefetching(client: QueryClient | undefined, load: () => Promise<Prefetch> | Prefetch) {
  if (!client) return undefined;
  return ({ request }: LoaderFunctionArgs) => {
    const signedIn = authConfigOf(getRuntimeConfig()).mode === 'none' || getAccessToken() !== null;
    if (signedIn) {
      // A failure here is the page's to show, from its own query; the loader stays silent.
      void Promise.resolve(load())
        .then((prefetch) => prefetch(client, new URL(request.url)))
        .catch(() => undefined);
    }
    return null;
  };
}

/**
 * Mappings is the landing page and ships in the first bundle; the other pages load on first visit,
 * their first request started by the loader together with the module (see `prefetching`). Given
 * no QueryClient (tests of the shell), the routes have no loaders.
 */
export function appRoutes(client?: QueryClient): RouteObject[] {
  return [
    {
      path: paths.home,
      element: <Layout />,
      children: [
        {
          // The error boundary sits inside the layout, so the header and navigation stay alive;
          // so does the fallback shown while a page's module loads on the first visit.
          errorElement: <RouteError />,
          hydrateFallbackElement: <LoadingState label="Loading the page…" />,
          children: [
            { index: true, element: <Navigate to={paths.mappings} replace /> },
            { path: paths.mappings, element: <MappingsPage />, loader: prefetching(client, () => prefetchMappings) },
            {
              path: `${paths.mappings}/:name`,
              lazy: async () => ({ Component: (await import('./routes/mapping-detail-route')).MappingDetailRoute }),
            },
            {
              path: paths.recon,
              loader: prefetching(client, async () => (await import('./routes/recon-data')).prefetch),
              lazy: async () => ({ Component: (await import('../features/recon/components/recon-page')).ReconPage }),
            },
            { path: `${paths.recon}/:id`, lazy: async () => ({ Component: (await import('../features/recon/components/run-page')).ReconRunPage }) },
            {
              path: paths.syncQueue,
              loader: prefetching(client, async () => (await import('./routes/sync-queue-data')).prefetch),
              lazy: async () => ({ Component: (await import('../features/sync-queue/components/sync-queue-page')).SyncQueuePage }),
            },
            {
              path: paths.linkedResources,
              lazy: async () => ({ Component: (await import('../features/linked-resources/components/linked-resources-page')).LinkedResourcesPage }),
            },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ];
}

export const routes: RouteObject[] = appRoutes();

export function createAppRouter(client?: QueryClient) {
  return createBrowserRouter(appRoutes(client), { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' });
}
