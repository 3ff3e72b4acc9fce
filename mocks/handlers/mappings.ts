/**
 * `GET /openidm/sync/mappings` (query) and `GET /openidm/sync/mappings/<name>` (read). On the `aic`
 * profile the item of a mapping kept nowhere else (`syncMappingsOnly`) carries its full
 * configuration, as items may on real servers (idm-api.md §10).
 */
import { http } from 'msw';
import { mappingConfig, mappingSummary, type MockMapping } from '../data/mappings';
import { checkApiVersion, crest, crestJson, CrestFailure, runQuery } from '../crest';
import { getTenant, serverProfile } from '../tenant';

function item(m: MockMapping) {
  return m.syncMappingsOnly && serverProfile() === 'aic' ? { ...mappingConfig(m), ...mappingSummary(m) } : mappingSummary(m);
}

export const mappingHandlers = [
  http.get('*/openidm/sync/mappings', ({ request }) =>
    crest(() => {
      checkApiVersion(request);
      const params = new URL(request.url).searchParams;
      const summaries = getTenant().mappings.map(item);
      return crestJson(runQuery(summaries, params, { cookieOf: (m) => m._id, totals: 'page-count' }));
    }),
  ),
  http.get('*/openidm/sync/mappings/:name', ({ request, params }) =>
    crest(() => {
      checkApiVersion(request);
      const mapping = getTenant().mappings.find((m) => m.name === params.name);
      if (!mapping) throw new CrestFailure(404, `Mapping ${String(params.name)} not found`);
      const { perFile: _perFile, ...config } = mapping;
      return crestJson({ _id: mapping.name, ...config });
    }),
  ),
];
