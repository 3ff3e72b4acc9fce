import { pagingParams, type PageRequest } from '../../../lib/crest-query';
import { request } from '../../../lib/http';
import { mappingPageSchema } from './schemas';

export interface ListMappingsParams extends PageRequest {
  /** A complete `_queryFilter`; `true` for every mapping. */
  filter: string;
}

/** What `listMappings` sends, also for "copy as curl". */
export function listMappingsRequest(params: ListMappingsParams) {
  return { path: 'sync/mappings', query: { _queryFilter: params.filter, ...pagingParams(params) } };
}

/** One page of mappings, in processing order (the server's order is never re-sorted). */
export function listMappings(params: ListMappingsParams, signal?: AbortSignal) {
  return request({ ...listMappingsRequest(params), schema: mappingPageSchema, signal });
}
