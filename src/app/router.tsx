import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, matchRoutes, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { LoadingState } from '../components/states';
import { authConfigOf, getRuntimeConfig } from '../config/runtime-config';
import { routes as templates } from '../config/paths';
import { getAccessToken } from '../lib/auth-token';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { pageModules } from './page-modules';
import { RouteError } from './route-error';
import { prefetchMappings } from './routes/mappings-data';
import { prefetch as prefetchOverview } from './routes/overview-data';
import { prefetch as prefetchSyncQueue } from './routes/sync-queue-data';

type Prefetch = (client: QueryClient, url: URL) => void;

/**
 * A loader that starts the page's first request and resolves as soon as it is under way (not when
 * it is answered): the request runs while the page's module loads and React renders (no
 * waterfall), and the page's own query picks it up. The loader waits only for the small module with
 * the request's code, which loads beside the page's own module, so the page never subscribes before
 * its request has started, whichever module arrives first. It never asks a tenant that would only
 * answer 401.
 */
function prefetching(client: QueryClient | undefined, load: () => Promise<Prefetch> | Prefetch) {
  if (!client) return undefined;
  return async ({ request }: LoaderFunctionArgs) => {
    const signedIn = authConfigOf(getRuntimeConfig()).mode === 'none' || getAccessToken() !== null;
    if (signedIn) {
      try {
        (await load())(client, new URL(request.url));
      } catch {
        // The module could not load: the page's own query will ask, and show any failure.
      }
    }
    return null;
  };
}

/** The index route has no path of its own (its parent, the layout, is `/` too): this is its key. */
const OVERVIEW = '(overview)';

/** The code of each page's first request, by route path (see `prefetching` and `preloadRoute`). */
const firstRequest: Record<string, () => Promise<Prefetch> | Prefetch> = {
  // In the entry, like the Mappings page's: the first rows need no chunk before their request.
  [OVERVIEW]: () => prefetchOverview,
  [templates.mappings]: () => prefetchMappings,
  [templates.recon]: async () => (await import('./routes/recon-data')).prefetch,
  // In the entry too (about 2.5 KB gzipped): as a chunk of its own it waited behind the page's
  // chunks for a connection, and the queue's request left last instead of first.
  [templates.syncQueue]: () => prefetchSyncQueue,
};

/**
 * Every page loads on first visit, so the entry bundle holds only the shell and the code of the
 * first requests of the overview (the start page, `/`), the Mappings page and the Sync queue: the current page's
 * chunk is preloaded at start-up (`preloadRoute`) while its first request leaves from the loader
 * (see `prefetching`), so the chunk and the tenant's answer travel at the same time. Given no
 * QueryClient (tests of the shell), the routes have no loaders.
 */
export function appRoutes(client?: QueryClient): RouteObject[] {
  return [
    {
      path: templates.overview,
      element: <Layout />,
      children: [
        {
          // The error boundary sits inside the layout, so the header and navigation stay alive;
          // so does the fallback shown while a page's module loads on the first visit.
          errorElement: <RouteError />,
          hydrateFallbackElement: <LoadingState label="Loading the page…" />,
          children: [
            {
              index: true,
              loader: prefetching(client, firstRequest[OVERVIEW]!),
              lazy: async () => ({ Component: (await pageModules.overview()).OverviewPage }),
            },
            {
              path: templates.mappings,
              loader: prefetching(client, firstRequest[templates.mappings]!),
              lazy: async () => ({ Component: (await pageModules.mappings()).MappingsPage }),
            },
            {
              path: templates.mapping,
              lazy: async () => ({ Component: (await pageModules.mapping()).MappingDetailRoute }),
            },
            {
              path: templates.recon,
              loader: prefetching(client, firstRequest[templates.recon]!),
              lazy: async () => ({ Component: (await pageModules.recon()).ReconPage }),
            },
            { path: templates.reconRun, lazy: async () => ({ Component: (await pageModules.reconRun()).ReconRunPage }) },
            {
              path: templates.syncQueue,
              loader: prefetching(client, firstRequest[templates.syncQueue]!),
              lazy: async () => ({ Component: (await pageModules.syncQueue()).SyncQueuePage }),
            },
            {
              path: templates.linkedResources,
              lazy: async () => ({ Component: (await pageModules.linkedResources()).LinkedResourcesPage }),
            },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ];
}

export const routes: RouteObject[] = appRoutes();

const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

export function createAppRouter(client?: QueryClient) {
  return createBrowserRouter(appRoutes(client), { basename });
}

/**
 * Starts loading the modules of the page at `pathname` (its component and the code of its first
 * request) now, while config.json and the sign-in are read: the router asks for the same modules
 * later and gets them from the browser's module map instead of waiting for them.
 */
export function preloadRoute(pathname: string): void {
  for (const { route } of matchRoutes(routes, pathname, basename) ?? []) {
    if (typeof route.lazy === 'function') void route.lazy().catch(() => undefined);
    const key = route.index ? OVERVIEW : route.path;
    const load = key ? firstRequest[key] : undefined;
    if (load) void Promise.resolve(load()).catch(() => undefined);
  }
}
