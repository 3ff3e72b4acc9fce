/**
 * `GET /openidm/sync/queue?_queryFilter=...` and `DELETE /openidm/sync/queue/<id>` (idm-api.md §4).
 * Like the real queue, the query reports no totals (`totalPagedResultsPolicy: "NONE"`). Without
 * `_sortKeys` a page starts from the cursor by binary search and scans only until it is full, so
 * 200,000 events page quickly; the cursor names the last event returned, so deletions never
 * invalidate it.
 */
import { http } from 'msw';
import { matchesFilter, resolvePointer } from '../../src/lib/query-filter';
import { checkApiVersion, crest, crestJson, CrestFailure, integerParam, parseQueryFilter, runQuery, single } from '../crest';
import { queueKey, type QueuedEvent } from '../data/queue';
import { getTenant } from '../tenant';

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

/** `_fields`: only the listed fields (and `_id`, `_rev`), as CREST does. */
function project(event: QueuedEvent, fields: string | undefined): Record<string, unknown> {
  if (!fields) return event as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { _id: event._id, _rev: event._rev };
  for (const field of fields.split(',')) {
    const name = field.replace(/^\//, '');
    if (name) out[name] = resolvePointer(event, `/${name}`);
  }
  return out;
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
      if (single(params, '_sortKeys')) {
        const page = runQuery(store.events, params, { cookieOf: (e) => e._id, totals: 'none' });
        return crestJson({ ...page, result: page.result.map((e) => project(e, fields)) });
      }
      const filter = parseQueryFilter(params);
      const pageSize = integerParam(params, '_pageSize') ?? 0;
      const offset = integerParam(params, '_pagedResultsOffset') ?? 0;
      const cookie = single(params, '_pagedResultsCookie');
      if (pageSize < 0) throw new CrestFailure(400, `The value '${pageSize}' for parameter '_pageSize' must not be negative`);
      if (offset < 0) throw new CrestFailure(400, `The value '${offset}' for parameter '_pagedResultsOffset' must not be negative`);
      const events = store.events;
      let index = cookie ? store.indexAfter(decodeCookie(cookie)) : 0;
      let skip = cookie ? 0 : offset;
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
      return crestJson(envelope(page.map((e) => project(e, fields)), more && last ? encodeCookie(last) : null));
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
