import { pagingParams, queryResultSchema } from '../../../lib/crest-query';
import { request, segment } from '../../../lib/http';
import { printFilter, sw } from '../../../lib/query-filter';
import { cancelResultSchema, launchResultSchema, mappingChoiceSchema, reconListSchema, reconRunSchema } from './schemas';

/** Every run the server keeps, active and finished, in whatever order it sends them. */
export function listReconRuns(signal?: AbortSignal) {
  return request({ path: 'recon', schema: reconListSchema, signal });
}

export function readReconRun(id: string, signal?: AbortSignal) {
  return request({ path: `recon/${segment(id)}`, schema: reconRunSchema, signal });
}

export interface LaunchReconParams {
  mapping: string;
  /** A single source id: `_action=reconById&id=...`; otherwise a full run. */
  sourceId?: string | undefined;
}

export function launchRecon({ mapping, sourceId }: LaunchReconParams) {
  return request({
    method: 'POST',
    path: 'recon',
    query: sourceId ? { _action: 'reconById', mapping, id: sourceId } : { _action: 'recon', mapping },
    schema: launchResultSchema,
  });
}

export function cancelRecon(id: string) {
  return request({ method: 'POST', path: `recon/${segment(id)}`, query: { _action: 'cancel' }, schema: cancelResultSchema });
}

export const MAPPING_PICKER_PAGE_SIZE = 20;

/** One page of mappings whose name starts with `prefix`, for the launch dialog's picker. */
export function searchMappings(prefix: string, cookie: string | undefined, signal?: AbortSignal) {
  return request({
    path: 'sync/mappings',
    query: { _queryFilter: prefix ? printFilter(sw('/name', prefix)) : 'true', ...pagingParams({ pageSize: MAPPING_PICKER_PAGE_SIZE, cookie }) },
    schema: queryResultSchema(mappingChoiceSchema),
    signal,
  });
}
