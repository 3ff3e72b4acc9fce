/**
 * `/openidm/recon`: list every run, read one, launch (`recon`, `reconById`) and cancel, answering
 * as idm-api.md §5 documents (envelope `{reconciliations}`, start `{_id, state}`, cancel
 * `{_id, action, status: "INITIATED"}`, 404 "Reconciliation with id X not found.").
 */
import { http } from 'msw';
import { checkApiVersion, crest, crestJson, CrestFailure, single } from '../crest';
import { isRunActive, snapshotRun, type MockReconRun } from '../recon/engine';
import { newRunId, planRun, type PlanRequest } from '../recon/seed';
import { getTenant } from '../tenant';

function findRun(id: string): MockReconRun {
  const run = getTenant().recon.runs.find((r) => r.id === id);
  if (!run) throw new CrestFailure(404, `Reconciliation with id ${id} not found.`);
  return run;
}

async function readOverrides(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text) return {};
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    throw new CrestFailure(400, 'The request body is not valid JSON');
  }
}

export const reconHandlers = [
  http.get('*/openidm/recon', ({ request }) =>
    crest(() => {
      checkApiVersion(request);
      const params = new URL(request.url).searchParams;
      // Queries on /recon are not supported by the engine (idm-api.md §5.1): only the full list.
      if (params.has('_queryFilter') || params.has('_queryId') || params.has('_queryExpression')) {
        throw new CrestFailure(501, 'Query operations are not supported on reconciliation');
      }
      const { recon } = getTenant();
      return crestJson({ reconciliations: recon.runs.map((run) => snapshotRun(run, recon.clock)) });
    }),
  ),

  http.get('*/openidm/recon/:id', ({ request, params }) =>
    crest(() => {
      checkApiVersion(request);
      const { recon } = getTenant();
      return crestJson(snapshotRun(findRun(String(params.id)), recon.clock));
    }),
  ),

  http.post('*/openidm/recon', ({ request }) =>
    crest(async () => {
      checkApiVersion(request);
      const params = new URL(request.url).searchParams;
      const action = single(params, '_action');
      if (action !== 'recon' && action !== 'reconById') {
        throw new CrestFailure(400, `Action ${action ?? '(none)'} on reconciliation not supported`);
      }
      const name = single(params, 'mapping');
      if (!name) throw new CrestFailure(400, `The ${action} action requires a mapping parameter`);
      const sourceId = action === 'reconById' ? single(params, 'id') : undefined;
      if (action === 'reconById' && !sourceId) throw new CrestFailure(400, 'The reconById action requires an id parameter');
      const overrides = await readOverrides(request);

      const tenant = getTenant();
      const { recon } = tenant;
      const mapping = tenant.mappings.find((m) => m.name === name);
      // OpenIDM answers an unknown mapping with 409 Conflict (a SynchronizationException wrapped in
      // a ConflictException); the AIC status is not documented, so the mock keeps OpenIDM's.
      if (!mapping) throw new CrestFailure(409, `No such mapping: ${name}`);
      // The engine runs one reconciliation per mapping at a time. The status a real server answers
      // is not documented; the mock refuses with a 409 naming the run in progress.
      const running = recon.runs.find((r) => r.mapping === name && isRunActive(r, recon.clock));
      if (running) {
        throw new CrestFailure(409, `A reconciliation of mapping ${name} is already running (${running.id}); only one can run per mapping`);
      }

      const planRequest: PlanRequest = {
        kind: action,
        sourceId,
        runTargetPhase: typeof overrides.runTargetPhase === 'boolean' ? overrides.runTargetPhase : undefined,
        sourceQuery: overrides.sourceQuery,
        targetQuery: overrides.targetQuery,
      };
      const variant = recon.runs.filter((r) => r.mapping === name).length + 1;
      const run: MockReconRun = { id: newRunId(recon), mapping: name, plan: planRun(mapping, planRequest, variant), startedAt: recon.clock.now() };
      recon.runs.push(run);
      return crestJson({ _id: run.id, state: 'ACTIVE' });
    }),
  ),

  http.post('*/openidm/recon/:id', ({ request, params }) =>
    crest(() => {
      checkApiVersion(request);
      const action = single(new URL(request.url).searchParams, '_action');
      if (action !== 'cancel') throw new CrestFailure(400, `Action ${action ?? '(none)'} on reconciliation not supported`);
      const { recon } = getTenant();
      const run = findRun(String(params.id));
      // Canceling a finished run changes nothing; the server still answers that it initiated it.
      if (run.cancelAt === undefined && isRunActive(run, recon.clock)) run.cancelAt = recon.clock.now();
      return crestJson({ _id: run.id, action: 'cancel', status: 'INITIATED' });
    }),
  ),
];
