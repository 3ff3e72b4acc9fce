/**
 * The polling plan, counted per interval on fake timers (no real waiting): the runs list and the
 * overview poll `GET /recon` once per interval whatever the number of active runs; a run's own
 * page polls that run alone; polling pauses while the tab is hidden and stops when nothing runs.
 */
import { focusManager } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../../mocks/node';
import { planRun, SEEDED_ACTIVE_MAPPING, newRunId } from '../../../mocks/recon/seed';
import { getTenant, resetTenant } from '../../../mocks/tenant';
import { POLL_BASE_MS } from './watch';
import { renderRecon } from './test-utils';

const INTERVALS = 8;

function recordRequests() {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'GET') seen.push(new URL(request.url).pathname);
  };
  server.events.on('request:start', listener);
  return { seen, stop: () => server.events.removeListener('request:start', listener) };
}

const LIST = '/openidm/recon';
const isRunRead = (path: string) => /^\/openidm\/recon\/(?!assoc)[^/]+$/.test(path);

/** Adds active runs beside the seeded one: same long plan (30,000 entries at 50 a second), other mappings. */
function startMoreRuns(count: number) {
  const tenant = getTenant();
  const template = tenant.mappings.find((m) => m.name === SEEDED_ACTIVE_MAPPING)!;
  const others = tenant.mappings.filter((m) => m.name !== SEEDED_ACTIVE_MAPPING && m.sourceRouteReady && m.targetRouteReady).slice(0, count);
  for (const [i, mapping] of others.entries()) {
    tenant.recon.runs.push({
      id: newRunId(tenant.recon),
      mapping: mapping.name,
      plan: planRun(template, { kind: 'recon' }, i + 1),
      startedAt: tenant.recon.clock.now() - 1_000,
    });
  }
}

/** Lets the mock answer and React render without moving the clock more than a few ms. */
async function settle() {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(1);
}

/** Requests of each kind made in each of `INTERVALS` polling intervals. */
async function countPerInterval(seen: string[]) {
  const perInterval: { list: number; runs: number }[] = [];
  for (let i = 0; i < INTERVALS; i++) {
    const from = seen.length;
    await vi.advanceTimersByTimeAsync(POLL_BASE_MS);
    const window = seen.slice(from);
    perInterval.push({ list: window.filter((p) => p === LIST).length, runs: window.filter(isRunRead).length });
  }
  return perInterval;
}

beforeEach(() => {
  // Date too: the mock's recon clock reads it, so runs move exactly as far as the test advances.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  resetTenant({});
});
afterEach(() => {
  focusManager.setFocused(undefined);
  vi.useRealTimers();
});

describe('polling plan', () => {
  it.each([1, 5])('the runs list sends one request per interval with %i active run(s), and no per-run reads', async (active) => {
    startMoreRuns(active - 1);
    const { seen, stop } = recordRequests();
    renderRecon('/recon');
    await settle();
    expect(screen.getByText(new RegExp(`${active} active, updating live`))).toBeInTheDocument();
    const counts = await countPerInterval(seen);
    stop();
    expect(counts).toEqual(Array.from({ length: INTERVALS }, () => ({ list: 1, runs: 0 })));
  });

  it('the overview of a mapping polls the list alone too', async () => {
    startMoreRuns(4);
    const { seen, stop } = recordRequests();
    renderRecon(`/mappings/${SEEDED_ACTIVE_MAPPING}`);
    await settle();
    const counts = await countPerInterval(seen);
    stop();
    expect(counts).toEqual(Array.from({ length: INTERVALS }, () => ({ list: 1, runs: 0 })));
  });

  it("a run's own page polls that run alone, once per interval, with other runs active", async () => {
    startMoreRuns(4);
    const active = getTenant().recon.runs.find((r) => r.mapping === SEEDED_ACTIVE_MAPPING)!;
    const { seen, stop } = recordRequests();
    renderRecon(`/recon/${active.id}`);
    await settle();
    const counts = await countPerInterval(seen);
    stop();
    expect(counts.map((c) => c.list)).toEqual(Array.from({ length: INTERVALS }, () => 0));
    expect(seen.filter((p) => p === `${LIST}/${active.id}`).length).toBe(INTERVALS + 1);
  });

  it('pauses while the tab is hidden and resumes when it shows', async () => {
    const { seen, stop } = recordRequests();
    renderRecon('/recon');
    await settle();
    focusManager.setFocused(false);
    const hidden = await countPerInterval(seen);
    expect(hidden.every((c) => c.list === 0)).toBe(true);
    focusManager.setFocused(true);
    const shown = await countPerInterval(seen);
    stop();
    expect(shown.slice(1).every((c) => c.list === 1)).toBe(true);
  });

  it('stops once no run is active, after telling the user', async () => {
    const { seen, stop } = recordRequests();
    renderRecon('/recon');
    await settle();
    // The seeded run has 30,000 entries at 50 a second: ten minutes on, it has ended.
    getTenant().recon.clock.advance(20 * 60_000);
    await countPerInterval(seen);
    expect(screen.getByText(`The reconciliation of ${SEEDED_ACTIVE_MAPPING} finished: succeeded.`)).toBeInTheDocument();
    const idle = await countPerInterval(seen);
    stop();
    expect(idle.every((c) => c.list === 0 && c.runs === 0)).toBe(true);
  });
});
