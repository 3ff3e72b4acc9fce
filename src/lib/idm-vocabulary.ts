/**
 * The synchronization engine's own words, shared by the pages and the mock tenant: the 13
 * situations in the engine's order (idm-api.md §2.5), what each means, the action the engine takes
 * when a mapping sets no policy (its code; where the docs say otherwise both are kept), and the
 * exact description of every recon stage (§5.3).
 */
export const SITUATION_NAMES = [
  'CONFIRMED',
  'FOUND',
  'FOUND_ALREADY_LINKED',
  'ABSENT',
  'AMBIGUOUS',
  'MISSING',
  'UNQUALIFIED',
  'SOURCE_IGNORED',
  'TARGET_IGNORED',
  'UNASSIGNED',
  'SOURCE_MISSING',
  'LINK_ONLY',
  'ALL_GONE',
] as const;

export type SituationName = (typeof SITUATION_NAMES)[number];

export interface SituationInfo {
  name: string;
  /** One line a person can act on. */
  meaning: string;
  /** What the engine does when the mapping sets no policy for it. */
  defaultAction: string;
  /** The documented default, when it differs from the engine's code. */
  documentedDefault?: string;
}

export const SITUATIONS: readonly SituationInfo[] = [
  { name: 'CONFIRMED', meaning: 'The source entry is linked to a target entry that exists.', defaultAction: 'UPDATE' },
  { name: 'FOUND', meaning: 'Not linked yet, and exactly one target entry correlates with it.', defaultAction: 'UPDATE' },
  { name: 'FOUND_ALREADY_LINKED', meaning: 'The target entry it correlates with is already linked to another source entry.', defaultAction: 'EXCEPTION' },
  { name: 'ABSENT', meaning: 'No link and no correlating target entry: a target entry is to be created.', defaultAction: 'CREATE' },
  { name: 'AMBIGUOUS', meaning: 'More than one target entry correlates with the source entry.', defaultAction: 'EXCEPTION' },
  { name: 'MISSING', meaning: 'The source entry is linked, but its target entry is gone.', defaultAction: 'EXCEPTION' },
  { name: 'UNQUALIFIED', meaning: 'The source or target entry is not valid for this mapping, but a link or target exists.', defaultAction: 'DELETE' },
  {
    name: 'SOURCE_IGNORED',
    meaning: 'The source entry is not valid for this mapping and has no link or target: ignored.',
    defaultAction: 'REPORT',
    documentedDefault: 'IGNORE',
  },
  { name: 'TARGET_IGNORED', meaning: 'The target entry is not valid for this mapping: ignored.', defaultAction: 'REPORT', documentedDefault: 'IGNORE' },
  { name: 'UNASSIGNED', meaning: 'Target phase: a valid target entry that no source entry is linked to.', defaultAction: 'EXCEPTION' },
  { name: 'SOURCE_MISSING', meaning: 'Target phase: the target entry is linked, but its source entry is gone.', defaultAction: 'EXCEPTION' },
  { name: 'LINK_ONLY', meaning: 'A link exists, but neither a matching source nor target entry does.', defaultAction: 'EXCEPTION' },
  {
    name: 'ALL_GONE',
    meaning: 'The source entry was deleted, it has no link and cannot be correlated.',
    defaultAction: 'NOREPORT',
    documentedDefault: 'IGNORE',
  },
];

export const STAGE_DESCRIPTIONS = {
  ACTIVE_INITIALIZED: 'initialized',
  ACTIVE_QUERY_ENTRIES: 'querying sets of entries to reconcile',
  ACTIVE_RECONCILING_SOURCE: 'reconciling source entries',
  ACTIVE_RECONCILING_TARGET: 'reconciling target entries',
  ACTIVE_LINK_CLEANUP: 'link clean-up',
  ACTIVE_PROCESSING_RESULTS: 'processing reconciling results',
  ACTIVE_CANCELING: 'aborting reconciling',
  COMPLETED_SUCCESS: 'reconciliation completed.',
  COMPLETED_CANCELED: 'reconciliation aborted.',
  COMPLETED_FAILED: 'reconciliation failed',
} as const;

export type ReconStage = keyof typeof STAGE_DESCRIPTIONS;
