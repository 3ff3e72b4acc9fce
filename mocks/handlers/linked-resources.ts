/**
 * `POST /openidm/sync?_action=getLinkedResources&resourceName=<path>` (idm-api.md §3): a bare JSON
 * array, not a query envelope. An object the tenant does not hold is a 404; one without links is `[]`.
 */
import { http } from 'msw';
import { checkApiVersion, crest, crestJson, CrestFailure, single } from '../crest';
import { knownCollections, linkedResourcesOf } from '../data/links';
import { getTenant } from '../tenant';

export const linkedResourceHandlers = [
  http.post('*/openidm/sync', ({ request }) =>
    crest(() => {
      checkApiVersion(request);
      const params = new URL(request.url).searchParams;
      const action = single(params, '_action');
      if (action !== 'getLinkedResources') {
        throw new CrestFailure(400, `Action ${action ?? '(none)'} on sync not supported`);
      }
      const resourceName = single(params, 'resourceName');
      if (!resourceName) throw new CrestFailure(400, 'The resourceName parameter is required');
      const store = getTenant().links;
      const linked = linkedResourcesOf(store, resourceName);
      if (linked === null) {
        const collection = resourceName.slice(0, resourceName.lastIndexOf('/'));
        if (!resourceName.includes('/') || !knownCollections(store).has(collection)) {
          throw new CrestFailure(404, `Resource '${collection || resourceName}' not found`);
        }
        throw new CrestFailure(404, `Object ${resourceName} not found`);
      }
      return crestJson(linked);
    }),
  ),
];
