import { describe, expect, it } from 'vitest';
import type { ReconRun } from './api/schemas';
import { completion, estimateTimeLeft, formatDuration, parseTotal, phaseCount, remainingInPhase, throughput } from './progress';

const run = (over: Partial<ReconRun>): ReconRun => ({ _id: 'r', mapping: 'm', state: 'ACTIVE', ...over });

describe('totals that are strings', () => {
  it('reads a numeric string and keeps "?" unknown', () => {
    expect(parseTotal('2')).toBe(2);
    expect(parseTotal('0')).toBe(0);
    expect(parseTotal('?')).toBeNull();
    expect(parseTotal('')).toBeNull();
    expect(parseTotal(undefined)).toBeNull();
    expect(parseTotal('12.5')).toBeNull();
  });

  it('gives no percentage for an unknown total, never a fake 0%', () => {
    expect(completion({ processed: 0, total: null })).toBeNull();
    expect(completion({ processed: 25, total: 100 })).toBe(0.25);
    expect(completion({ processed: 0, total: 0 })).toBe(1);
    expect(completion({ processed: 120, total: 100 })).toBe(1);
    expect(phaseCount({ processed: 3, total: '?' })).toEqual({ processed: 3, total: null });
  });

  it('knows what is left only in the phase that is running with a known total', () => {
    const source = { source: { existing: { processed: 40, total: '100' } }, target: { existing: { processed: 0, total: '?' } } };
    expect(remainingInPhase(run({ stage: 'ACTIVE_RECONCILING_SOURCE', progress: source }))).toBe(60);
    expect(remainingInPhase(run({ stage: 'ACTIVE_RECONCILING_TARGET', progress: source }))).toBeNull();
    expect(remainingInPhase(run({ stage: 'ACTIVE_QUERY_ENTRIES', progress: source }))).toBeNull();
    expect(remainingInPhase(run({ state: 'SUCCESS', stage: 'ACTIVE_RECONCILING_SOURCE', progress: source }))).toBeNull();
  });
});

describe('throughput and time left', () => {
  it('measures entries per second over the samples of the last 30 s', () => {
    expect(throughput([])).toBeNull();
    expect(throughput([{ at: 0, processed: 0 }])).toBeNull();
    expect(
      throughput([
        { at: 0, processed: 0 },
        { at: 500, processed: 50 },
      ]),
    ).toBeNull();
    expect(
      throughput([
        { at: 0, processed: 0 },
        { at: 1_000, processed: 80 },
        { at: 2_000, processed: 160 },
      ]),
    ).toBe(80);
    // Samples older than the window are left out.
    expect(
      throughput([
        { at: 0, processed: 0 },
        { at: 40_000, processed: 100 },
        { at: 42_000, processed: 300 },
      ]),
    ).toBe(100);
  });

  it('estimates time left only when both numbers are known', () => {
    expect(estimateTimeLeft(600, 60)).toBe(10_000);
    expect(estimateTimeLeft(null, 60)).toBeNull();
    expect(estimateTimeLeft(600, null)).toBeNull();
    expect(estimateTimeLeft(600, 0)).toBeNull();
    expect(estimateTimeLeft(0, 0)).toBe(0);
  });

  it('formats durations for people', () => {
    expect(formatDuration(585)).toBe('585 ms');
    expect(formatDuration(4_200)).toBe('4.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
  });
});
