import * as z from 'zod/mini';
import { queryResultSchema } from '../../../lib/crest-query';
import { tolerantArray } from '../../../lib/tolerant-list';

/**
 * One entry of `getLinkedResources` (idm-api.md §3). `mappings` and `error` come from the engine's
 * code but are not in the AIC example, so both are optional; an unreadable object has
 * `content: null` and an `error`.
 */
export const linkedResourceSchema = z.looseObject({
  resourceName: z.string(),
  content: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  linkQualifier: z.optional(z.nullable(z.string())),
  linkType: z.optional(z.nullable(z.string())),
  mappings: z.optional(z.nullable(z.array(z.looseObject({ name: z.string(), type: z.optional(z.string()) })))),
  error: z.optional(z.nullable(z.string())),
});

export type LinkedResource = z.infer<typeof linkedResourceSchema>;

/** A bare JSON array, not a query envelope; read entry by entry (`{ items, unreadable }`). */
export const linkedResourcesSchema = tolerantArray(linkedResourceSchema);

/** Only what the collection picker needs from `sync/mappings`. */
export const mappingEndsPageSchema = queryResultSchema(z.looseObject({ source: z.string(), target: z.string() }));
