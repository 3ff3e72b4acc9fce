/**
 * The sync queue as the server really speaks it (idm-api.md §4.2, §10), read tolerantly: a page's
 * `result` is read event by event, so one event of an unexpected shape becomes one "could not be
 * read" row instead of an error for the whole page. Only `_id` is strict — the console deletes,
 * selects and fetches events by it. The fields the console only displays accept the plausible
 * variants (missing or null, a `createDate` with nanoseconds or as epoch milliseconds, a numeric
 * `resourceId`, `remainingRetries` as a numeric string) and are normalised here, so the rest of the
 * feature sees one shape. Extra fields (a real event carries `oldObject`/`newObject`) are ignored.
 */
import * as z from 'zod/mini';
import { queryEnvelopeSchema, type QueryResult } from '../../../lib/crest-query';
import { readItems, type UnreadableItem } from '../../../lib/tolerant-list';

/** A displayed text field: missing and null both mean "not sent". */
const text = z.pipe(
  z.optional(z.nullable(z.string())),
  z.transform((value) => value ?? null),
);

/** An object id is an id whether the repository sends it as a string or a number. */
const idText = z.pipe(
  z.optional(z.nullable(z.union([z.string(), z.number()]))),
  z.transform((value) => (value === undefined || value === null ? null : String(value))),
);

/**
 * When the event was queued. ISO 8601 with any number of fraction digits (a live tenant sent
 * nanoseconds; `Date.parse` reads them) is kept as sent; epoch milliseconds become ISO text.
 */
const timestamp = z.pipe(
  z.optional(z.nullable(z.union([z.string(), z.number()]))),
  z.transform((value) => (typeof value === 'number' ? (Number.isFinite(value) ? new Date(value).toISOString() : null) : (value ?? null))),
);

/** Filterable on the server but not in the documented sample: optional, and a numeric string counts. */
const count = z.pipe(
  z.optional(z.nullable(z.union([z.number(), z.string().check(z.regex(/^\d+$/, 'expected a whole number'))]))),
  z.transform((value) => (value === undefined || value === null ? null : Number(value))),
);

export const queuedEventSchema = z.pipe(
  z.looseObject({
    _id: z.string().check(z.minLength(1)),
    _rev: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    mapping: text,
    resourceId: idText,
    syncAction: text,
    state: text,
    resourceCollection: text,
    nodeId: text,
    createDate: timestamp,
    remainingRetries: count,
  }),
  z.transform((e) => ({
    _id: e._id,
    mapping: e.mapping,
    resourceId: e.resourceId,
    syncAction: e.syncAction,
    state: e.state,
    resourceCollection: e.resourceCollection,
    nodeId: e.nodeId,
    createDate: e.createDate,
    remainingRetries: e.remainingRetries,
  })),
);

export type QueuedEvent = z.output<typeof queuedEventSchema>;

/**
 * The fields the table shows: list requests ask for these only (`_fields`), since a real event
 * also carries the changed object's whole `oldObject` and `newObject` (kilobytes each).
 */
export const LIST_FIELDS = [
  '_id',
  '_rev',
  'mapping',
  'resourceId',
  'syncAction',
  'state',
  'resourceCollection',
  'nodeId',
  'createDate',
  'remainingRetries',
] as const;

/** The envelope is strict (the console pages by its cursor); the items are read one by one below. */
export const queuedEventEnvelopeSchema = queryEnvelopeSchema;

export interface QueuedEventPage extends QueryResult<QueuedEvent> {
  /** The events of this page that could not be read, with their position in the page. */
  unreadable: UnreadableItem[];
  /** How many items the server sent (readable or not): the page's length in the server's order. */
  received: number;
}

export function readQueuedEventPage(envelope: z.output<typeof queuedEventEnvelopeSchema>): QueuedEventPage {
  const { items, unreadable } = readItems(envelope.result, queuedEventSchema);
  return { ...envelope, result: items, unreadable, received: envelope.result.length };
}

/** A JSON object as the server sent it (an event's old or new object). */
const jsonObject = z.record(z.string(), z.unknown());

/**
 * One event with the change it carries. The objects are shown as sent, so anything goes inside
 * them; `null` or missing is "none" (a create has no old object, a delete no new one).
 */
export const queuedEventChangeSchema = z.pipe(
  z.looseObject({
    _id: z.string(),
    oldObject: z.optional(z.nullable(jsonObject)),
    newObject: z.optional(z.nullable(jsonObject)),
  }),
  z.transform((e) => ({ _id: e._id, oldObject: e.oldObject ?? null, newObject: e.newObject ?? null })),
);

/** CREST deletes answer with the deleted resource; its exact shape is not documented, so anything goes. */
export const deletedEventSchema = z.unknown();
