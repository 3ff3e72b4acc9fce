/**
 * The recon readers accept what real servers send for the fields the console only displays, stay
 * strict on what it acts on, and read a list run by run (idm-api.md §5, §10).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportRecheckDelay, REPORT_RECHECK_MAX_MS, REPORT_WAIT_MS } from './queries';
import { associationEntrySchema, reconListSchema, reconRunSchema } from './schemas';

const documented = {
  _id: 'run-1',
  mapping: 'systemLdapAccounts_managedUser',
  state: 'SUCCESS',
  progress: { source: { existing: { processed: 2, total: '2' } }, target: { existing: { processed: 0, total: '0' }, created: 2 } },
  ended: '2026-01-01T00:00:01.000Z',
  duration: 1000,
};

describe('reconRunSchema', () => {
  it('reads totals sent as numbers, ended absent, duration -1 and extra counters such as retried', () => {
    const run = reconRunSchema.parse({
      _id: 'run-2',
      mapping: 'm',
      state: 'ACTIVE',
      progress: { source: { existing: { processed: 3, total: 40 } }, target: { existing: { processed: '0', total: '?' }, retried: 5 } },
      duration: -1,
      situationSummary: { ABSENT: '3' },
    });
    expect(run.progress?.source?.existing).toEqual({ processed: 3, total: '40' });
    expect(run.progress?.target?.existing).toEqual({ processed: 0, total: '?' });
    expect(run.progress?.target?.retried).toBe(5);
    expect(run.ended).toBeUndefined();
    expect(run.duration).toBe(-1);
    expect(run.situationSummary).toEqual({ ABSENT: 3 });
  });

  it('stays strict on what the console acts on: the id, the mapping, the state', () => {
    expect(reconRunSchema.safeParse({ ...documented, _id: 7 }).success).toBe(false);
    expect(reconRunSchema.safeParse({ ...documented, mapping: undefined }).success).toBe(false);
    expect(reconRunSchema.safeParse({ ...documented, progress: { source: { existing: { processed: 'lots', total: '2' } } } }).success).toBe(false);
  });
});

describe('reconListSchema', () => {
  it('any valid runs plus one broken run: every valid run is read, the broken one reported with its path', () => {
    const run = fc.record({
      _id: fc.string({ minLength: 1 }),
      mapping: fc.string(),
      state: fc.constantFrom('ACTIVE', 'SUCCESS', 'FAILED', 'CANCELED'),
      progress: fc.record({
        source: fc.record({ existing: fc.record({ processed: fc.nat(), total: fc.oneof(fc.nat(), fc.nat().map(String), fc.constant('?')) }) }),
      }),
      ended: fc.option(fc.constantFrom('', '2026-01-01T00:00:00.000Z'), { nil: undefined }),
      duration: fc.integer({ min: -1 }),
    });
    const broken = fc.oneof(
      fc.constant(null),
      fc.constant('run'),
      fc.record({ _id: fc.nat(), mapping: fc.string(), state: fc.constant('SUCCESS') }),
      fc.record({
        _id: fc.string(),
        mapping: fc.string(),
        state: fc.constant('SUCCESS'),
        progress: fc.constant({ source: { existing: { processed: {}, total: '1' } } }),
      }),
    );
    fc.assert(
      fc.property(fc.array(run, { maxLength: 8 }), broken, fc.nat(), (runs, bad, at) => {
        const position = at % (runs.length + 1);
        const { reconciliations } = reconListSchema.parse({ reconciliations: [...runs.slice(0, position), bad, ...runs.slice(position)] });
        expect(reconciliations.items.map((r) => r._id)).toEqual(runs.map((r) => r._id));
        expect(reconciliations.unreadable).toHaveLength(1);
        expect(reconciliations.unreadable[0]).toMatchObject({ index: position, raw: bad });
      }),
    );
  });

  it('names the field that failed', () => {
    const { reconciliations } = reconListSchema.parse({
      reconciliations: [documented, { ...documented, _id: 'run-2', progress: { source: { existing: { processed: 2, total: null } } } }],
    });
    expect(reconciliations.unreadable).toEqual([
      expect.objectContaining({ index: 1, path: 'progress.source.existing.total', message: 'expected string | number, received null' }),
    ]);
  });
});

describe('associationEntrySchema', () => {
  it('reads ambiguousTargetObjectIds as an array, null, or the engine’s comma-joined string', () => {
    const entry = (ids: unknown) => associationEntrySchema.parse({ _id: 'e', ambiguousTargetObjectIds: ids }).ambiguousTargetObjectIds;
    expect(entry(['a', 'b'])).toEqual(['a', 'b']);
    expect(entry(null)).toBeNull();
    expect(entry('a, b,c')).toEqual(['a', 'b', 'c']);
    expect(associationEntrySchema.parse({ _id: 'e' }).ambiguousTargetObjectIds).toBeUndefined();
  });
});

describe('reportRecheckDelay', () => {
  const ended = '2026-01-01T00:00:00.000Z';
  const at = (s: number) => Date.parse(ended) + s * 1000;
  it('backs off from 2 s to 30 s and stops two minutes after the run ended', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => reportRecheckDelay(n, ended, at(10)))).toEqual([
      2_000,
      4_000,
      8_000,
      16_000,
      REPORT_RECHECK_MAX_MS,
      REPORT_RECHECK_MAX_MS,
      REPORT_RECHECK_MAX_MS,
    ]);
    expect(reportRecheckDelay(1, ended, at(REPORT_WAIT_MS / 1000 + 1))).toBe(false);
    expect(reportRecheckDelay(1, '', at(0))).toBe(false);
    expect(reportRecheckDelay(1, undefined, at(0))).toBe(false);
  });

  it('asks at most 8 times in the two minutes after a run ended, where it used to ask 30', () => {
    let t = 0;
    let answers = 1;
    for (let delay = reportRecheckDelay(answers, ended, at(t)); delay !== false; delay = reportRecheckDelay(answers, ended, at(t))) {
      t += delay / 1000;
      answers++;
    }
    expect(answers).toBeLessThanOrEqual(8);
  });
});
