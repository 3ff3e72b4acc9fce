import { render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { createMemoryRouter, matchRoutes, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { MissingRouteParam, paths, readParams, routes } from './paths';
import { useRouteParams } from './use-route-params';

/**
 * The parameters a page at `url` reads: the browser parses the URL, React Router must match the
 * route's template, and the page reads the pathname through `readParams`.
 */
function pageParams<R extends 'mapping' | 'reconRun'>(route: R, url: string) {
  const { pathname } = new URL(url, 'http://console.test');
  expect(matchRoutes([{ path: routes[route] }], pathname)?.[0]?.route.path).toBe(routes[route]);
  return readParams(route, pathname);
}

// A segment that is only dots is a relative step to every URL parser ("/mappings/.." is "/"), so
// no path can carry it; every other string must come back as it went in.
const segment = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), fc.constantFrom('a b', 'a/b', '100%', '%2F', 'é/ü 名前', '?x=1#y', '+'))
  .filter((s) => !/^\.+$/.test(s));

describe('route builders and readers', () => {
  it('the router gets back the mapping name that was linked, whatever it holds', () => {
    fc.assert(
      fc.property(segment, (name) => {
        const url = paths.mapping(name);
        expect(pageParams('mapping', url)).toEqual({ name });
      }),
    );
  });

  it('the router gets back the run id that was linked, whatever it holds', () => {
    fc.assert(
      fc.property(segment, (id) => {
        expect(pageParams('reconRun', paths.reconRun(id))).toEqual({ id });
      }),
    );
  });

  it('builds from the templates the router matches', () => {
    expect(paths.mapping('a b/c%')).toBe('/mappings/a%20b%2Fc%25');
    expect(paths.reconRun('42')).toBe('/recon/42');
    expect(matchRoutes([{ path: routes.mapping }], paths.recon)).toBeNull();
  });

  it('the linked resources of an object carry its name back whole', () => {
    fc.assert(
      fc.property(segment, (name) => {
        const url = new URL(paths.linkedResourcesOf(`managed/user/${name}`), 'http://console.test');
        expect(url.pathname).toBe(routes.linkedResources);
        expect(url.searchParams.get('resourceName')).toBe(`managed/user/${name}`);
      }),
    );
  });

  it('says clearly when a page reads a parameter its route does not have', () => {
    expect(() => readParams('mapping', '/recon')).toThrow(MissingRouteParam);
    expect(() => readParams('mapping', '/mappings/')).toThrow('Page not found: the route /mappings/:name has no :name here');
  });

  it('a page reads its parameters decoded, through the hook', async () => {
    function Page() {
      const { name } = useRouteParams('mapping');
      return <h1>{name}</h1>;
    }
    const router = createMemoryRouter([{ path: routes.mapping, element: <Page /> }], { initialEntries: [paths.mapping('a b/c%2Fd é')] });
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole('heading', { name: 'a b/c%2Fd é' })).toBeInTheDocument();
  });
});
