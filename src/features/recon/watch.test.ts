import { describe, expect, it } from 'vitest';
import type { ReconRun } from './api/schemas';
import { pollDelay, stalledFor, watchList, watchRun } from './watch';

const run = (processed: number, over: Partial<ReconRun> = {}): ReconRun => ({
  _id: 'r1',
  mapping: 'm',
  state: 'ACTIVE',
  stage: 'ACTIVE_RECONCILING_SOURCE',
  progress: { source: { existing: { processed, total: '1000' } } },
  duration: processed * 10,
  ...over,
});

describe('polling', () => {
  it('polls about once a second while numbers move', () => {
    let watch = watchRun(undefined, run(0), 0);
    expect(pollDelay(watch)).toBe(1_000);
    watch = watchRun(watch, run(10), 1_000);
    expect(pollDelay(watch)).toBe(1_000);
  });

  it('backs off while nothing changes (duration growing does not count), and speeds up again', () => {
    let watch = watchRun(undefined, run(5), 0);
    const delays: (number | false)[] = [];
    for (let i = 1; i <= 6; i++) {
      watch = watchRun(watch, { ...run(5), duration: 99_000 + i }, i * 1_000);
      delays.push(pollDelay(watch));
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    watch = watchRun(watch, run(6), 10_000);
    expect(pollDelay(watch)).toBe(1_000);
  });

  it('stops once the run has ended, and notes that it finished while watched', () => {
    const active = watchRun(undefined, run(500), 0);
    const done = watchRun(active, run(1000, { state: 'SUCCESS', stage: 'COMPLETED_SUCCESS' }), 1_000);
    expect(pollDelay(done)).toBe(false);
    expect(done.finishedWhileWatched).toBe(true);
    expect(watchRun(undefined, run(1000, { state: 'SUCCESS' }), 0).finishedWhileWatched).toBe(false);
  });

  it('warns after 30 s without movement, only while active', () => {
    let watch = watchRun(undefined, run(5), 0);
    watch = watchRun(watch, run(5), 20_000);
    expect(stalledFor(watch)).toBeNull();
    watch = watchRun(watch, run(5), 31_000);
    expect(stalledFor(watch)).toBe(31_000);
    expect(stalledFor(watchRun(watch, run(6), 32_000))).toBeNull();
  });

  it('keeps throughput samples only while the run is active', () => {
    let watch = watchRun(undefined, run(0), 0);
    watch = watchRun(watch, run(100), 1_000);
    expect(watch.samples).toEqual([
      { at: 0, processed: 0 },
      { at: 1_000, processed: 100 },
    ]);
    expect(watchRun(watch, run(1000, { state: 'SUCCESS' }), 2_000).samples).toEqual([]);
  });

  it('polls the list only while some run is active and reports runs that finished', () => {
    const a = run(1, { _id: 'a', started: '2026-01-01T00:00:00Z' });
    const b = run(1, { _id: 'b', state: 'SUCCESS', started: '2026-01-02T00:00:00Z' });
    const first = watchList(undefined, [a, b], 0);
    expect(first.runs.map((r) => r._id)).toEqual(['b', 'a']);
    expect(pollDelay(first)).toBe(1_000);
    const second = watchList(first, [{ ...a, state: 'FAILED' }, b], 1_000);
    expect(second.finished).toEqual([{ id: 'a', mapping: 'm', state: 'FAILED' }]);
    expect(pollDelay(second)).toBe(false);
  });

  it('backs the list off while no active run moves, and speeds up when one does', () => {
    const a = run(5, { _id: 'a' });
    let list = watchList(undefined, [a], 0);
    const delays: (number | false)[] = [];
    for (let i = 1; i <= 5; i++) {
      list = watchList(list, [{ ...a, duration: 99_000 + i }], i * 1_000);
      delays.push(pollDelay(list));
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(pollDelay(watchList(list, [run(6, { _id: 'a' })], 9_000))).toBe(1_000);
  });
});
