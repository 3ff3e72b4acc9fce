/**
 * Mapping configuration (idm-api.md §2.1): `GET /openidm/config/sync` holds every mapping kept in
 * sync.json (each with `_id: "sync/<name>"`), `GET /openidm/config/mapping/<name>` one per-file
 * mapping (`_id: "mapping/<name>"`), 404 for a name kept in sync.json or unknown.
 */
import { http } from 'msw';
import { checkApiVersion, crest, crestJson, CrestFailure } from '../crest';
import { mappingConfig } from '../data/mappings';
import { getTenant } from '../tenant';

export const configHandlers = [
  http.get('*/openidm/config/sync', ({ request }) =>
    crest(() => {
      checkApiVersion(request);
      const mappings = getTenant()
        .mappings.filter((m) => !m.perFile)
        .map((m) => ({ _id: `sync/${m.name}`, ...mappingConfig(m) }));
      return crestJson({
        _id: 'sync',
        mappings,
        queueRecovery: { enabled: true, recoveryInterval: 300 },
        queueBalancing: { enabled: true, balanceInterval: 5 },
      });
    }),
  ),
  http.get('*/openidm/config/mapping/:name', ({ request, params }) =>
    crest(() => {
      checkApiVersion(request);
      const name = String(params.name);
      const mapping = getTenant().mappings.find((m) => m.perFile && m.name === name);
      if (!mapping) throw new CrestFailure(404, `Resource 'config/mapping/${name}' not found`);
      return crestJson({ _id: `mapping/${name}`, ...mappingConfig(mapping) });
    }),
  ),
];
