import * as z from 'zod/mini';
import { request, segment } from '../../../lib/http';
import { eq, printFilter } from '../../../lib/query-filter/build';
import { deletedEventSchema, LIST_FIELDS, queuedEventChangeSchema, queuedEventEnvelopeSchema, readQueuedEventPage } from './schemas';

export interface ListQueuedEventsParams {
  /** A complete `_queryFilter`; `true` for every event. */
  filter: string;
  pageSize: number;
  /** The server's cursor for this page; none for the first page. */
  cookie?: string | undefined;
}

const queuedEventPageSchema = z.pipe(queuedEventEnvelopeSchema, z.transform(readQueuedEventPage));

/**
 * One page of the sync queue, in the server's order, with only the fields the table shows
 * (`_fields`): a real event also carries the changed object's whole `oldObject` and `newObject`.
 * The server reports no total (policy NONE).
 */
export function listQueuedEvents(params: ListQueuedEventsParams, signal?: AbortSignal) {
  return request({
    path: 'sync/queue',
    query: { _queryFilter: params.filter, _pageSize: params.pageSize, _pagedResultsCookie: params.cookie, _fields: LIST_FIELDS.join(',') },
    schema: queuedEventPageSchema,
    signal,
  });
}

const changePageSchema = z.object({ result: z.array(queuedEventChangeSchema) });

/**
 * One event with the change it carries (`oldObject`, `newObject`), fetched when the user opens it.
 * The documentation lists only the query and DELETE for `sync/queue` (seeds: rest-sync; idm-api.md
 * §4.1) — a read by id (`GET sync/queue/<id>`) is not promised — so this is the documented query
 * on the documented queryable `_id`. `null`: the event is no longer queued.
 */
export async function readQueuedEventChange(id: string, signal?: AbortSignal) {
  const page = await request({
    path: 'sync/queue',
    query: { _queryFilter: printFilter(eq('/_id', id)), _pageSize: 1, _fields: '_id,oldObject,newObject' },
    schema: changePageSchema,
    signal,
  });
  return page.result.find((e) => e._id === id) ?? null;
}

export function deleteQueuedEvent(id: string, signal?: AbortSignal) {
  return request({ method: 'DELETE', path: `sync/queue/${segment(id)}`, schema: deletedEventSchema, signal });
}
