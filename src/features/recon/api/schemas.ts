/**
 * The reconciliation endpoints' answers (idm-api.md §5, §10). What the console acts on stays strict
 * (`_id`, `mapping`, `state`: ids it links to, cancels and compares); what it only displays accepts
 * the variants real servers send (totals as string or number, `ended` "" or absent, `duration` -1,
 * extra counters such as `progress.target.retried`). Lists are read item by item (tolerant-list).
 */
import * as z from 'zod/mini';
import { tolerantArray } from '../../../lib/tolerant-list';

/**
 * A count the console only shows: a number, or a string of digits (some servers send counts as
 * strings, as they do totals). Read as a number.
 */
const countSchema = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^\s*-?\d+\s*$/))]),
  z.transform((value: number | string) => Number(value)),
);

/** A total: the documented string ("40", or "?" while unknown), or a number as some servers send. Read as a string. */
const totalSchema = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value: string | number) => String(value)),
);

/** `{processed, total}`: `total` is a string, "?" while the server does not know it yet. */
export const existingCountSchema = z.looseObject({
  processed: countSchema,
  total: totalSchema,
});
export type ExistingCount = z.infer<typeof existingCountSchema>;

const phaseSchema = z.looseObject({ existing: z.optional(existingCountSchema) });

export const reconProgressSchema = z.looseObject({
  source: z.optional(phaseSchema),
  target: z.optional(
    z.looseObject({
      existing: z.optional(existingCountSchema),
      created: z.optional(countSchema),
      unchanged: z.optional(countSchema),
      updated: z.optional(countSchema),
      deleted: z.optional(countSchema),
      /** AIC adds it (idm-api.md §10): targets retried. */
      retried: z.optional(countSchema),
    }),
  ),
  links: z.optional(z.looseObject({ existing: z.optional(existingCountSchema), created: z.optional(countSchema) })),
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
  situationSummary: z.optional(z.record(z.string(), countSchema)),
  statusSummary: z.optional(z.record(z.string(), countSchema)),
  durationSummary: z.optional(z.record(z.string(), durationStatSchema)),
  parameters: z.optional(z.record(z.string(), z.unknown())),
  /** ISO-8601. */
  started: z.optional(z.string()),
  /** ISO-8601, or "" while the run is going (AIC was seen leaving it out instead). */
  ended: z.optional(z.nullable(z.string())),
  /** Milliseconds; elapsed so far while running, -1 if not started. */
  duration: z.optional(countSchema),
  sourceProcessedByNode: z.optional(z.record(z.string(), countSchema)),
});
export type ReconRun = z.infer<typeof reconRunSchema>;

/**
 * `GET /openidm/recon`: not a CREST query envelope. The runs are read one by one: a run that does
 * not fit is reported (`reconciliations.unreadable`) while the others show.
 */
export const reconListSchema = z.looseObject({ reconciliations: tolerantArray(reconRunSchema) });

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
  /** Optional in the storage schema: a summary may exist before its run ends. */
  finishTime: z.optional(z.nullable(z.string())),
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
  /**
   * Documented as an array or null; the engine's audit joins them with ", " into one string
   * (idm-api.md §10). Read as an array either way.
   */
  ambiguousTargetObjectIds: z.optional(
    z.pipe(
      z.nullable(z.union([z.array(z.string()), z.string()])),
      z.transform((value: string[] | string | null) =>
        typeof value === 'string'
          ? value
              .split(',')
              .map((id) => id.trim())
              .filter(Boolean)
          : value,
      ),
    ),
  ),
});
export type AssociationEntry = z.infer<typeof associationEntrySchema>;
