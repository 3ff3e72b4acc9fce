import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReconRun } from '../../features/recon/api/schemas';
import { STUCK_AFTER_MS } from '../../features/sync-queue/sync-queue-view';
import { boundedCount, failedLastDay, healthSnapshot, mappingHealth, tallyQueue } from './health';

const NOW = Date.parse('2026-11-27T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function run(id: string, over: Partial<ReconRun> = {}): ReconRun {
  return {
    _id: id,
    mapping: 'm',
    state: 'SUCCESS',
    started: ago(3600_000),
    ended: ago(3500_000),
    duration: 100_000,
    statusSummary: { SUCCESS: 10, FAILURE: 0 },
    ...over,
  };
}

describe('mappingHealth', () => {
  const quiet = { pending: 3, acquired: 1, stuck: 0 };

  it('needs no attention when the last run succeeded cleanly and nothing is stuck', () => {
    const h = mappingHealth([run('a')], 'm', quiet, NOW);
    expect(h.attention).toEqual([]);
    expect(h.last?._id).toBe('a');
    expect(h.active).toBeNull();
  });

  it('judges the last run that ended, not an older one', () => {
    const runs = [run('old', { state: 'FAILED', started: ago(9000_000) }), run('new', { started: ago(1000_000) })];
    expect(mappingHealth(runs, 'm', quiet, NOW).attention).toEqual([]);
    expect(mappingHealth([...runs].reverse(), 'm', quiet, NOW).last?._id).toBe('new');
  });

  it('names each reason: failed, failures, stuck, never reconciled, much slower than usual', () => {
    expect(mappingHealth([run('a', { state: 'FAILED' })], 'm', quiet, NOW).attention).toEqual(['failed']);
    expect(mappingHealth([run('a', { statusSummary: { SUCCESS: 9, FAILURE: 1 } })], 'm', quiet, NOW).attention).toEqual(['failures']);
    expect(mappingHealth([run('a')], 'm', { ...quiet, stuck: 2 }, NOW).attention).toEqual(['stuck']);
    expect(mappingHealth([], 'm', quiet, NOW).attention).toEqual(['never']);
    const history = [1, 2, 3].map((i) => run(`s${i}`, { started: ago(i * 7200_000), duration: 100_000 }));
    const slow = run('live', { state: 'ACTIVE', started: ago(300_000), ended: '', duration: 300_000 });
    const h = mappingHealth([...history, slow], 'm', quiet, NOW);
    expect(h.active?._id).toBe('live');
    expect(h.usual).toBe(100_000);
    expect(h.attention).toEqual(['slow']);
  });

  it('claims nothing about stuck events before the queue has been read', () => {
    expect(mappingHealth([run('a')], 'm', undefined, NOW).attention).toEqual([]);
  });
});

describe('healthSnapshot', () => {
  const runOf = fc.record({
    mapping: fc.constantFrom('a', 'b', 'c'),
    state: fc.constantFrom('SUCCESS', 'FAILED', 'ACTIVE', 'CANCELED'),
    startedAgo: fc.integer({ min: 0, max: 48 * 3600_000 }),
    failures: fc.integer({ min: 0, max: 3 }),
  });

  it('judges each mapping as mappingHealth does over all the runs, and "never reconciled" alike', () => {
    fc.assert(
      fc.property(fc.array(runOf, { maxLength: 30 }), fc.boolean(), (specs, scanned) => {
        const runs = specs.map((spec, i) =>
          run(`r${i}`, {
            mapping: spec.mapping,
            state: spec.state,
            started: ago(spec.startedAgo),
            ended: spec.state === 'ACTIVE' ? '' : ago(Math.max(0, spec.startedAgo - 60_000)),
            statusSummary: { SUCCESS: 5, FAILURE: spec.failures },
          }),
        );
        const scan = scanned ? tallyQueue([{ mapping: 'a', state: 'ACQUIRED', createDate: ago(STUCK_AFTER_MS * 2) }], NOW, true) : undefined;
        const snapshot = healthSnapshot(runs, scan, NOW);
        for (const mapping of ['a', 'b', 'c', 'never-run']) {
          const tally = scan ? (scan.byMapping.get(mapping) ?? { pending: 0, acquired: 0, stuck: 0 }) : undefined;
          expect(snapshot.of(mapping)).toEqual(mappingHealth(runs, mapping, tally, NOW));
          expect(snapshot.neverReconciled(mapping)).toBe(snapshot.of(mapping).attention.includes('never'));
          expect(snapshot.runsOf(mapping)).toEqual(runs.filter((r) => r.mapping === mapping));
        }
      }),
    );
  });

  it('judges a mapping once: every cell that asks gets the same answer', () => {
    const snapshot = healthSnapshot([run('a', { state: 'FAILED' })], undefined, NOW);
    const first = snapshot.of('m');
    expect(first.attention).toEqual(['failed']);
    expect(snapshot.of('m')).toBe(first);
  });
});

describe('tallyQueue', () => {
  it('counts by state and mapping, "possibly stuck" by the queue page’s own rule', () => {
    const events = [
      { mapping: 'a', state: 'PENDING', createDate: ago(STUCK_AFTER_MS * 2) },
      { mapping: 'a', state: 'ACQUIRED', createDate: ago(STUCK_AFTER_MS + 1) },
      { mapping: 'a', state: 'ACQUIRED', createDate: ago(STUCK_AFTER_MS - 1) },
      { mapping: 'b', state: 'ACQUIRED', createDate: ago(STUCK_AFTER_MS * 3) },
    ];
    const scan = tallyQueue(events, NOW, true);
    expect(scan.total).toEqual({ pending: 1, acquired: 3, stuck: 2 });
    expect(scan.byMapping.get('a')).toEqual({ pending: 1, acquired: 2, stuck: 1 });
    expect(scan.byMapping.get('b')).toEqual({ pending: 0, acquired: 1, stuck: 1 });
  });

  it('per-mapping counts always add up to the totals', () => {
    const event = fc.record({
      mapping: fc.constantFrom('a', 'b', 'c', null),
      state: fc.constantFrom('PENDING', 'ACQUIRED', 'OTHER', null),
      createDate: fc.option(fc.integer({ min: 0, max: 3 * 3600_000 }).map(ago), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const scan = tallyQueue(events, NOW, true);
        const sum = { pending: 0, acquired: 0, stuck: 0 };
        for (const t of scan.byMapping.values()) {
          sum.pending += t.pending;
          sum.acquired += t.acquired;
          sum.stuck += t.stuck;
        }
        expect(sum).toEqual(scan.total);
        expect(scan.scanned).toBe(events.length);
        expect(scan.total.stuck).toBeLessThanOrEqual(scan.total.acquired);
      }),
    );
  });
});

describe('tenant figures', () => {
  it('counts runs that ended FAILED in the last 24 hours', () => {
    const runs = [
      run('a', { state: 'FAILED', ended: ago(3600_000) }),
      run('b', { state: 'FAILED', ended: ago(25 * 3600_000) }),
      run('c', { ended: ago(60_000) }),
    ];
    expect(failedLastDay(runs, NOW)).toBe(1);
  });

  it('shows a capped count as a lower bound', () => {
    expect(boundedCount(10_000, false)).toBe('10,000+');
    expect(boundedCount(4_000, true)).toBe('4,000');
  });
});
