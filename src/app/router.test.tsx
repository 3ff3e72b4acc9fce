import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../features/auth/session';
import { createQueryClient } from '../lib/query-client';
import { Layout } from './layout';
import { RouteError } from './route-error';
import { routes } from './router';

function renderApp(routeObjects: Parameters<typeof createMemoryRouter>[0], url: string) {
  const router = createMemoryRouter(routeObjects, { initialEntries: [url] });
  render(
    <QueryClientProvider client={createQueryClient()}>
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
    renderApp([{ path: '/', element: <Layout />, children: [{ errorElement: <RouteError />, children: [{ path: 'broken', element: <Broken /> }] }] }], '/broken');
    expect(await screen.findByRole('heading', { name: 'Something went wrong on this page' })).toBeInTheDocument();
    expect(screen.getByText('The page broke while rendering')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Recon runs' })).toHaveAttribute('href', '/recon');
    expect(logged).toHaveBeenCalled();
  });

  it('opens the landing page at /', async () => {
    const router = renderApp(routes, '/');
    expect(await screen.findByRole('heading', { name: 'Mappings' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/mappings');
  });
});
