/**
 * Each page's module, for the router's lazy routes, and the current page's module requested as
 * early as can be: main.tsx imports `./app/start-loading-page` before anything else, so the page's
 * chunks download while the entry bundle (React, the router, TanStack Query) is still being
 * evaluated, rather than after it. On a slow CPU that evaluation is the longest step before the
 * first row. This module imports nothing but the route paths, so it runs first.
 */
import { paths } from '../config/paths';

export const pageModules = {
  overview: () => import('./overview/overview-page'),
  mappings: () => import('../features/mappings/components/mappings-page'),
  mapping: () => import('./routes/mapping-detail-route'),
  recon: () => import('../features/recon/components/recon-page'),
  reconRun: () => import('../features/recon/components/run-page'),
  syncQueue: () => import('../features/sync-queue/components/sync-queue-page'),
  linkedResources: () => import('../features/linked-resources/components/linked-resources-page'),
};

/** The module of the page at `pathname` (under the base path), if it is one of the lazy pages. */
export function pageModuleAt(pathname: string, base: string = import.meta.env.BASE_URL): (() => Promise<unknown>) | undefined {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!`${pathname}/`.startsWith(root)) return undefined;
  const [first = '', second = '', ...rest] = pathname.slice(root.length).split('/');
  if (rest.length > 0) return undefined;
  const inner = second !== '';
  switch (`/${first}`) {
    case paths.overview:
      return inner ? undefined : pageModules.overview;
    case paths.mappings:
      return inner ? pageModules.mapping : pageModules.mappings;
    case paths.recon:
      return inner ? pageModules.reconRun : pageModules.recon;
    case paths.syncQueue:
      return inner ? undefined : pageModules.syncQueue;
    case paths.linkedResources:
      return inner ? undefined : pageModules.linkedResources;
    default:
      return undefined;
  }
}
