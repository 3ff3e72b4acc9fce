/**
 * `POST /openidm/sync?_action=getLinkedResources&resourceName=<path>` (idm-api.md §3): a bare JSON
 * array, not a query envelope. In both profiles, as the engine does (§10), the object's existence is
 * never checked: an object the tenant does not hold, or a typo, answers `[]` like one without links.
 */
import { http } from 'msw';
import { checkApiVersion, crest, crestJson, CrestFailure, single } from '../crest';
import { linkedResourcesOf } from '../data/links';
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
      return crestJson(linkedResourcesOf(getTenant().links, resourceName));
    }),
  ),
];
