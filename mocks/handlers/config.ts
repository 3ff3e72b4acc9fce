/**
 * Mapping configuration (idm-api.md §2.1, §10), per server profile:
 * - `aic`: `GET /openidm/config/sync` holds every mapping kept in sync.json (each with
 *   `_id: "sync/<name>"`) and, as real documents were seen to, a `null` entry among them;
 *   `GET /openidm/config/mapping/<name>` one per-file mapping (`_id: "mapping/<name>"`), 404 for a
 *   name kept in sync.json, unknown, or reachable only through `sync/mappings`.
 * - `self-managed` (a newer deployment): `config/sync` answers 404; every mapping is its own
 *   `config/mapping/<name>`.
 */
import { http } from 'msw';
import { checkApiVersion, crest, crestJson, CrestFailure } from '../crest';
import { mappingConfig } from '../data/mappings';
import { getTenant, serverProfile } from '../tenant';

/** Where the `null` entry sits in the AIC `config/sync` mappings: not first, so a reader must step over it. */
export const NULL_MAPPING_AT = 3;

export const configHandlers = [
  http.get('*/openidm/config/sync', ({ request }) =>
    crest(() => {
      checkApiVersion(request);
      if (serverProfile() === 'self-managed') throw new CrestFailure(404, "Resource 'config/sync' not found");
      const mappings: (Record<string, unknown> | null)[] = getTenant()
        .mappings.filter((m) => !m.perFile)
        .map((m) => ({ _id: `sync/${m.name}`, ...mappingConfig(m) }));
      mappings.splice(NULL_MAPPING_AT, 0, null);
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
      const selfManaged = serverProfile() === 'self-managed';
      const mapping = getTenant().mappings.find((m) => m.name === name && (selfManaged || (m.perFile && !m.syncMappingsOnly)));
      if (!mapping) throw new CrestFailure(404, `Resource 'config/mapping/${name}' not found`);
      return crestJson({ _id: `mapping/${name}`, ...mappingConfig(mapping) });
    }),
  ),
];
