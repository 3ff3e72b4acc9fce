/**
 * Imported first by main.tsx, for its effect: requests the current page's chunks before the rest
 * of the entry bundle runs (see page-modules.ts). The router asks for the same modules later and
 * finds them loaded or on their way. A failure is left to the router, which shows it.
 */
import { pageModuleAt } from './page-modules';

void pageModuleAt(window.location.pathname)?.().catch(() => undefined);
