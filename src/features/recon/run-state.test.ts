import { describe, expect, it } from 'vitest';
import type { ReconRun } from './api/schemas';
import { currentPhase, runStatus, SITUATIONS, sortNewestFirst, stageText, statusLabel } from './run-state';

const run = (over: Partial<ReconRun>): ReconRun => ({ _id: 'r', mapping: 'm', state: 'ACTIVE', ...over });

describe('run state and stage', () => {
  it('calls ACTIVE + ACTIVE_CANCELING "Canceling": the server has no CANCELING state', () => {
    expect(runStatus(run({ stage: 'ACTIVE_CANCELING' }))).toBe('canceling');
    expect(statusLabel(run({ stage: 'ACTIVE_CANCELING' }))).toBe('Canceling');
    expect(runStatus(run({ stage: 'ACTIVE_RECONCILING_SOURCE' }))).toBe('running');
    expect(runStatus(run({ state: 'CANCELED', stage: 'COMPLETED_CANCELED' }))).toBe('canceled');
    expect(runStatus(run({ state: 'SUCCESS' }))).toBe('succeeded');
    expect(runStatus(run({ state: 'FAILED' }))).toBe('failed');
    expect(statusLabel(run({ state: 'PAUSED' }))).toBe('PAUSED');
  });

  it('shows the server description, or the documented one when it sent none', () => {
    expect(stageText(run({ stage: 'ACTIVE_QUERY_ENTRIES', stageDescription: 'custom words' }))).toBe('custom words');
    expect(stageText(run({ stage: 'ACTIVE_QUERY_ENTRIES' }))).toBe('querying sets of entries to reconcile');
    expect(stageText(run({ stage: 'SOMETHING_NEW' }))).toBe('SOMETHING_NEW');
  });

  it('knows which phase moves in which stage', () => {
    expect(currentPhase(run({ stage: 'ACTIVE_RECONCILING_SOURCE' }))).toBe('source');
    expect(currentPhase(run({ stage: 'ACTIVE_RECONCILING_TARGET' }))).toBe('target');
    expect(currentPhase(run({ stage: 'ACTIVE_LINK_CLEANUP' }))).toBe('links');
    expect(currentPhase(run({ stage: 'ACTIVE_QUERY_ENTRIES' }))).toBeNull();
    expect(currentPhase(run({ state: 'SUCCESS', stage: 'COMPLETED_SUCCESS' }))).toBeNull();
  });

  it('sorts newest first by started, whatever order the server sent', () => {
    const runs = [
      run({ _id: 'a', started: '2026-01-01T10:00:00.000Z' }),
      run({ _id: 'b', started: '2026-01-03T10:00:00.000Z' }),
      run({ _id: 'c' }),
      run({ _id: 'd', started: '2026-01-02T10:00:00.000Z' }),
    ];
    expect(sortNewestFirst(runs).map((r) => r._id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('explains all 13 situations', () => {
    expect(SITUATIONS).toHaveLength(13);
    expect(new Set(SITUATIONS.map((s) => s.name)).size).toBe(13);
  });
});
