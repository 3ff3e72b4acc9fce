/**
 * The hook beside paths.ts rather than in it: paths.ts is imported by the module that starts the
 * current page's chunks before the rest of the entry runs (app/start-loading-page.ts), so it must
 * not pull React Router in ahead of it.
 */
import { useLocation } from 'react-router';
import { readParams, type RouteName, type RouteParams } from './paths';

/** The current route's parameters, typed by its template (see {@link readParams}). */
export function useRouteParams<R extends RouteName>(route: R): RouteParams<R> {
  return readParams(route, useLocation().pathname);
}
