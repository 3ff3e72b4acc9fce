import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { paths } from '../config/paths';
import { MappingsPage } from '../features/mappings/components/mappings-page';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { RouteError } from './route-error';

// Mappings is the landing page and ships in the first bundle; the other pages load on first visit.
export const routes: RouteObject[] = [
  {
    path: paths.home,
    element: <Layout />,
    children: [
      {
        // The error boundary sits inside the layout, so the header and navigation stay alive.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to={paths.mappings} replace /> },
          { path: paths.mappings, element: <MappingsPage /> },
          {
            path: `${paths.mappings}/:name`,
            lazy: async () => ({ Component: (await import('./routes/mapping-detail-route')).MappingDetailRoute }),
          },
          { path: paths.recon, lazy: async () => ({ Component: (await import('../features/recon/components/recon-page')).ReconPage }) },
          { path: `${paths.recon}/:id`, lazy: async () => ({ Component: (await import('../features/recon/components/run-page')).ReconRunPage }) },
          {
            path: paths.syncQueue,
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

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' });
}
