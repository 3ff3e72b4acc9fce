/**
 * The overview's own queries, composed from the features' requests: the mappings in processing
 * order (by the server's cursor, page by page as the reader scrolls) and one bounded scan of the
 * sync queue. The runs come from the recon feature's list query (shared with its polling plan).
 */
import { queryOptions } from '@tanstack/react-query';
import { listQueuedEvents } from '../../features/sync-queue/api/requests';
import type { QueuedEvent } from '../../features/sync-queue/api/schemas';
import { tallyQueue } from './health';
import { overviewMappings } from './mappings-query';

/** Events one scan reads at most; past it every count shows as "10,000+". */
export const QUEUE_SCAN_CAP = 10_000;
export const QUEUE_SCAN_PAGE = 1_000;
/** The scan is repeated at most this often (on a visit or a refresh); it never polls. */
export const QUEUE_SCAN_STALE_MS = 60_000;

export const overviewQueries = {
  all: () => ['overview'] as const,
  mappings: overviewMappings,
  /**
   * Queued events counted by mapping and state in ONE bounded scan, rather than counts per row:
   * the server reports no totals for the queue (policy NONE), so any count is a read of events,
   * and a scan per visible row would multiply requests as the reader scrolls. The scan reads the
   * queue in its own order (oldest first: the events most likely stuck come first), asks only for
   * the list's light fields (`_fields`: no oldObject/newObject), and stops at
   * {@link QUEUE_SCAN_CAP} events: at most ten requests, whatever the queue holds. Past the cap
   * every count is a lower bound and shows with a "+".
   */
  queueScan: () =>
    queryOptions({
      queryKey: [...overviewQueries.all(), 'queue-scan'] as const,
      queryFn: async ({ signal }) => {
        const events: QueuedEvent[] = [];
        let cookie: string | undefined;
        let complete = false;
        while (events.length < QUEUE_SCAN_CAP) {
          const pageSize = Math.min(QUEUE_SCAN_PAGE, QUEUE_SCAN_CAP - events.length);
          const page = await listQueuedEvents({ filter: 'true', pageSize, cookie }, signal);
          events.push(...page.result);
          cookie = page.pagedResultsCookie ?? undefined;
          // An empty page ends the queue even with a cookie (a JDBC repository's offsets).
          if (!cookie || page.received === 0) {
            complete = true;
            break;
          }
        }
        return tallyQueue(events, Date.now(), complete);
      },
      staleTime: QUEUE_SCAN_STALE_MS,
    }),
};
