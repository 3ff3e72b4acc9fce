import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReconRun } from './api/schemas';
import { progressAnnouncement, progressMark, sameMark } from './progress-announcements';
import type { Phase } from './run-state';

const LABELS: Record<Phase, string> = { source: 'Source entries', target: 'Target entries', links: 'Links' };

function sourceRun(processed: number, total: string, over: Partial<ReconRun> = {}): ReconRun {
  return {
    _id: 'r',
    mapping: 'm',
    state: 'ACTIVE',
    stage: 'ACTIVE_RECONCILING_SOURCE',
    progress: { source: { existing: { processed, total } } },
    ...over,
  };
}

/** What the run page does: announce against the last mark seen, then remember the new one. */
function announcements(polls: readonly ReconRun[]): string[] {
  const said: string[] = [];
  let mark = progressMark(polls[0]!);
  for (const run of polls.slice(1)) {
    const next = progressMark(run);
    if (sameMark(mark, next)) continue;
    const text = progressAnnouncement(mark, run, LABELS);
    if (text) said.push(text);
    mark = next;
  }
  return said;
}

describe('progress announcements', () => {
  it('says each quarter once, with the counts, and nothing for the ticks between', () => {
    const polls = [0, 10, 24, 25, 26, 49, 50, 51, 74, 75, 99, 100].map((n) => sourceRun(n, '100'));
    expect(announcements(polls)).toEqual([
      'Source entries: 25% (25 of 100).',
      'Source entries: 50% (50 of 100).',
      'Source entries: 75% (75 of 100).',
      'Source entries: 100% (100 of 100).',
    ]);
  });

  it('says a new stage, and the first quarter of the next phase only when it is reached', () => {
    const querying = sourceRun(0, '?', { stage: 'ACTIVE_QUERY_ENTRIES' });
    const source = sourceRun(10, '?');
    const known = sourceRun(10, '50');
    const target: ReconRun = {
      ...known,
      stage: 'ACTIVE_RECONCILING_TARGET',
      progress: { ...known.progress, target: { existing: { processed: 1, total: '8' } } },
    };
    const targetHalf: ReconRun = { ...target, progress: { ...known.progress, target: { existing: { processed: 4, total: '8' } } } };
    expect(announcements([querying, source, known, target, targetHalf])).toEqual([
      'Stage: reconciling source entries.',
      'Stage: reconciling target entries.',
      'Target entries: 50% (4 of 8).',
    ]);
  });

  it('leaves the end of the run to the finished notice, and says nothing on a count that went back', () => {
    expect(
      progressAnnouncement(progressMark(sourceRun(60, '100')), sourceRun(100, '100', { state: 'SUCCESS', stage: 'COMPLETED_SUCCESS' }), LABELS),
    ).toBeNull();
    expect(progressAnnouncement(progressMark(sourceRun(60, '100')), sourceRun(30, '100'), LABELS)).toBeNull();
    expect(progressAnnouncement(progressMark(sourceRun(0, '?')), sourceRun(60, '100'), LABELS)).toBe('Source entries: 50% (60 of 100).');
  });

  it('never says more than the stage changes and four quarters per phase, whatever the polls (property)', () => {
    const STAGES = [
      'ACTIVE_QUERY_ENTRIES',
      'ACTIVE_RECONCILING_SOURCE',
      'ACTIVE_RECONCILING_TARGET',
      'ACTIVE_LINK_CLEANUP',
      'ACTIVE_PROCESSING_RESULTS',
    ] as const;
    const poll = fc.record({
      stage: fc.constantFrom(...STAGES),
      processed: fc.nat({ max: 1_000 }),
      total: fc.oneof(fc.constant('?'), fc.integer({ min: 0, max: 1_000 }).map(String)),
    });
    fc.assert(
      fc.property(fc.array(poll, { minLength: 1, maxLength: 60 }), (raw) => {
        const polls = raw.map(({ stage, processed, total }): ReconRun => {
          const existing = { existing: { processed, total } };
          return { _id: 'r', mapping: 'm', state: 'ACTIVE', stage, progress: { source: existing, target: existing, links: existing } };
        });
        const said = announcements(polls);
        const stageChanges = polls.filter((run, i) => i > 0 && run.stage !== polls[i - 1]!.stage).length;
        expect(said.filter((text) => text.startsWith('Stage: '))).toHaveLength(stageChanges);
        // Between two stage changes, the quarters said only go up: at most four.
        const segments = stageChanges + 1;
        expect(said.length).toBeLessThanOrEqual(stageChanges + 4 * segments);
        // A poll in the same stage and the same quarter as the one before never speaks.
        for (let i = 1; i < polls.length; i++) {
          const before = progressMark(polls[i - 1]!);
          if (sameMark(before, progressMark(polls[i]!))) expect(progressAnnouncement(before, polls[i]!, LABELS)).toBeNull();
        }
      }),
    );
  });
});
