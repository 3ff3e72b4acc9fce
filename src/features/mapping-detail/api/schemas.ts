/**
 * Mapping configuration (idm-api.md §2). Only what the page cannot do without is required (name,
 * source, target; each property's target; each policy's situation); scripts, filters and actions
 * may be strings or script objects, so they are taken as they come and shown as they are.
 */
import * as z from 'zod/mini';

export const propertyMappingSchema = z.looseObject({
  source: z.optional(z.nullable(z.string())),
  target: z.string(),
  transform: z.optional(z.unknown()),
  condition: z.optional(z.unknown()),
  default: z.optional(z.unknown()),
});

export const policySchema = z.looseObject({
  situation: z.string(),
  action: z.optional(z.unknown()),
  condition: z.optional(z.unknown()),
  postAction: z.optional(z.unknown()),
});

export const mappingConfigSchema = z.looseObject({
  _id: z.optional(z.string()),
  name: z.string(),
  displayName: z.optional(z.nullable(z.string())),
  source: z.string(),
  target: z.string(),
  properties: z.optional(z.nullable(z.array(propertyMappingSchema))),
  policies: z.optional(z.nullable(z.array(policySchema))),
});

export type MappingConfig = z.infer<typeof mappingConfigSchema>;
export type PropertyMapping = z.infer<typeof propertyMappingSchema>;
export type Policy = z.infer<typeof policySchema>;

/**
 * `config/sync`: the mappings are checked one by one later, so one odd mapping in the document
 * cannot break the page of another; real documents may hold `null` entries (idm-api.md §10).
 */
export const syncConfigSchema = z.looseObject({
  _id: z.optional(z.string()),
  mappings: z.optional(z.nullable(z.array(z.unknown()))),
});

export const queueCountSchema = z.looseObject({
  result: z.array(z.unknown()),
  pagedResultsCookie: z.optional(z.nullable(z.string())),
});
