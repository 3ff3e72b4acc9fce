/**
 * Every handler of the mock tenant. The same list serves the browser worker (dev and demo), the
 * Node server for unit tests, and the plain HTTP server for the production-build e2e suite.
 */
import { http } from 'msw';
import { crest, CrestFailure } from '../crest';
import { mappingHandlers } from './mappings';
import { reconHandlers } from './recon';
import { configHandlers } from './config';
import { linkedResourceHandlers } from './linked-resources';
import { syncQueueHandlers } from './sync-queue';

const notFound = http.all('*/openidm/*', ({ request }) =>
  crest(() => {
    throw new CrestFailure(404, `Resource '${new URL(request.url).pathname.replace(/^.*?\/openidm\//, '')}' not found`);
  }),
);

export const handlers = [...mappingHandlers, ...reconHandlers, ...syncQueueHandlers, ...linkedResourceHandlers, ...configHandlers, notFound];
