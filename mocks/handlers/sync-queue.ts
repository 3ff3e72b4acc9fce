/**
 * `GET /openidm/sync/queue?_queryFilter=...` and `DELETE /openidm/sync/queue/<id>` (idm-api.md §4).
 * Like the real queue, the query reports no totals (`totalPagedResultsPolicy: "NONE"`), and each
 * event carries the changed object's whole `oldObject` and `newObject` unless `_fields` leaves them
 * out (idm-api.md §10). The cursor depends on the server profile:
 * - `aic`: the cursor names the last event returned, so deletions never invalidate it; a page starts
 *   from it by binary search and scans only until it is full, so 200,000 events page quickly.
 * - `self-managed` (JDBC repository, JDBCRepoService): the cursor is the numeric offset of the next
 *   page, handed out whenever a page is full — even when nothing follows, so the next page is
 *   empty — and deleting events shifts what an offset points at.
 */
import { http } from 'msw';
import { matchesFilter } from '../../src/lib/query-filter';
import { checkApiVersion, crest, crestJson, CrestFailure, integerParam, parseQueryFilter, runQuery, single } from '../crest';
import { changeOf, queueKey, type QueuedEvent } from '../data/queue';
import { getTenant, serverProfile } from '../tenant';

function encodeCookie(event: QueuedEvent): string {
  // btoa rather than Buffer: the same handlers run in the browser worker.
  return btoa(queueKey(event));
}

function decodeCookie(cookie: string): { createDate: string; _id: string } {
  let key = '';
  try {
    key = atob(cookie);
  } catch {
    // not base64: reported below
  }
  if (!/^\d{4}-\d\d-\d\dT[^|]+\|.+$/.test(key)) throw new CrestFailure(400, `The paged results cookie '${cookie}' is not valid for this query`);
  const bar = key.indexOf('|');
  return { createDate: key.slice(0, bar), _id: key.slice(bar + 1) };
}

function decodeOffset(cookie: string): number {
  if (!/^\d+$/.test(cookie)) throw new CrestFailure(400, `The paged results cookie '${cookie}' is not valid for this query`);
  return Number(cookie);
}

const CHANGE_FIELDS = new Set(['oldObject', 'newObject']);

/**
 * `_fields`: only the listed top-level fields (and `_id`, `_rev`), as CREST does; none = the whole
 * event. The old and new objects are the bulk of an event, so they are only built when asked for.
 */
function project(event: QueuedEvent, fields: string | undefined): Record<string, unknown> {
  if (!fields) return { ...event, ...changeOf(event) };
  const names = fields
    .split(',')
    .map((f) => f.replace(/^\//, '').split('/')[0]!)
    .filter(Boolean);
  const source: Record<string, unknown> = names.some((n) => CHANGE_FIELDS.has(n)) ? { ...event, ...changeOf(event) } : { ...event };
  const out: Record<string, unknown> = { _id: event._id, _rev: event._rev };
  for (const name of names) out[name] = source[name];
  return out;
}

/** `_id eq "<id>"` (how the console reads one event): answered from the index, not by a scan. */
function singleIdOf(filter: ReturnType<typeof parseQueryFilter>): string | undefined {
  return filter.type === 'comparison' && filter.operator === 'eq' && filter.pointer === '/_id' && typeof filter.value === 'string' ? filter.value : undefined;
}

function envelope(result: Record<string, unknown>[], cookie: string | null) {
  return {
    result,
    resultCount: result.length,
    pagedResultsCookie: cookie,
    totalPagedResultsPolicy: 'NONE',
    totalPagedResults: -1,
    remainingPagedResults: -1,
  };
}

export const syncQueueHandlers = [
  http.get('*/openidm/sync/queue', ({ request }) =>
    crest(() => {
      checkApiVersion(request);
      const params = new URL(request.url).searchParams;
      const store = getTenant().queue;
      const fields = single(params, '_fields');
      const offsetCookies = serverProfile() === 'self-managed';
      if (single(params, '_sortKeys')) {
        if (!offsetCookies) {
          const page = runQuery(store.events, params, { cookieOf: (e) => e._id, totals: 'none' });
          return crestJson({ ...page, result: page.result.map((e) => project(e, fields)) });
        }
        // Sorted on a JDBC repository: the cookie is still the offset of the next page.
        const sorted = new URLSearchParams(params);
        const cookie = sorted.get('_pagedResultsCookie');
        sorted.delete('_pagedResultsCookie');
        if (cookie) sorted.set('_pagedResultsOffset', String(decodeOffset(cookie)));
        const page = runQuery(store.events, sorted, { cookieOf: (e) => e._id, totals: 'none' });
        const size = integerParam(params, '_pageSize') ?? 0;
        const start = integerParam(sorted, '_pagedResultsOffset') ?? 0;
        return crestJson(
          envelope(
            page.result.map((e) => project(e, fields)),
            size > 0 && page.result.length === size ? String(start + size) : null,
          ),
        );
      }
      const filter = parseQueryFilter(params);
      const pageSize = integerParam(params, '_pageSize') ?? 0;
      const offset = integerParam(params, '_pagedResultsOffset') ?? 0;
      const cookie = single(params, '_pagedResultsCookie');
      if (pageSize < 0) throw new CrestFailure(400, `The value '${pageSize}' for parameter '_pageSize' must not be negative`);
      if (offset < 0) throw new CrestFailure(400, `The value '${offset}' for parameter '_pagedResultsOffset' must not be negative`);
      const events = store.events;
      const byId = singleIdOf(filter);
      if (byId !== undefined) {
        const event = store.get(byId);
        const page = event && offset === 0 && !cookie ? [event] : [];
        return crestJson(
          envelope(
            page.map((e) => project(e, fields)),
            null,
          ),
        );
      }
      let index = cookie && !offsetCookies ? store.indexAfter(decodeCookie(cookie)) : 0;
      let skip = cookie && offsetCookies ? decodeOffset(cookie) : cookie ? 0 : offset;
      const start = skip;
      const page: QueuedEvent[] = [];
      let more = false;
      for (; index < events.length; index++) {
        const event = events[index]!;
        if (!matchesFilter(filter, event)) continue;
        if (skip > 0) {
          skip--;
          continue;
        }
        if (pageSize > 0 && page.length === pageSize) {
          more = true;
          break;
        }
        page.push(event);
      }
      const last = page[page.length - 1];
      let next: string | null = null;
      // The JDBC repository only knows that the page is full, not whether anything follows.
      if (offsetCookies) next = pageSize > 0 && page.length === pageSize ? String(start + pageSize) : null;
      else if (more && last) next = encodeCookie(last);
      return crestJson(
        envelope(
          page.map((e) => project(e, fields)),
          next,
        ),
      );
    }),
  ),
  http.delete('*/openidm/sync/queue/:id', ({ request, params }) =>
    crest(() => {
      checkApiVersion(request);
      const id = String(params.id);
      const deleted = getTenant().queue.delete(id);
      if (!deleted) throw new CrestFailure(404, `Object ${id} not found in sync/queue`);
      return crestJson(deleted);
    }),
  ),
];
