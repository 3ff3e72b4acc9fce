/**
 * Per-record results of the runs launched with `persistAssociations=true` (idm-api.md §5.4): one
 * summary per run (`recon/assoc/<reconId>`) and one entry per reconciled object
 * (`recon/assoc/<reconId>/entry`). They exist once the run has ended and are built from its final
 * counts, so the entries always add up to the run's situation and status summaries.
 *
 * Quirks kept from the documentation's sample: `isAnalysis` is the string "true"/"false",
 * `finishTime` has microseconds, and `messageDetail` is the string "null".
 */
import { SITUATIONS as SITUATION_INFO } from '../../src/lib/idm-vocabulary';
import { createRandom, hashText as hash, uuid } from '../random';
import { snapshotRun, SITUATIONS, type MockReconRun, type ReconClock, type Situation } from './engine';

export interface AssocSummary {
  _id: string;
  _rev: string;
  mapping: string;
  sourceResourceCollection: string;
  targetResourceCollection: string;
  isAnalysis: 'true' | 'false';
  finishTime: string;
}

export interface AssocEntry {
  _id: string;
  _rev: string;
  mapping: string;
  reconId: string;
  situation: Situation;
  action: string;
  linkQualifier: string;
  sourceObjectId: string | null;
  targetObjectId: string | null;
  sourceResourceCollection: string;
  targetResourceCollection: string;
  status: 'SUCCESS' | 'FAILURE';
  exception: string | null;
  message: string | null;
  messageDetail: string;
  ambiguousTargetObjectIds: string[] | null;
}

export interface Associations {
  summary: AssocSummary;
  entries: AssocEntry[];
}

/** Met in the target phase: there is no source object. */
const TARGET_PHASE: readonly Situation[] = ['UNASSIGNED', 'SOURCE_MISSING', 'TARGET_IGNORED'];
/** The source entry has no target object to name. */
const NO_TARGET: readonly Situation[] = ['AMBIGUOUS', 'MISSING', 'SOURCE_IGNORED', 'LINK_ONLY', 'ALL_GONE'];

const defaultAction = new Map(SITUATION_INFO.map((s) => [s.name, s.defaultAction]));

const built = new WeakMap<MockReconRun, Associations>();

/** `2019-05-01T23:36:24.434153Z`: ISO-8601 with microseconds. */
function withMicroseconds(iso: string, extra: number): string {
  return iso.replace(/\.(\d{3})Z$/, (_, ms: string) => `.${ms}${String(extra % 1000).padStart(3, '0')}Z`);
}

/**
 * The run's associations, or null when it kept none or has not ended. `collections` are the
 * mapping's source and target.
 */
export function associationsOf(run: MockReconRun, clock: ReconClock, collections: { source: string; target: string }): Associations | null {
  if (!run.plan.persistAssociations) return null;
  const cached = built.get(run);
  if (cached) return cached;
  const snapshot = snapshotRun(run, clock);
  if (snapshot.state === 'ACTIVE') return null;

  const random = createRandom(hash(run.id));
  const analysis = run.plan.analyze === true;
  const sourceIds = Array.isArray(run.plan.parameters.sourceIds) ? (run.plan.parameters.sourceIds as string[]) : [];
  const entry = (situation: Situation, sourceId: string | null): AssocEntry => {
    const action = defaultAction.get(situation) ?? 'REPORT';
    const failed = action === 'EXCEPTION';
    // ABSENT names the target it created, unless an analysis created none.
    const hasTarget = TARGET_PHASE.includes(situation) || (situation === 'ABSENT' ? !analysis : !NO_TARGET.includes(situation));
    const targetId = hasTarget ? uuid(random) : null;
    return {
      _id: uuid(random),
      _rev: '0',
      mapping: run.mapping,
      reconId: run.id,
      situation,
      action,
      linkQualifier: 'default',
      sourceObjectId: sourceId,
      targetObjectId: targetId,
      sourceResourceCollection: collections.source,
      targetResourceCollection: collections.target,
      status: failed ? 'FAILURE' : 'SUCCESS',
      exception: null,
      message: failed ? `Situation ${situation} marked as EXCEPTION` : null,
      messageDetail: 'null',
      ambiguousTargetObjectIds: situation === 'AMBIGUOUS' ? [uuid(random), uuid(random)] : null,
    };
  };

  // Source-phase entries in the order the engine met them (mixed), then the target phase.
  const sourcePhase: Situation[] = [];
  const targetPhase: Situation[] = [];
  for (const situation of SITUATIONS) {
    const count = snapshot.situationSummary[situation];
    for (let i = 0; i < count; i++) (TARGET_PHASE.includes(situation) ? targetPhase : sourcePhase).push(situation);
  }
  for (let i = sourcePhase.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sourcePhase[i], sourcePhase[j]] = [sourcePhase[j]!, sourcePhase[i]!];
  }
  const entries = [
    ...sourcePhase.map((situation, i) => entry(situation, sourceIds[i] ?? uuid(random))),
    ...targetPhase.map((situation) => entry(situation, null)),
  ];
  const associations: Associations = {
    summary: {
      _id: run.id,
      _rev: '1',
      mapping: run.mapping,
      sourceResourceCollection: collections.source,
      targetResourceCollection: collections.target,
      isAnalysis: analysis ? 'true' : 'false',
      finishTime: withMicroseconds(snapshot.ended, hash(run.id)),
    },
    entries,
  };
  built.set(run, associations);
  return associations;
}
