import { CrestError } from '../../../lib/api-error';
import { pagingParams, queryResultSchema } from '../../../lib/crest-query';
import { request, segment } from '../../../lib/http';
import { eq, printFilter, sw } from '../../../lib/query-filter/build';
import {
  associationEntrySchema,
  associationSummarySchema,
  cancelResultSchema,
  launchResultSchema,
  mappingChoiceSchema,
  reconListSchema,
  reconRunSchema,
} from './schemas';

/** Every run the server keeps, active and finished, in whatever order it sends them. */
export function listReconRuns(signal?: AbortSignal) {
  return request({ path: 'recon', schema: reconListSchema, signal });
}

export function readReconRun(id: string, signal?: AbortSignal) {
  return request({ path: `recon/${segment(id)}`, schema: reconRunSchema, signal });
}

/**
 * What a full run keeps of each record: nothing (the default, fastest), a per-record report
 * (`persistAssociations=true`), or only that report, changing nothing (`analyze=true`, which needs
 * the report).
 */
export type RecordReport = 'none' | 'persist' | 'analyze';

export interface LaunchReconParams {
  mapping: string;
  /** A single source id: `_action=reconById&id=...`; otherwise a full run. */
  sourceId?: string | undefined;
  /** Full runs only. */
  report?: RecordReport | undefined;
}

export function launchRecon({ mapping, sourceId, report = 'none' }: LaunchReconParams) {
  return request({
    method: 'POST',
    path: 'recon',
    // `ids` is what the engine reads ("Action reconById requires a parameter 'ids'") and what
    // ForgeRock's own admin UI sends; `id` is what the AIC and PingIDM 8 documentation show. The
    // engine passes unknown parameters through, so both are sent: whichever the server reads, it
    // finds (idm-api.md §10; README "Where each call's behaviour comes from").
    query: sourceId
      ? { _action: 'reconById', mapping, id: sourceId, ids: sourceId }
      : { _action: 'recon', mapping, persistAssociations: report === 'none' ? undefined : 'true', analyze: report === 'analyze' ? 'true' : undefined },
    schema: launchResultSchema,
  });
}

/** The server keeps no per-record report for this run (it was launched without one): a CREST 404. */
export function isNoReport(error: unknown): boolean {
  return error instanceof CrestError && error.status === 404;
}

/** The per-record report of one run; a CREST 404 when the run kept none (see {@link isNoReport}). */
export function readAssociationSummary(reconId: string, signal?: AbortSignal) {
  return request({ path: `recon/assoc/${segment(reconId)}`, schema: associationSummarySchema, signal });
}

/**
 * Whether the tenant keeps per-record reports at all: one query of `recon/assoc` for a single id.
 * A 404 there means the endpoint itself is missing, so no run's report is worth asking for again.
 */
export async function hasReportEndpoint(signal?: AbortSignal): Promise<boolean> {
  try {
    await request({
      path: 'recon/assoc',
      query: { _queryFilter: 'true', _fields: '_id', _pageSize: 1 },
      schema: queryResultSchema(associationSummarySchema),
      signal,
    });
    return true;
  } catch (error) {
    if (isNoReport(error)) return false;
    throw error;
  }
}

export const SUMMARY_PAGE_SIZE = 500;

/** One page of the per-record reports the server keeps, only their ids and kind. */
export function listAssociationSummaries(cookie: string | undefined, signal?: AbortSignal) {
  return request({
    path: 'recon/assoc',
    query: { _queryFilter: 'true', _fields: '_id,isAnalysis', ...pagingParams({ pageSize: SUMMARY_PAGE_SIZE, cookie }) },
    schema: queryResultSchema(associationSummarySchema),
    signal,
  });
}

export const ASSOCIATION_PAGE_SIZE = 50;

/** One page of that report's entries matching `filter`, by the server's cursor. */
export function listAssociationEntries(reconId: string, filter: string, cookie: string | undefined, signal?: AbortSignal) {
  return request({
    path: `recon/assoc/${segment(reconId)}/entry`,
    query: { _queryFilter: filter, ...pagingParams({ pageSize: ASSOCIATION_PAGE_SIZE, cookie }) },
    schema: queryResultSchema(associationEntrySchema),
    signal,
  });
}

export function cancelRecon(id: string) {
  return request({ method: 'POST', path: `recon/${segment(id)}`, query: { _action: 'cancel' }, schema: cancelResultSchema });
}

/** The mapping of that exact name (its source and target), for the launch dialog's wording; null when none. */
export async function readMappingChoice(name: string, signal?: AbortSignal) {
  const answer = await request({
    path: 'sync/mappings',
    query: { _queryFilter: printFilter(eq('/name', name)), _pageSize: 1 },
    schema: queryResultSchema(mappingChoiceSchema),
    signal,
  });
  return answer.result[0] ?? null;
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
