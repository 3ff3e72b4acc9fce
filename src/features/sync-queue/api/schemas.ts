import * as z from 'zod/mini';
import { queryResultSchema } from '../../../lib/crest-query';

/**
 * One queued synchronization event (idm-api.md §4.2). `remainingRetries` is filterable on the
 * server but not in the documented sample record, so it is optional; extra fields are tolerated.
 */
export const queuedEventSchema = z.looseObject({
  _id: z.string(),
  _rev: z.optional(z.string()),
  mapping: z.string(),
  resourceId: z.string(),
  syncAction: z.string(),
  state: z.string(),
  resourceCollection: z.string(),
  nodeId: z.optional(z.nullable(z.string())),
  createDate: z.optional(z.nullable(z.string())),
  remainingRetries: z.optional(z.nullable(z.number())),
});

export type QueuedEvent = z.infer<typeof queuedEventSchema>;

export const queuedEventPageSchema = queryResultSchema(queuedEventSchema);

/** CREST deletes answer with the deleted resource; its exact shape is not documented, so anything goes. */
export const deletedEventSchema = z.unknown();
