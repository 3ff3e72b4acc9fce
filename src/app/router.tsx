import { createBrowserRouter, createMemoryRouter, Navigate, type RouteObject } from 'react-router';
import { paths } from '../config/paths';
import { MappingsPage } from '../features/mappings/components/mappings-page';
import { ComingSoon } from './coming-soon';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { RouteError } from './route-error';

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
          { path: paths.recon, element: <ComingSoon title="Recon runs" /> },
          { path: paths.syncQueue, element: <ComingSoon title="Sync queue" /> },
          { path: paths.linkedResources, element: <ComingSoon title="Linked resources" /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' });
}

/** For component tests: the same routes in memory, starting at `url`. */
export function createTestRouter(url: string) {
  return createMemoryRouter(routes, { initialEntries: [url] });
}
