/**
 * What each mapping's reconciliation looks like on the mock tenant (how many entries, how fast,
 * which situations, whether it fails), and a seeded history of past runs.
 *
 * - `systemHrdb_managedUser` (the seed's example): 120 entries, done in a few seconds.
 * - `systemLdapAccounts_managedUser`: 48,000 entries at 80/s, long enough to watch and cancel.
 * - mappings whose source or target route is not registered fail while querying their entries.
 * - `systemAdAccounts_managedAlpha_user` runs clustered on two nodes.
 */
import type { MockMapping } from '../data/mappings';
import { createRandom, hashText as hash, uuid, type Random } from '../random';
import { SITUATIONS, type MockReconRun, type ReconClock, type RunPlan, type SituationCounts } from './engine';

export const QUICK_MAPPING = 'systemHrdb_managedUser';
export const LONG_MAPPING = 'systemLdapAccounts_managedUser';
export const CLUSTERED_MAPPING = 'systemAdAccounts_managedAlpha_user';
/** Already running when the tenant is seeded, so a fresh console has something live to show. */
export const SEEDED_ACTIVE_MAPPING = 'managedAlpha_user_systemLdapAccounts';

function emptyCounts(): SituationCounts {
  return Object.fromEntries(SITUATIONS.map((s) => [s, 0])) as SituationCounts;
}

/** Splits `total` source entries over the source-phase situations, mostly CONFIRMED. */
function sourceSituations(random: Random, total: number, counts: SituationCounts): void {
  const shares: [keyof SituationCounts, number][] = [
    ['ABSENT', 0.12 + random() * 0.1],
    ['FOUND', random() * 0.05],
    ['AMBIGUOUS', random() < 0.4 ? random() * 0.01 : 0],
    ['MISSING', random() * 0.02],
    ['UNQUALIFIED', random() * 0.01],
    ['SOURCE_IGNORED', random() * 0.03],
    ['FOUND_ALREADY_LINKED', random() < 0.2 ? random() * 0.005 : 0],
  ];
  let left = total;
  for (const [key, share] of shares) {
    const n = Math.min(left, Math.floor(total * share));
    counts[key] = n;
    left -= n;
  }
  counts.CONFIRMED = left;
}

export interface PlanRequest {
  kind: 'recon' | 'reconById';
  sourceId?: string;
  runTargetPhase?: boolean;
  sourceQuery?: unknown;
  targetQuery?: unknown;
  persistAssociations?: boolean;
  analyze?: boolean;
}

/** The plan for one run of `mapping`; `variant` makes repeated runs differ a little. */
export function planRun(mapping: MockMapping, request: PlanRequest, variant: number): RunPlan {
  return { ...situationPlan(mapping, request, variant), persistAssociations: request.persistAssociations ?? false, analyze: request.analyze ?? false };
}

function situationPlan(mapping: MockMapping, request: PlanRequest, variant: number): RunPlan {
  const random = createRandom(hash(mapping.name) + variant * 7919);
  const situations = emptyCounts();
  const sourceQuery = request.sourceQuery ?? { resourceName: mapping.source, queryFilter: 'true', _fields: '_id' };
  const targetQuery = request.targetQuery ?? { resourceName: mapping.target, queryFilter: 'true', _fields: '_id' };
  const routeDown = !mapping.sourceRouteReady || !mapping.targetRouteReady;

  if (request.kind === 'reconById') {
    // One source entry: linked already (CONFIRMED) or new (ABSENT), decided by its id.
    situations[hash(request.sourceId ?? '') % 2 === 0 ? 'CONFIRMED' : 'ABSENT'] = 1;
    return {
      sourceTotal: 1,
      targetTotal: 0,
      runTargetPhase: false,
      ratePerSecond: 2,
      situations,
      failAtMs: routeDown ? 900 : undefined,
      parameters: { sourceIds: [request.sourceId ?? ''], targetQuery },
    };
  }

  let sourceTotal = 20 + (hash(mapping.name) % 400) + Math.floor(random() * 15);
  let ratePerSecond = 60 + Math.floor(random() * 90);
  if (mapping.name === QUICK_MAPPING) {
    sourceTotal = 120;
    ratePerSecond = 60;
  } else if (mapping.name === LONG_MAPPING) {
    sourceTotal = 48_000;
    ratePerSecond = 80;
  } else if (mapping.name === SEEDED_ACTIVE_MAPPING) {
    sourceTotal = 30_000;
    ratePerSecond = 50;
  }
  sourceSituations(random, sourceTotal, situations);
  const runTargetPhase = request.runTargetPhase ?? mapping.runTargetPhase ?? false;
  let targetTotal = 0;
  if (runTargetPhase) {
    situations.UNASSIGNED = Math.floor(sourceTotal * random() * 0.03);
    situations.SOURCE_MISSING = Math.floor(sourceTotal * random() * 0.02);
    situations.TARGET_IGNORED = Math.floor(sourceTotal * random() * 0.01);
    targetTotal = situations.UNASSIGNED + situations.SOURCE_MISSING + situations.TARGET_IGNORED;
  }
  return {
    sourceTotal,
    targetTotal,
    runTargetPhase,
    ratePerSecond,
    situations,
    // The connector cannot be reached: the source query fails.
    failAtMs: routeDown ? 1_100 : undefined,
    nodes: mapping.name === CLUSTERED_MAPPING ? ['node1', 'node2'] : undefined,
    parameters: { sourceQuery, targetQuery },
  };
}

export interface ReconState {
  clock: ReconClock;
  /** In insertion order (oldest first), as the engine keeps them. */
  runs: MockReconRun[];
  /** The counter part of run ids (`<uuid>-<counter>`). */
  counter: number;
  random: Random;
}

export function newRunId(state: ReconState): string {
  state.counter += 1;
  return `${uuid(state.random)}-${state.counter}`;
}

const HOUR = 3_600_000;

/**
 * `history` past runs over the last week on the first realistic mappings (mostly successes, the
 * route-down mappings failing, a few canceled), then one run already in progress.
 */
export function seedRecon(mappings: MockMapping[], clock: ReconClock, history = 40): ReconState {
  const state: ReconState = { clock, runs: [], counter: 1000, random: createRandom(31) };
  const random = createRandom(11);
  const candidates = mappings.filter((m) => !/^mapping\d$/.test(m.name) && m.name !== LONG_MAPPING && m.name !== SEEDED_ACTIVE_MAPPING).slice(0, 24);
  const failing = mappings.filter((m) => !m.sourceRouteReady || !m.targetRouteReady).filter((m) => !/^mapping\d$/.test(m.name));
  const now = clock.now();
  const span = 7 * 24 * HOUR;
  for (let i = 0; i < history; i++) {
    const useFailing = failing.length > 0 && random() < 0.08;
    const mapping = useFailing ? failing[Math.floor(random() * failing.length)]! : candidates[Math.floor(random() * candidates.length)]!;
    const startedAt = Math.round(now - span + (span - HOUR) * (i / Math.max(1, history)) + random() * 600_000);
    // Every fourth run kept a per-record report; every twelfth was an analysis.
    const plan = planRun(mapping, { kind: 'recon', persistAssociations: i % 4 === 0, analyze: i % 12 === 0 }, i);
    const run: MockReconRun = { id: newRunId(state), mapping: mapping.name, plan, startedAt };
    if (!useFailing && random() < 0.07) run.cancelAt = startedAt + (2_000 + random() * 1_000) / clock.timeScale;
    state.runs.push(run);
  }
  // A long run of the long mapping yesterday, and one in progress now.
  const long = mappings.find((m) => m.name === LONG_MAPPING);
  if (long) state.runs.push({ id: newRunId(state), mapping: long.name, plan: planRun(long, { kind: 'recon' }, 1), startedAt: now - 26 * HOUR });
  const active = mappings.find((m) => m.name === SEEDED_ACTIVE_MAPPING);
  if (active)
    state.runs.push({ id: newRunId(state), mapping: active.name, plan: planRun(active, { kind: 'recon' }, 0), startedAt: now - 60_000 / clock.timeScale });
  // The engine lists runs in the order they were started.
  state.runs.sort((a, b) => a.startedAt - b.startedAt);
  return state;
}
