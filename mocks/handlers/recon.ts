/**
 * `/openidm/recon`: list every run, read one, launch (`recon`, `reconById`) and cancel, answering
 * as idm-api.md §5 documents (envelope `{reconciliations}`, start `{_id, state}`, cancel
 * `{_id, action, status: "INITIATED"}`, 404 "Reconciliation with id X not found."), and the
 * per-record reports of runs launched with `persistAssociations=true` (`recon/assoc`, §5.4).
 */
import { http } from 'msw';
import { checkApiVersion, crest, crestJson, CrestFailure, runQuery, single } from '../crest';
import { associationsOf, type Associations } from '../recon/associations';
import { isRunActive, snapshotRun, type MockReconRun, type ReconClock } from '../recon/engine';
import { newRunId, planRun, type PlanRequest } from '../recon/seed';
import { getTenant, serverProfile } from '../tenant';

/**
 * A run as the current profile answers it: AIC adds `progress.target.retried` (idm-api.md §10; the
 * mock's runs never retry, so 0); the self-managed engine sends the documented fields only.
 */
function runAnswer(run: MockReconRun, clock: ReconClock) {
  const snapshot = snapshotRun(run, clock);
  if (serverProfile() !== 'aic') return snapshot;
  return { ...snapshot, progress: { ...snapshot.progress, target: { ...snapshot.progress.target, retried: 0 } } };
}

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

/**
 * The per-record reports kept so far, oldest run first. The `self-managed` profile keeps what the
 * engine keeps by default (idm-api.md §10; `reconAssociation.maxNonAnalysisRunsPerMapping` and
 * `maxAnalysisRunsPerMapping` of 1): for each mapping, the report of its latest run and of its
 * latest analysis; an older one is gone once a newer one is written. The `aic` profile keeps every
 * report (AIC's retention is not documented; its default is assumed to be configured larger).
 */
function allAssociations(): Associations[] {
  const tenant = getTenant();
  const found: Associations[] = [];
  for (const run of tenant.recon.runs) {
    const mapping = tenant.mappings.find((m) => m.name === run.mapping);
    const associations = associationsOf(run, tenant.recon.clock, { source: mapping?.source ?? '', target: mapping?.target ?? '' });
    if (associations) found.push(associations);
  }
  if (serverProfile() !== 'self-managed') return found;
  const latest = new Map<string, Associations>();
  for (const associations of found) latest.set(`${associations.summary.mapping}\n${associations.summary.isAnalysis}`, associations);
  const kept = new Set(latest.values());
  return found.filter((associations) => kept.has(associations));
}

function findAssociations(id: string): Associations {
  const found = allAssociations().find((a) => a.summary._id === id);
  // The server's wording for an unknown id here is not documented; a CREST 404 either way.
  if (!found) throw new CrestFailure(404, `Reconciliation association with id ${id} not found.`);
  return found;
}

function requireQuery(params: URLSearchParams): void {
  if (!params.has('_queryFilter') && !params.has('_queryId')) throw new CrestFailure(400, 'Read on a collection is not supported: give a _queryFilter');
}

export const reconHandlers = [
  // Registered before `recon/:id`, which would otherwise take "assoc" for a run id.
  http.get('*/openidm/recon/assoc', ({ request }) =>
    crest(() => {
      checkApiVersion(request);
      const params = new URL(request.url).searchParams;
      requireQuery(params);
      return crestJson(
        runQuery(
          allAssociations().map((a) => a.summary),
          params,
          { cookieOf: (s) => s._id, totals: 'none' },
        ),
      );
    }),
  ),

  http.get('*/openidm/recon/assoc/:id', ({ request, params }) =>
    crest(() => {
      checkApiVersion(request);
      return crestJson(findAssociations(String(params.id)).summary);
    }),
  ),

  http.get('*/openidm/recon/assoc/:id/entry', ({ request, params }) =>
    crest(() => {
      checkApiVersion(request);
      const query = new URL(request.url).searchParams;
      requireQuery(query);
      return crestJson(runQuery(findAssociations(String(params.id)).entries, query, { cookieOf: (e) => e._id, totals: 'none' }));
    }),
  ),

  http.get('*/openidm/recon', ({ request }) =>
    crest(() => {
      checkApiVersion(request);
      const params = new URL(request.url).searchParams;
      // Queries on /recon are not supported by the engine (idm-api.md §5.1): only the full list.
      if (params.has('_queryFilter') || params.has('_queryId') || params.has('_queryExpression')) {
        throw new CrestFailure(501, 'Query operations are not supported on reconciliation');
      }
      const { recon } = getTenant();
      return crestJson({ reconciliations: recon.runs.map((run) => runAnswer(run, recon.clock)) });
    }),
  ),

  http.get('*/openidm/recon/:id', ({ request, params }) =>
    crest(() => {
      checkApiVersion(request);
      const { recon } = getTenant();
      return crestJson(runAnswer(findRun(String(params.id)), recon.clock));
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
      // The engine reads `ids` (its message below is the engine's own); the AIC documentation shows
      // `id`. The `aic` profile takes either, `self-managed` only `ids` (idm-api.md §10).
      const sourceId = action === 'reconById' ? (single(params, 'ids') ?? (serverProfile() === 'aic' ? single(params, 'id') : undefined)) : undefined;
      if (action === 'reconById' && !sourceId) {
        throw new CrestFailure(
          400,
          serverProfile() === 'aic' ? 'The reconById action requires an id parameter' : "Action reconById requires a parameter 'ids'",
        );
      }
      const overrides = await readOverrides(request);
      const persistAssociations = single(params, 'persistAssociations') === 'true';
      const analyze = single(params, 'analyze') === 'true';
      // An analysis run is read from its stored associations; what a real server answers when they
      // are not persisted is not documented, so the mock refuses the combination.
      if (analyze && !persistAssociations) throw new CrestFailure(400, 'An analysis run needs persistAssociations=true');

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
        persistAssociations,
        analyze,
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
