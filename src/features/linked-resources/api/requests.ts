import { request } from '../../../lib/http';
import { linkedResourcesSchema, mappingEndsPageSchema } from './schemas';

/** `POST /openidm/sync?_action=getLinkedResources&resourceName=<path>`, with no body. */
export function getLinkedResources(resourceName: string, signal?: AbortSignal) {
  return request({
    method: 'POST',
    path: 'sync',
    query: { _action: 'getLinkedResources', resourceName },
    schema: linkedResourcesSchema,
    signal,
  });
}

const COLLECTION_PAGE_SIZE = 500;
/** Enough for 10,000 mappings; the picker is a help, so a tenant with more is cut short, not waited for. */
const MAX_COLLECTION_PAGES = 20;

/** The collections mappings read from or write to, for the picker: sorted, each once. */
export async function listMappedCollections(signal?: AbortSignal): Promise<{ collections: string[]; complete: boolean }> {
  const collections = new Set<string>();
  let cookie: string | undefined;
  for (let page = 0; page < MAX_COLLECTION_PAGES; page++) {
    const result = await request({
      path: 'sync/mappings',
      query: { _queryFilter: 'true', _fields: 'source,target', _pageSize: COLLECTION_PAGE_SIZE, _pagedResultsCookie: cookie },
      schema: mappingEndsPageSchema,
      signal,
    });
    for (const m of result.result) {
      collections.add(m.source);
      collections.add(m.target);
    }
    cookie = result.pagedResultsCookie ?? undefined;
    if (!cookie) return { collections: [...collections].sort(), complete: true };
  }
  return { collections: [...collections].sort(), complete: false };
}
