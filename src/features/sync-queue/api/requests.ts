import { request, segment } from '../../../lib/http';
import { deletedEventSchema, queuedEventPageSchema } from './schemas';

export interface ListQueuedEventsParams {
  /** A complete `_queryFilter`; `true` for every event. */
  filter: string;
  pageSize: number;
  /** The server's cursor for this page; none for the first page. */
  cookie?: string | undefined;
}

/** One page of the sync queue, in the server's order. The server reports no total (policy NONE). */
export function listQueuedEvents(params: ListQueuedEventsParams, signal?: AbortSignal) {
  return request({
    path: 'sync/queue',
    query: { _queryFilter: params.filter, _pageSize: params.pageSize, _pagedResultsCookie: params.cookie },
    schema: queuedEventPageSchema,
    signal,
  });
}

export function deleteQueuedEvent(id: string, signal?: AbortSignal) {
  return request({ method: 'DELETE', path: `sync/queue/${segment(id)}`, schema: deletedEventSchema, signal });
}
