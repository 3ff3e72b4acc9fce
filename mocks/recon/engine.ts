/**
 * The mock tenant's reconciliation engine. A run is a plan (how many entries, how fast, what
 * situations it will find) plus the moments it was started and asked to cancel; its state is
 * computed from the elapsed time on every read, so there are no timers, the same instant always
 * gives the same answer, and tests can speed time up (`timeScale`) or jump it (`advance`).
 *
 * The answers follow idm-api.md §5: stages and their exact descriptions, `total` a string and "?"
 * while unknown, `ended: ""` while running, no CANCELING state (stage ACTIVE_CANCELING under state
 * ACTIVE), then CANCELED / COMPLETED_CANCELED.
 */
import { SITUATION_NAMES, STAGE_DESCRIPTIONS, type ReconStage, type SituationName } from '../../src/lib/idm-vocabulary';

export const SITUATIONS = SITUATION_NAMES;
export type Situation = SituationName;
export type SituationCounts = Record<Situation, number>;

/** Situations met while reconciling target entries that no source entry claimed. */
const TARGET_PHASE_SITUATIONS: readonly Situation[] = ['UNASSIGNED', 'SOURCE_MISSING', 'TARGET_IGNORED'];
/** Situations whose default action is EXCEPTION: they count as failures in `statusSummary`. */
const FAILURE_SITUATIONS: readonly Situation[] = ['AMBIGUOUS', 'FOUND_ALREADY_LINKED', 'MISSING', 'UNASSIGNED', 'LINK_ONLY'];

export { STAGE_DESCRIPTIONS, type ReconStage };

/** Virtual milliseconds spent in the short stages. */
const INITIALIZE_MS = 400;
const QUERY_MS = 1_000;
const PROCESS_RESULTS_MS = 600;
const CANCEL_MS = 1_500;

export interface RunPlan {
  /** Source entries found by the source query (for reconById: 1). */
  sourceTotal: number;
  /** Target entries left for the target phase (not claimed by a source entry). */
  targetTotal: number;
  runTargetPhase: boolean;
  /** Entries reconciled per virtual second. */
  ratePerSecond: number;
  /** Final situation counts: source-phase ones add up to `sourceTotal`, target-phase ones to `targetTotal`. */
  situations: SituationCounts;
  /** The run fails at this virtual moment (e.g. the connector cannot be reached). */
  failAtMs?: number;
  /** Clustered recon: the nodes sharing the source pages. */
  nodes?: string[];
  parameters: Record<string, unknown>;
  /** Launched with `persistAssociations=true`: a per-record report is kept (see associations.ts). */
  persistAssociations?: boolean;
  /** Launched with `analyze=true`: situations are assessed, nothing is changed. */
  analyze?: boolean;
}

export interface MockReconRun {
  id: string;
  mapping: string;
  plan: RunPlan;
  /** Real clock, ms. */
  startedAt: number;
  /** Real clock, ms: when cancel was asked for. */
  cancelAt?: number;
}

export interface ReconClock {
  /** Real milliseconds; tests move it forward with {@link ReconClock.advance}. */
  now(): number;
  advance(ms: number): void;
  /** Virtual time runs this many times faster than real time. */
  readonly timeScale: number;
}

export function createClock(timeScale = 1): ReconClock {
  let offset = 0;
  return {
    timeScale: timeScale > 0 ? timeScale : 1,
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}

interface Timeline {
  queryEnd: number;
  sourceEnd: number;
  targetEnd: number;
  end: number;
}

function timeline(plan: RunPlan): Timeline {
  const queryEnd = INITIALIZE_MS + QUERY_MS;
  const sourceEnd = queryEnd + (plan.sourceTotal / plan.ratePerSecond) * 1000;
  const targetEnd = sourceEnd + (plan.runTargetPhase ? (plan.targetTotal / plan.ratePerSecond) * 1000 : 0);
  return { queryEnd, sourceEnd, targetEnd, end: targetEnd + PROCESS_RESULTS_MS };
}

function stageAt(plan: RunPlan, t: number): ReconStage {
  const line = timeline(plan);
  if (t < INITIALIZE_MS) return 'ACTIVE_INITIALIZED';
  if (t < line.queryEnd) return 'ACTIVE_QUERY_ENTRIES';
  if (t < line.sourceEnd) return 'ACTIVE_RECONCILING_SOURCE';
  if (t < line.targetEnd) return 'ACTIVE_RECONCILING_TARGET';
  if (t < line.end) return 'ACTIVE_PROCESSING_RESULTS';
  return 'COMPLETED_SUCCESS';
}

function fraction(t: number, start: number, end: number): number {
  if (end <= start) return t >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (t - start) / (end - start)));
}

function scaleCounts(counts: SituationCounts, keys: readonly Situation[], done: number): Partial<SituationCounts> {
  const out: Partial<SituationCounts> = {};
  for (const key of keys) out[key] = Math.floor(counts[key] * done);
  return out;
}

function stat(total: number, count: number) {
  if (count <= 0) return undefined;
  const mean = Math.round(total / count);
  return { min: Math.max(0, Math.floor(mean / 3)), max: mean * 3 + 1, mean, count, sum: Math.round(total), stdDev: Math.round(mean / 2) };
}

/** The run object exactly as `GET /openidm/recon/<id>` returns it, at real time `now`. */
export function snapshotRun(run: MockReconRun, clock: ReconClock) {
  const { plan } = run;
  const scale = clock.timeScale;
  const line = timeline(plan);
  const now = clock.now();
  const virtual = (realMs: number) => Math.max(0, (realMs - run.startedAt) * scale);

  // Work stops at the first of: failure, the moment cancel was asked for, now.
  let t = virtual(now);
  let stage: ReconStage = stageAt(plan, t);
  let endedAt: number | null = stage === 'COMPLETED_SUCCESS' ? run.startedAt + line.end / scale : null;
  if (plan.failAtMs !== undefined && t >= plan.failAtMs && (run.cancelAt === undefined || virtual(run.cancelAt) > plan.failAtMs)) {
    t = plan.failAtMs;
    stage = 'COMPLETED_FAILED';
    endedAt = run.startedAt + plan.failAtMs / scale;
  } else if (run.cancelAt !== undefined && virtual(run.cancelAt) < line.end) {
    const cancelT = virtual(run.cancelAt);
    const canceledAt = run.cancelAt + CANCEL_MS / scale;
    t = Math.min(t, cancelT);
    if (now >= canceledAt) {
      stage = 'COMPLETED_CANCELED';
      endedAt = canceledAt;
    } else {
      stage = 'ACTIVE_CANCELING';
      endedAt = null;
    }
  }

  const sourceDone = fraction(t, line.queryEnd, line.sourceEnd);
  const targetDone = plan.runTargetPhase ? fraction(t, line.sourceEnd, line.targetEnd) : 0;
  const queried = t >= line.queryEnd;
  const sourceKeys = SITUATIONS.filter((s) => !TARGET_PHASE_SITUATIONS.includes(s));
  const situations: SituationCounts = Object.fromEntries(SITUATIONS.map((s) => [s, 0])) as SituationCounts;
  Object.assign(situations, scaleCounts(plan.situations, sourceKeys, sourceDone), scaleCounts(plan.situations, TARGET_PHASE_SITUATIONS, targetDone));
  const sourceProcessed = Math.floor(plan.sourceTotal * sourceDone);
  const targetProcessed = Math.floor(plan.targetTotal * targetDone);

  const failures = FAILURE_SITUATIONS.reduce((sum, s) => sum + situations[s], 0);
  const processed = sourceProcessed + targetProcessed;
  const s = situations;
  const existingLinks =
    plan.situations.CONFIRMED + plan.situations.MISSING + plan.situations.UNQUALIFIED + plan.situations.SOURCE_MISSING + plan.situations.LINK_ONLY;
  const linksProcessed = s.CONFIRMED + s.MISSING + s.UNQUALIFIED + s.SOURCE_MISSING + s.LINK_ONLY;
  const targetPhaseStarted = plan.runTargetPhase && t >= line.sourceEnd;

  const durationSummary: Record<string, unknown> = {};
  const add = (name: string, total: number, count: number) => {
    const value = stat(total / scale, count);
    if (value) durationSummary[name] = value;
  };
  if (queried) add('sourceQuery', QUERY_MS * 0.6, 1);
  if (queried && plan.runTargetPhase) add('targetQuery', QUERY_MS * 0.4, 1);
  add('auditLog', processed * 0.8, processed);
  add('correlationQuery', (s.ABSENT + s.FOUND + s.AMBIGUOUS) * 4, s.ABSENT + s.FOUND + s.AMBIGUOUS);
  add('sourceObjectQuery', sourceProcessed * 2, sourceProcessed);
  add('updateTargetObject', (s.CONFIRMED + s.FOUND) * 6, s.CONFIRMED + s.FOUND);
  if (sourceDone >= 1) add('sourcePhase', line.sourceEnd - line.queryEnd, 1);
  if (plan.runTargetPhase && targetDone >= 1) add('targetPhase', line.targetEnd - line.sourceEnd, 1);

  const byNode: Record<string, number> = {};
  if (plan.nodes?.length) {
    // Pages are handed out a little unevenly, as on a real cluster; the last node takes the rest.
    const weights = plan.nodes.map((_, i) => 1 + (plan.nodes!.length - i) * 0.05);
    const sum = weights.reduce((a, b) => a + b, 0);
    let left = sourceProcessed;
    plan.nodes.forEach((node, i) => {
      const share = i === plan.nodes!.length - 1 ? left : Math.floor((sourceProcessed * weights[i]!) / sum);
      byNode[node] = share;
      left -= share;
    });
  }

  const ended = endedAt === null ? '' : new Date(endedAt).toISOString();
  const duration = Math.round((endedAt ?? now) - run.startedAt);
  return {
    _id: run.id,
    mapping: run.mapping,
    state: stateOf(stage),
    stage,
    stageDescription: STAGE_DESCRIPTIONS[stage],
    progress: {
      source: { existing: { processed: sourceProcessed, total: queried ? String(plan.sourceTotal) : '?' } },
      // An analysis run changes nothing: every target is left as it was.
      target: {
        existing: { processed: targetProcessed, total: targetPhaseStarted ? String(plan.targetTotal) : plan.runTargetPhase || !queried ? '?' : '0' },
        created: plan.analyze ? 0 : s.ABSENT,
        unchanged: plan.analyze ? s.CONFIRMED + s.FOUND : Math.floor(s.CONFIRMED * 0.8),
        updated: plan.analyze ? 0 : s.CONFIRMED - Math.floor(s.CONFIRMED * 0.8) + s.FOUND,
        deleted: plan.analyze ? 0 : s.UNQUALIFIED + s.SOURCE_MISSING,
      },
      links: { existing: { processed: linksProcessed, total: queried ? String(existingLinks) : '?' }, created: plan.analyze ? 0 : s.ABSENT + s.FOUND },
    },
    situationSummary: situations,
    statusSummary: { SUCCESS: processed - failures, FAILURE: failures },
    durationSummary,
    parameters: plan.parameters,
    started: new Date(run.startedAt).toISOString(),
    ended,
    duration,
    sourceProcessedByNode: byNode,
  };
}

export function stateOf(stage: ReconStage): 'ACTIVE' | 'SUCCESS' | 'CANCELED' | 'FAILED' {
  if (stage === 'COMPLETED_SUCCESS') return 'SUCCESS';
  if (stage === 'COMPLETED_CANCELED') return 'CANCELED';
  if (stage === 'COMPLETED_FAILED') return 'FAILED';
  return 'ACTIVE';
}

export function isRunActive(run: MockReconRun, clock: ReconClock): boolean {
  return snapshotRun(run, clock).state === 'ACTIVE';
}
