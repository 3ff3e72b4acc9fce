/**
 * Rendering the recon pages in tests: the real pages over the MSW mock tenant, in a memory router
 * with a fresh QueryClient (what jsdom lacks is filled in by src/testing/setup-tests.ts).
 */
import { useParams } from 'react-router';
import { renderRoutes } from '../../testing/render';
import { ReconPage } from './components/recon-page';
import { ReconRunPage } from './components/run-page';
import { MappingReconPanel } from './components/mapping-recon-panel';

export function renderRecon(url: string) {
  const { queryClient, ...view } = renderRoutes(
    [
      { path: '/recon', element: <ReconPage /> },
      { path: '/recon/:id', element: <ReconRunPage /> },
      { path: '/mappings/:name', element: <MappingReconPanelRoute /> },
    ],
    url,
  );
  return { ...view, client: queryClient };
}

function MappingReconPanelRoute() {
  const { name = '' } = useParams();
  return <MappingReconPanel mapping={name} />;
}

