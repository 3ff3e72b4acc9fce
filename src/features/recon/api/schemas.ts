/**
 * The reconciliation endpoints' answers (idm-api.md §5). Schemas keep what the pages rely on
 * strict (`_id`, `mapping`, `state`, `stage`; `total` as a string) and tolerate the rest: servers
 * add fields, `durationSummary` metrics are an open set, and `parameters` vary between versions.
 */
import * as z from 'zod/mini';

/** `{processed, total}`: `total` is a string, "?" while the server does not know it yet. */
export const existingCountSchema = z.looseObject({
  processed: z.number(),
  total: z.string(),
});
export type ExistingCount = z.infer<typeof existingCountSchema>;

const phaseSchema = z.looseObject({ existing: z.optional(existingCountSchema) });

export const reconProgressSchema = z.looseObject({
  source: z.optional(phaseSchema),
  target: z.optional(
    z.looseObject({
      existing: z.optional(existingCountSchema),
      created: z.optional(z.number()),
      unchanged: z.optional(z.number()),
      updated: z.optional(z.number()),
      deleted: z.optional(z.number()),
    }),
  ),
  links: z.optional(z.looseObject({ existing: z.optional(existingCountSchema), created: z.optional(z.number()) })),
});

export const durationStatSchema = z.looseObject({
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  mean: z.optional(z.number()),
  count: z.optional(z.number()),
  sum: z.optional(z.number()),
  stdDev: z.optional(z.number()),
});
export type DurationStat = z.infer<typeof durationStatSchema>;

export const reconRunSchema = z.looseObject({
  _id: z.string(),
  mapping: z.string(),
  /** ACTIVE | SUCCESS | FAILED | CANCELED; kept open so an unknown state shows rather than breaks. */
  state: z.string(),
  stage: z.optional(z.string()),
  stageDescription: z.optional(z.string()),
  progress: z.optional(reconProgressSchema),
  situationSummary: z.optional(z.record(z.string(), z.number())),
  statusSummary: z.optional(z.record(z.string(), z.number())),
  durationSummary: z.optional(z.record(z.string(), durationStatSchema)),
  parameters: z.optional(z.record(z.string(), z.unknown())),
  /** ISO-8601. */
  started: z.optional(z.string()),
  /** ISO-8601, or "" while the run is going. */
  ended: z.optional(z.string()),
  /** Milliseconds; elapsed so far while running, -1 if not started. */
  duration: z.optional(z.number()),
  sourceProcessedByNode: z.optional(z.record(z.string(), z.number())),
});
export type ReconRun = z.infer<typeof reconRunSchema>;

/** `GET /openidm/recon`: not a CREST query envelope. */
export const reconListSchema = z.looseObject({ reconciliations: z.array(reconRunSchema) });

/** `POST /openidm/recon?_action=recon|reconById`. */
export const launchResultSchema = z.looseObject({ _id: z.string(), state: z.string() });

/** `POST /openidm/recon/<id>?_action=cancel`: AIC answers `status: "INITIATED"`. */
export const cancelResultSchema = z.looseObject({ _id: z.string(), action: z.optional(z.string()), status: z.optional(z.string()) });

/** One entry of `GET /openidm/sync/mappings`, only what the mapping picker shows. */
export const mappingChoiceSchema = z.looseObject({ _id: z.string(), name: z.string(), source: z.optional(z.string()), target: z.optional(z.string()) });

/**
 * `GET /openidm/recon/assoc/<reconId>`: the per-record report a run kept because it was launched
 * with `persistAssociations=true` (§5.4). `isAnalysis` is the string "true"/"false".
 */
export const associationSummarySchema = z.looseObject({
  _id: z.string(),
  mapping: z.optional(z.string()),
  sourceResourceCollection: z.optional(z.string()),
  targetResourceCollection: z.optional(z.string()),
  isAnalysis: z.optional(z.union([z.string(), z.boolean()])),
  finishTime: z.optional(z.string()),
});
export type AssociationSummary = z.infer<typeof associationSummarySchema>;

const optionalText = z.optional(z.nullable(z.string()));

/** One reconciled object of that report (`recon/assoc/<reconId>/entry`). */
export const associationEntrySchema = z.looseObject({
  _id: z.string(),
  situation: optionalText,
  action: optionalText,
  status: optionalText,
  linkQualifier: optionalText,
  sourceObjectId: optionalText,
  targetObjectId: optionalText,
  sourceResourceCollection: optionalText,
  targetResourceCollection: optionalText,
  /** Free-form on the server: a string, an object or null. */
  exception: z.optional(z.unknown()),
  message: optionalText,
  /** The documentation's sample sends the string "null". */
  messageDetail: z.optional(z.unknown()),
  ambiguousTargetObjectIds: z.optional(z.nullable(z.array(z.string()))),
});
export type AssociationEntry = z.infer<typeof associationEntrySchema>;
