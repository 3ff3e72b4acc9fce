import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import { setRuntimeConfig } from '../config/runtime-config';
import { TEST_TENANT_URL } from '../testing/setup-tests';
import { SessionProvider } from '../features/auth/session';
import { createQueryClient } from '../lib/query-client';
import { Layout } from './layout';
import { RouteError } from './route-error';
import { appRoutes, routes } from './router';

function renderApp(routeObjects: Parameters<typeof createMemoryRouter>[0], url: string, client = createQueryClient()) {
  const router = createMemoryRouter(routeObjects, { initialEntries: [url] });
  render(
    <QueryClientProvider client={client}>
      <SessionProvider auth={{ mode: 'none' }} initial={{ status: 'open' }}>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>,
  );
  return router;
}

function Broken(): never {
  throw new Error('The page broke while rendering');
}

// The lazy pages' modules are imported once, in wall time, before these tests: a first import is
// file I/O and a transform, which the fake clock that findBy advances cannot wait for. The router
// still resolves them asynchronously, so the fallback and the loaders' order are tested as they are.
beforeAll(async () => {
  await Promise.all([
    import('./overview/overview-page'),
    import('../features/recon/api/queries'),
    import('../features/recon/components/recon-page'),
    import('../features/sync-queue/components/sync-queue-page'),
    import('./routes/recon-data'),
    import('./routes/sync-queue-data'),
  ]);
}, 60_000);

describe('the shell', () => {
  it('answers an unknown path with a not-found page inside the shell', async () => {
    renderApp(routes, '/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(document.title).toBe('Page not found · IDM Sync Console');
  });

  it('keeps the header and navigation alive when a page throws', async () => {
    // React and React Router log the caught error; the test asserts what the user sees instead.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderApp(
      [{ path: '/', element: <Layout />, children: [{ errorElement: <RouteError />, children: [{ path: 'broken', element: <Broken /> }] }] }],
      '/broken',
    );
    expect(await screen.findByRole('heading', { name: 'Something went wrong on this page' })).toBeInTheDocument();
    expect(screen.getByText('The page broke while rendering')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Recon runs' })).toHaveAttribute('href', '/recon');
    expect(logged).toHaveBeenCalled();
  });

  it('opens the overview at /, and keeps /mappings as it was', async () => {
    const router = renderApp(appRoutes(createQueryClient()), '/');
    expect(await screen.findByRole('heading', { name: 'Overview', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    await router.navigate('/mappings');
    expect(await screen.findByRole('heading', { name: 'Mappings', level: 1 })).toBeInTheDocument();
  });
});

describe('start-up', () => {
  it('shows the shell and a loading state at once while a page loads, without a router warning', async () => {
    const warned = vi.spyOn(console, 'warn');
    const client = createQueryClient();
    renderApp(appRoutes(client), '/recon');
    // Before the page's module has arrived: the header, the navigation and a loading state.
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the page…');
    expect(await screen.findByRole('heading', { name: 'Reconciliation runs' })).toBeInTheDocument();
    expect(warned.mock.calls.flat().join(' ')).not.toMatch(/HydrateFallback/);
  });

  it.each([
    ['/', '/openidm/sync/mappings', ['overview', 'mappings'], 'Overview'],
    ['/mappings', '/openidm/sync/mappings', ['mappings', 'list'], 'Mappings'],
    ['/recon', '/openidm/recon', ['recon', 'list'], 'Reconciliation runs'],
    ['/sync-queue?state=PENDING', '/openidm/sync/queue', ['sync-queue', 'list'], 'Sync queue'],
  ])("starts %s's first request with the route, and the page sends it only once", async (url, path, key, heading) => {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      requests.push(new URL(request.url).pathname);
    });
    // Signed in (no sign-in needed): the loader asks the tenant only then.
    setRuntimeConfig({ tenantUrl: TEST_TENANT_URL, auth: { mode: 'none' } });
    const client = createQueryClient();
    // The page's query as the page first subscribes to it: already under way (started by the
    // route's loader), or still idle (the page would start it only now, after its module loaded).
    const whenPageSubscribed: string[] = [];
    client.getQueryCache().subscribe((event) => {
      const ours = key.every((part, i) => event.query.queryKey[i] === part);
      if (ours && event.type === 'observerAdded' && whenPageSubscribed.length === 0) {
        whenPageSubscribed.push(event.query.state.fetchStatus === 'fetching' || event.query.state.status === 'success' ? 'under way' : 'not started');
      }
    });
    renderApp(appRoutes(client), url, client);
    await screen.findByRole('heading', { name: heading });
    await waitFor(() => expect(client.isFetching()).toBe(0));
    expect(whenPageSubscribed).toEqual(['under way']);
    expect(requests.filter((p) => p === path)).toHaveLength(1);
  });
});
