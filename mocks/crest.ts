/**
 * What every CREST endpoint of the mock tenant shares: response headers, error bodies, single-valued
 * query parameters, and `_queryFilter`/`_sortKeys`/paging over an in-memory collection.
 */
import { HttpResponse } from 'msw';
import { FilterSyntaxError, matchesFilter, parseFilter, resolvePointer, STANDARD_OPERATORS, type Filter } from '../src/lib/query-filter';

export const CONTENT_API_VERSION = 'protocol=2.1,resource=1.0';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export function crestJson(body: unknown, status = 200): Response {
  return HttpResponse.json(body as Record<string, unknown>, {
    status,
    headers: { 'content-api-version': CONTENT_API_VERSION, 'cache-control': 'no-store' },
  });
}

/** A CREST error: `{code, reason, message[, detail]}` with the HTTP status. */
export class CrestFailure extends Error {
  constructor(
    readonly code: number,
    message?: string,
    readonly detail?: unknown,
  ) {
    super(message ?? REASONS[code] ?? 'Error');
  }

  toResponse(): Response {
    const body: Record<string, unknown> = { code: this.code, reason: REASONS[this.code] ?? 'Error', message: this.message };
    if (this.detail !== undefined) body.detail = this.detail;
    return crestJson(body, this.code);
  }
}

/** Runs a handler body, turning a thrown {@link CrestFailure} into its CREST error response. */
export async function crest(body: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof CrestFailure) return error.toResponse();
    const message = error instanceof Error ? error.message : String(error);
    return new CrestFailure(500, message).toResponse();
  }
}

/** A query parameter that may appear at most once (CREST answers 400 to repeats). */
export function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new CrestFailure(400, `The parameter ${name} is single-valued but was given ${values.length} values`);
  return values[0];
}

export function integerParam(params: URLSearchParams, name: string): number | undefined {
  const raw = single(params, name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw new CrestFailure(400, `The value '${raw}' for parameter '${name}' could not be parsed as a valid integer`);
  return Number(raw);
}

function checkOperators(filter: Filter): void {
  switch (filter.type) {
    case 'and':
    case 'or':
      filter.operands.forEach(checkOperators);
      return;
    case 'not':
      checkOperators(filter.operand);
      return;
    case 'comparison':
      if (!(STANDARD_OPERATORS as readonly string[]).includes(filter.operator)) {
        throw new CrestFailure(400, `Invalid query filter '${filter.operator}': unsupported operator`);
      }
  }
}

export function parseQueryFilter(params: URLSearchParams): Filter {
  const raw = single(params, '_queryFilter');
  if (raw === undefined) {
    throw new CrestFailure(400, 'Query request must specify a _queryFilter, _queryId or _queryExpression');
  }
  try {
    const filter = parseFilter(raw);
    checkOperators(filter);
    return filter;
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new CrestFailure(400, `Invalid query filter '${raw}'`);
    throw error;
  }
}

function sortItems<T>(items: T[], sortKeys: string | undefined): T[] {
  if (!sortKeys) return items;
  const keys = sortKeys.split(',').map((key) => {
    const descending = key.startsWith('-');
    const field = key.replace(/^[-+]/, '');
    return { pointer: field.startsWith('/') ? field : `/${field}`, descending };
  });
  return [...items].sort((a, b) => {
    for (const { pointer, descending } of keys) {
      const x = resolvePointer(a, pointer) as string | number | undefined;
      const y = resolvePointer(b, pointer) as string | number | undefined;
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const order = x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return 0;
  });
}

export interface QueryOptions<T> {
  /** The cookie for the page that starts with this item. */
  cookieOf: (item: T) => string;
  /** What the server says about totals, e.g. the sync/mappings quirk of reporting the page size. */
  totals: 'page-count' | 'none';
}

/**
 * Filters, sorts and pages a collection the way the documented server does. Cookie = the `_id` of
 * the next item not yet returned; `null` on the last page, also for offset paging.
 */
export function runQuery<T>(items: T[], params: URLSearchParams, options: QueryOptions<T>) {
  const filter = parseQueryFilter(params);
  const pageSize = integerParam(params, '_pageSize') ?? 0;
  const offsetParam = integerParam(params, '_pagedResultsOffset');
  const cookie = single(params, '_pagedResultsCookie');
  if (pageSize < 0) throw new CrestFailure(400, `The value '${pageSize}' for parameter '_pageSize' must not be negative`);
  if (offsetParam !== undefined && offsetParam < 0)
    throw new CrestFailure(400, `The value '${offsetParam}' for parameter '_pagedResultsOffset' must not be negative`);

  const matching = sortItems(
    items.filter((item) => matchesFilter(filter, item)),
    single(params, '_sortKeys'),
  );
  let start = offsetParam ?? 0;
  if (cookie) {
    start = matching.findIndex((item) => options.cookieOf(item) === cookie);
    if (start < 0) throw new CrestFailure(400, `The paged results cookie '${cookie}' is not valid for this query`);
  }
  const end = pageSize > 0 ? start + pageSize : matching.length;
  const result = matching.slice(start, end);
  const next = matching[end];
  return {
    result,
    resultCount: result.length,
    pagedResultsCookie: pageSize > 0 && next !== undefined ? options.cookieOf(next) : null,
    totalPagedResultsPolicy: options.totals === 'page-count' ? 'EXACT' : 'NONE',
    totalPagedResults: options.totals === 'page-count' ? result.length : -1,
    remainingPagedResults: -1,
  };
}

/** Checks `Accept-API-Version`: absent is tolerated, an unknown resource version is a 404. */
export function checkApiVersion(request: Request): void {
  const header = request.headers.get('accept-api-version');
  if (!header) return;
  const resource = /resource=([\d.]+)/.exec(header)?.[1];
  if (resource && !resource.startsWith('1.')) throw new CrestFailure(404, "Resource '' not found");
}
