import { pagingParams, type PageRequest } from '../../../lib/crest-query';
import { request } from '../../../lib/http';
import { mappingPageSchema } from './schemas';

export interface ListMappingsParams extends PageRequest {
  /** A complete `_queryFilter`; `true` for every mapping. */
  filter: string;
}

/** One page of mappings, in processing order (the server's order is never re-sorted). */
export function listMappings(params: ListMappingsParams, signal?: AbortSignal) {
  return request({
    path: 'sync/mappings',
    query: { _queryFilter: params.filter, ...pagingParams(params) },
    schema: mappingPageSchema,
    signal,
  });
}
