/**
 * Rendering the recon pages in tests: the real pages over the MSW mock tenant, in a memory router
 * with a fresh QueryClient (what jsdom lacks is filled in by src/testing/setup-tests.ts).
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../../config/paths';
import { useRouteParams } from '../../config/use-route-params';
import { createQueryClient } from '../../lib/query-client';
import { rememberLaunch } from './api/launched-reports';
import type { RecordReport } from './api/requests';
import { ReconPage } from './components/recon-page';
import { ReconRunPage } from './components/run-page';
import { MappingReconPanel } from './components/mapping-recon-panel';

/** `launched`: runs this console launched earlier in the session, and with what report. */
export function renderRecon(url: string, options: { launched?: Record<string, RecordReport> } = {}) {
  const client = createQueryClient();
  for (const [id, report] of Object.entries(options.launched ?? {})) rememberLaunch(client, id, report);
  const router = createMemoryRouter(
    [
      { path: routes.recon, element: <ReconPage /> },
      { path: routes.reconRun, element: <ReconRunPage /> },
      { path: routes.mapping, element: <MappingReconPanelRoute /> },
    ],
    { initialEntries: [url] },
  );
  const view = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, client };
}

function MappingReconPanelRoute() {
  const { name } = useRouteParams('mapping');
  return <MappingReconPanel mapping={name} />;
}
