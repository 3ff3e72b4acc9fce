/**
 * Every route of the console, written once: the templates the router matches (`routes`), the
 * builders links use (`paths`, filled from the same templates) and the typed readers pages use to
 * get a route's parameters back (`readParams`; the hook is in use-route-params.ts). Shared by links, the router and e2e tests.
 *
 * A link into another feature's filtered view is built by that feature's own URL builder (e.g.
 * the sync queue's `queueUrl`); a feature that may not import another is handed the builder by the
 * route module in src/app that composes them.
 */

/** The router's path templates: a `:param` segment is filled by the builder of the same name. */
export const routes = {
  /** The start page: every mapping's health. */
  overview: '/',
  mappings: '/mappings',
  mapping: '/mappings/:name',
  recon: '/recon',
  reconRun: '/recon/:id',
  syncQueue: '/sync-queue',
  linkedResources: '/linked-resources',
} as const;

export type RouteName = keyof typeof routes;

/** The `:param` names of a template, as a union of string literals. */
type ParamNames<T extends string> = T extends `${string}:${infer Param}/${infer Rest}`
  ? Param | ParamNames<`/${Rest}`>
  : T extends `${string}:${infer Param}`
    ? Param
    : never;

/** A route's parameters, decoded: `{ name: string }` for `/mappings/:name`. */
export type RouteParams<R extends RouteName> = Record<ParamNames<(typeof routes)[R]>, string>;

/**
 * Fills a template; each value is one encoded segment, so a name with `/`, `%`, spaces or any
 * unicode comes back whole from the router (which decodes each segment, `%2F` included).
 */
function fill(template: string, params: Record<string, string>): string {
  return template.replace(/:(\w+)/g, (_, param: string) => encodeURIComponent(params[param]!));
}

export const paths = {
  home: routes.overview,
  /** The start page: every mapping's health. */
  overview: routes.overview,
  /** The overview narrowed to the mappings that need attention. */
  overviewAttention: `${routes.overview}?attention=1`,
  mappings: routes.mappings,
  mapping: (name: string) => fill(routes.mapping, { name } satisfies RouteParams<'mapping'>),
  recon: routes.recon,
  reconRun: (id: string) => fill(routes.reconRun, { id } satisfies RouteParams<'reconRun'>),
  syncQueue: routes.syncQueue,
  linkedResources: routes.linkedResources,
  /** The linked resources of one object, e.g. `managed/user/<id>`. */
  linkedResourcesOf: (resourceName: string) => `${routes.linkedResources}?${new URLSearchParams({ resourceName }).toString()}`,
} as const;

/** Thrown when a page reads a parameter its route does not have: the page is mounted on the wrong route. */
export class MissingRouteParam extends Error {
  constructor(route: RouteName, param: string) {
    super(`Page not found: the route ${routes[route]} has no :${param} here`);
    this.name = 'MissingRouteParam';
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Malformed percent-encoding (typed by hand): the segment as it is, as React Router does.
    return segment;
  }
}

/**
 * The parameters of `route` read from a location's (still encoded) pathname, each segment decoded
 * once. Not React Router's `useParams`: it turns a literal `%2F` in a value into `/` (it decodes
 * `/` to `%2F` first to keep segments apart), so a name holding the text `%2F` would not come back
 * as it was linked. A missing or empty parameter is a clear error instead of a request for "".
 */
export function readParams<R extends RouteName>(route: R, pathname: string): RouteParams<R> {
  const template = routes[route].split('/');
  const segments = pathname.split('/');
  const read: Record<string, string> = {};
  const params = template.filter((part) => part.startsWith(':')).map((part) => part.slice(1));
  template.forEach((part, i) => {
    const value = segments[i];
    if (!part.startsWith(':')) {
      // Another route's path: none of this route's parameters are here.
      if (value !== part) throw new MissingRouteParam(route, params[0] ?? '');
      return;
    }
    if (!value) throw new MissingRouteParam(route, part.slice(1));
    read[part.slice(1)] = decodeSegment(value);
  });
  return read as RouteParams<R>;
}
