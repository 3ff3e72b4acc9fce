import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReconRun } from './api/schemas';
import { barHeights, isSlow, SLOW_MARGIN_MS, stackSituations, TREND_RUNS, trendOf, usualDuration } from './trends';

function run(id: string, over: Partial<ReconRun> = {}): ReconRun {
  return { _id: id, mapping: 'm', state: 'SUCCESS', started: '2026-11-01T00:00:00.000Z', duration: 1000, ...over };
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString();

describe('trendOf', () => {
  it('keeps the last 20 runs of the mapping, oldest first, with outcome and failures', () => {
    const runs = Array.from({ length: 25 }, (_, i) =>
      run(`r${i}`, { started: at(i), duration: i * 100, state: i === 24 ? 'FAILED' : 'SUCCESS', statusSummary: { SUCCESS: 1, FAILURE: i === 24 ? 3 : 0 } }),
    );
    const other = run('x', { mapping: 'other', started: at(30) });
    const trend = trendOf([...runs].reverse().concat(other), 'm');
    expect(trend).toHaveLength(TREND_RUNS);
    expect(trend.map((p) => p.id)).toEqual(runs.slice(5).map((r) => r._id));
    expect(trend.at(-1)).toMatchObject({ status: 'failed', failures: 3, durationMs: 2400 });
  });

  it('keeps a missing or negative duration as unknown', () => {
    expect(trendOf([run('a', { duration: -1 }), run('b', { duration: undefined, started: at(1) })], 'm').map((p) => p.durationMs)).toEqual([null, null]);
  });
});

describe('barHeights', () => {
  it('scales to the largest value, shows every positive value and never exceeds the box', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 500 }),
        (values, height) => {
          const heights = barHeights(values, height);
          expect(heights).toHaveLength(values.length);
          const max = Math.max(0, ...values.map((v) => v ?? 0));
          values.forEach((v, i) => {
            const h = heights[i]!;
            expect(h).toBeGreaterThanOrEqual(0);
            expect(h).toBeLessThanOrEqual(height);
            if (v !== null && v > 0) expect(h).toBeGreaterThanOrEqual(1);
            else expect(h).toBe(0);
            if (v === max && max > 0) expect(h).toBeCloseTo(height);
          });
        },
      ),
    );
  });
});

describe('stackSituations', () => {
  it('stacks each run without gaps, in order, the tallest run filling the box', () => {
    const counts = fc.dictionary(fc.constantFrom('FOUND', 'MISSING', 'ABSENT', 'EXTRA'), fc.nat({ max: 5000 }));
    fc.assert(
      fc.property(fc.array(counts, { minLength: 1, maxLength: 20 }), (situations) => {
        const stacks = stackSituations(
          situations.map((s) => ({ situations: s })),
          ['ABSENT', 'FOUND', 'MISSING'],
          100,
        );
        const totals = situations.map((s) => Object.values(s).reduce((a, b) => a + b, 0));
        const max = Math.max(...totals);
        stacks.forEach((segments, i) => {
          let y = 0;
          for (const seg of segments) {
            expect(seg.y).toBeCloseTo(y);
            expect(seg.count).toBeGreaterThan(0);
            y += seg.height;
          }
          expect(y).toBeCloseTo(max === 0 ? 0 : (totals[i]! / max) * 100);
          // Known situations come in the given order; others (EXTRA) after them.
          const names = segments.map((s) => s.name);
          expect(names.filter((n) => n !== 'EXTRA')).toEqual(['ABSENT', 'FOUND', 'MISSING'].filter((n) => names.includes(n)));
          if (names.includes('EXTRA')) expect(names.at(-1)).toBe('EXTRA');
        });
      }),
    );
  });

  it('shows "MISSING jumped from 3 to 3,000" as a segment a thousand times taller', () => {
    const [before, after] = stackSituations([{ situations: { MISSING: 3 } }, { situations: { MISSING: 3000 } }], ['MISSING'], 300);
    expect(after![0]!.height).toBe(300);
    expect(before![0]!.height).toBeCloseTo(0.3);
  });
});

describe('usual duration and "much slower"', () => {
  it('is the median of the last 10 successful runs, ignoring failed and canceled ones', () => {
    const runs = [
      ...[10, 20, 30, 40, 1000].map((s, i) => run(`s${i}`, { duration: s * 1000, started: at(i) })),
      run('f', { state: 'FAILED', duration: 1, started: at(10) }),
      run('c', { state: 'CANCELED', duration: 1, started: at(11) }),
    ];
    expect(usualDuration(runs, 'm')).toBe(30_000);
  });

  it('has no usual duration with fewer than 3 successful runs', () => {
    expect(usualDuration([run('a'), run('b', { started: at(1) })], 'm')).toBeNull();
  });

  it('is a median: the order of the runs does not matter', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e7 }), { minLength: 3, maxLength: 10 }), (durations) => {
        const runs = durations.map((d, i) => run(`r${i}`, { duration: d, started: at(i) }));
        const sorted = [...durations].sort((a, b) => a - b);
        const usual = usualDuration(runs, 'm')!;
        expect(usualDuration([...runs].reverse(), 'm')).toBe(usual);
        expect(sorted.filter((d) => d < usual).length).toBeLessThanOrEqual(durations.length / 2);
        expect(sorted.filter((d) => d > usual).length).toBeLessThanOrEqual(durations.length / 2);
      }),
    );
  });

  it('calls an active run slow past twice the usual duration and at least a minute over it', () => {
    const now = Date.parse(at(0));
    const usual = 120_000;
    expect(isSlow(run('a', { state: 'ACTIVE', duration: 2 * usual }), usual, now)).toBe(false);
    expect(isSlow(run('a', { state: 'ACTIVE', duration: 2 * usual + 1 }), usual, now)).toBe(true);
    // Three times a 10 s usual is only 20 s over it: not news.
    expect(isSlow(run('a', { state: 'ACTIVE', duration: 30_000 }), 10_000, now)).toBe(false);
    expect(isSlow(run('a', { state: 'ACTIVE', duration: 10_000 + SLOW_MARGIN_MS }), 10_000, now)).toBe(true);
    expect(isSlow(run('a', { state: 'SUCCESS', duration: 10 * usual }), usual, now)).toBe(false);
    expect(isSlow(run('a', { state: 'ACTIVE', duration: 10 * usual }), null, now)).toBe(false);
    // Without a duration, the time since it started.
    expect(isSlow(run('a', { state: 'ACTIVE', duration: undefined, started: at(0) }), usual, now + 5 * usual)).toBe(true);
  });
});
