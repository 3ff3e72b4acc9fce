/**
 * The mock tenant's /recon answers as idm-api.md §5 documents: run objects with string totals ("?"
 * while unknown), `ended: ""` while running, the documented stages in order, cancel through
 * ACTIVE_CANCELING (state still ACTIVE) to CANCELED, and the documented errors.
 */
import { describe, expect, it } from 'vitest';
import { TEST_TENANT_URL } from '../../src/testing/setup-tests';
import { LONG_MAPPING, QUICK_MAPPING, SEEDED_ACTIVE_MAPPING } from '../recon/seed';
import { getTenant, resetTenant } from '../tenant';

const base = `${TEST_TENANT_URL}/openidm/recon`;
const headers = { 'Accept-API-Version': 'resource=1.0' };
const get = async (path = '') => {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- the test reads arbitrary JSON
};
const post = async (query: string, path = '') => {
  const response = await fetch(`${base}${path}?${query}`, { method: 'POST', headers });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- the test reads arbitrary JSON
};
const advance = (ms: number) => getTenant().recon.clock.advance(ms);

describe('/openidm/recon on the mock tenant', () => {
  it('lists every run in the documented envelope, with the documented fields', async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['reconciliations']);
    expect(body.reconciliations.length).toBe(42);
    const finished = body.reconciliations.find((r: { state: string }) => r.state === 'SUCCESS');
    expect(Object.keys(finished)).toEqual([
      '_id',
      'mapping',
      'state',
      'stage',
      'stageDescription',
      'progress',
      'situationSummary',
      'statusSummary',
      'durationSummary',
      'parameters',
      'started',
      'ended',
      'duration',
      'sourceProcessedByNode',
    ]);
    expect(finished).toMatchObject({ stage: 'COMPLETED_SUCCESS', stageDescription: 'reconciliation completed.' });
    expect(typeof finished.progress.source.existing.total).toBe('string');
    expect(Object.keys(finished.situationSummary)).toHaveLength(13);
    const active = body.reconciliations.find((r: { mapping: string }) => r.mapping === SEEDED_ACTIVE_MAPPING);
    expect(active).toMatchObject({ state: 'ACTIVE', ended: '' });
  });

  it('walks a full run through the documented stages, totals "?" until known', async () => {
    const start = await post(`_action=recon&mapping=${QUICK_MAPPING}`);
    expect(start.status).toBe(200);
    expect(start.body).toEqual({ _id: expect.stringMatching(/^[0-9a-f-]{36}-\d+$/), state: 'ACTIVE' });
    const id = start.body._id as string;

    const first = (await get(`/${id}`)).body;
    expect(first).toMatchObject({ state: 'ACTIVE', stage: 'ACTIVE_INITIALIZED', stageDescription: 'initialized', ended: '' });
    expect(first.progress.source.existing).toEqual({ processed: 0, total: '?' });

    advance(600);
    expect((await get(`/${id}`)).body).toMatchObject({ stage: 'ACTIVE_QUERY_ENTRIES', stageDescription: 'querying sets of entries to reconcile' });

    advance(1_400);
    const mid = (await get(`/${id}`)).body;
    expect(mid).toMatchObject({ state: 'ACTIVE', stage: 'ACTIVE_RECONCILING_SOURCE', stageDescription: 'reconciling source entries' });
    expect(mid.progress.source.existing.total).toBe('120');
    expect(mid.progress.source.existing.processed).toBeGreaterThan(0);
    expect(mid.progress.source.existing.processed).toBeLessThan(120);
    expect(mid.duration).toBeGreaterThanOrEqual(2_000);
    expect(mid.duration).toBeLessThan(3_000);

    advance(60_000);
    const done = (await get(`/${id}`)).body;
    expect(done).toMatchObject({ state: 'SUCCESS', stage: 'COMPLETED_SUCCESS', stageDescription: 'reconciliation completed.' });
    expect(done.progress.source.existing).toEqual({ processed: 120, total: '120' });
    expect(done.ended).not.toBe('');
    const situations = Object.values(done.situationSummary as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(situations).toBe(120 + Number(done.progress.target.existing.total));
    expect(done.statusSummary.SUCCESS + done.statusSummary.FAILURE).toBe(situations);
  });

  it('cancels through ACTIVE_CANCELING (state stays ACTIVE) to CANCELED', async () => {
    const { body } = await post(`_action=recon&mapping=${LONG_MAPPING}`);
    advance(10_000);
    const cancel = await post('_action=cancel', `/${body._id}`);
    expect(cancel.body).toEqual({ _id: body._id, action: 'cancel', status: 'INITIATED' });
    const canceling = (await get(`/${body._id}`)).body;
    expect(canceling).toMatchObject({ state: 'ACTIVE', stage: 'ACTIVE_CANCELING', stageDescription: 'aborting reconciling', ended: '' });
    advance(2_000);
    const canceled = (await get(`/${body._id}`)).body;
    expect(canceled).toMatchObject({ state: 'CANCELED', stage: 'COMPLETED_CANCELED', stageDescription: 'reconciliation aborted.' });
    expect(canceled.progress.source.existing.processed).toBe(canceling.progress.source.existing.processed);
  });

  it('refuses a second run of a running mapping, and accepts one after it ends', async () => {
    const first = await post(`_action=recon&mapping=${QUICK_MAPPING}`);
    const second = await post(`_action=recon&mapping=${QUICK_MAPPING}`);
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ code: 409, reason: 'Conflict', message: expect.stringContaining(first.body._id) });
    advance(60_000);
    expect((await post(`_action=recon&mapping=${QUICK_MAPPING}`)).status).toBe(200);
  });

  it('reconciles one source entry by id', async () => {
    const { body } = await post(`_action=reconById&mapping=${QUICK_MAPPING}&id=emp-0042`);
    advance(10_000);
    const run = (await get(`/${body._id}`)).body;
    expect(run).toMatchObject({ state: 'SUCCESS', parameters: { sourceIds: ['emp-0042'] } });
    expect(run.progress.source.existing).toEqual({ processed: 1, total: '1' });
  });

  it('fails runs of a mapping whose connector is unreachable', async () => {
    const { body } = await post('_action=recon&mapping=mapping3');
    advance(5_000);
    expect((await get(`/${body._id}`)).body).toMatchObject({ state: 'FAILED', stage: 'COMPLETED_FAILED', stageDescription: 'reconciliation failed' });
  });

  it('answers the documented errors', async () => {
    expect(await get('/nope')).toEqual({ status: 404, body: { code: 404, reason: 'Not Found', message: 'Reconciliation with id nope not found.' } });
    expect((await post('_action=cancel', '/nope')).status).toBe(404);
    expect(await post('_action=recon&mapping=noSuchMapping')).toEqual({
      status: 409,
      body: { code: 409, reason: 'Conflict', message: 'No such mapping: noSuchMapping' },
    });
    expect((await post('_action=recon')).status).toBe(400);
    expect((await post(`_action=reconById&mapping=${QUICK_MAPPING}`)).status).toBe(400);
    expect((await post('_action=explode&mapping=x')).status).toBe(400);
  });

  it('speeds time up with timeScale', async () => {
    resetTenant({ timeScale: 100 });
    const { body } = await post(`_action=recon&mapping=${QUICK_MAPPING}`);
    advance(40);
    expect((await get(`/${body._id}`)).body.state).toBe('SUCCESS');
  });
});

describe('/openidm/recon/assoc on the mock tenant', () => {
  it('keeps a per-record report of a run launched with persistAssociations, adding up to its summaries', async () => {
    const { body: started } = await post(`_action=recon&mapping=${QUICK_MAPPING}&persistAssociations=true`);
    // No report while the run goes.
    expect((await get(`/assoc/${started._id}`)).status).toBe(404);
    advance(60_000);
    const run = (await get(`/${started._id}`)).body;
    expect(run.state).toBe('SUCCESS');

    const summary = await get(`/assoc/${started._id}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      _id: started._id,
      mapping: QUICK_MAPPING,
      isAnalysis: 'false',
      sourceResourceCollection: 'system/hrdb/employee',
      targetResourceCollection: 'managed/user',
    });
    expect(summary.body.finishTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);

    const all = await get(`/assoc/${started._id}/entry?_queryFilter=true`);
    expect(all.body.resultCount).toBe(120);
    const entry = all.body.result[0];
    expect(Object.keys(entry)).toEqual([
      '_id',
      '_rev',
      'mapping',
      'reconId',
      'situation',
      'action',
      'linkQualifier',
      'sourceObjectId',
      'targetObjectId',
      'sourceResourceCollection',
      'targetResourceCollection',
      'status',
      'exception',
      'message',
      'messageDetail',
      'ambiguousTargetObjectIds',
    ]);
    expect(entry.messageDetail).toBe('null');
    for (const [situation, count] of Object.entries(run.situationSummary as Record<string, number>)) {
      expect(all.body.result.filter((e: { situation: string }) => e.situation === situation)).toHaveLength(count);
    }
    const failures = await get(`/assoc/${started._id}/entry?_queryFilter=${encodeURIComponent('/status eq "FAILURE"')}`);
    expect(failures.body.resultCount).toBe(run.statusSummary.FAILURE);

    // Paged by the server's cursor: the cookie is the next entry's _id.
    const first = await get(`/assoc/${started._id}/entry?_queryFilter=true&_pageSize=50`);
    expect(first.body.pagedResultsCookie).toBe(all.body.result[50]._id);
    const listed = await get(`/assoc?_queryFilter=${encodeURIComponent(`/mapping eq "${QUICK_MAPPING}"`)}`);
    expect(listed.body.result.map((s: { _id: string }) => s._id)).toContain(started._id);
  });

  it('an analysis run reports what it would do and changes nothing', async () => {
    expect((await post(`_action=recon&mapping=${QUICK_MAPPING}&analyze=true`)).status).toBe(400);
    const { body: started } = await post(`_action=recon&mapping=${QUICK_MAPPING}&persistAssociations=true&analyze=true`);
    advance(60_000);
    const run = (await get(`/${started._id}`)).body;
    expect(run.progress.target).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect((await get(`/assoc/${started._id}`)).body.isAnalysis).toBe('true');
    const absent = await get(`/assoc/${started._id}/entry?_queryFilter=${encodeURIComponent('/situation eq "ABSENT"')}`);
    expect(absent.body.resultCount).toBe(run.situationSummary.ABSENT);
    expect(absent.body.result.every((e: { action: string; targetObjectId: unknown }) => e.action === 'CREATE' && e.targetObjectId === null)).toBe(true);
  });

  it('has no report for a run launched without one, and needs a query on the entries', async () => {
    const { body: started } = await post(`_action=recon&mapping=${QUICK_MAPPING}`);
    advance(60_000);
    expect((await get(`/assoc/${started._id}`)).status).toBe(404);
    expect((await get('/assoc')).status).toBe(400);
  });
});

describe('/openidm/recon under each server profile (idm-api.md §10)', () => {
  it('aic: reconById takes the documented id, or the engine’s ids; runs carry progress.target.retried', async () => {
    resetTenant({ profile: 'aic' });
    for (const param of ['id', 'ids']) {
      const { status, body } = await post(`_action=reconById&mapping=${QUICK_MAPPING}&${param}=emp-0042`);
      expect(status).toBe(200);
      advance(10_000);
      const run = (await get(`/${body._id}`)).body;
      expect(run.parameters).toEqual(expect.objectContaining({ sourceIds: ['emp-0042'] }));
      expect(run.progress.target.retried).toBe(0);
    }
  });

  it('self-managed: reconById needs ids, as the engine reads it; runs carry only the documented counters', async () => {
    resetTenant({ profile: 'self-managed' });
    expect(await post(`_action=reconById&mapping=${QUICK_MAPPING}&id=emp-0042`)).toEqual({
      status: 400,
      body: { code: 400, reason: 'Bad Request', message: "Action reconById requires a parameter 'ids'" },
    });
    const { status, body } = await post(`_action=reconById&mapping=${QUICK_MAPPING}&id=emp-0042&ids=emp-0042`);
    expect(status).toBe(200);
    advance(10_000);
    const run = (await get(`/${body._id}`)).body;
    expect(run.parameters.sourceIds).toEqual(['emp-0042']);
    expect(run.progress.target).not.toHaveProperty('retried');
  });

  it.each([
    ['aic', 200],
    ['self-managed', 404],
  ] as const)('%s: an older run’s per-record report once a newer run of the mapping has written one: %i', async (profile, olderStatus) => {
    resetTenant({ profile });
    const older = (await post(`_action=recon&mapping=${QUICK_MAPPING}&persistAssociations=true`)).body._id as string;
    advance(60_000);
    expect((await get(`/assoc/${older}`)).status).toBe(200);
    const newer = (await post(`_action=recon&mapping=${QUICK_MAPPING}&persistAssociations=true`)).body._id as string;
    // Kept while the newer run goes, whatever the profile.
    expect((await get(`/assoc/${older}`)).status).toBe(200);
    advance(60_000);
    expect((await get(`/assoc/${newer}`)).status).toBe(200);
    expect((await get(`/assoc/${older}`)).status).toBe(olderStatus);
    const listed = (await get(`/assoc?_queryFilter=${encodeURIComponent(`/mapping eq "${QUICK_MAPPING}"`)}`)).body.result.map((s: { _id: string }) => s._id);
    expect(listed.includes(older)).toBe(olderStatus === 200);
    expect(listed).toContain(newer);
  });
});
