import * as z from 'zod/mini';
import { queryResultSchema } from '../../../lib/crest-query';

/** One entry of `GET /openidm/sync/mappings` (idm-api.md §1); extra fields are tolerated. */
export const mappingSummarySchema = z.looseObject({
  _id: z.string(),
  name: z.string(),
  source: z.string(),
  target: z.string(),
  sourceRouteReady: z.optional(z.boolean()),
  targetRouteReady: z.optional(z.boolean()),
});

export type MappingSummary = z.infer<typeof mappingSummarySchema>;

export const mappingPageSchema = queryResultSchema(mappingSummarySchema);
