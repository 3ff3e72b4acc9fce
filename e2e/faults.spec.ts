/**
 * The console against a tenant that misbehaves on purpose (faults injected by the mock tenant's
 * HTTP server): one launch per click however it is clicked, offline said and never a trap, 429 and
 * Retry-After honoured, errors and retries shown at once with the last good data kept.
 *
 * Waiting is never on real time: the page's clock is installed (page.clock) and moved forward by
 * the test, so a two-minute Retry-After takes no time and cannot race a loaded machine.
 */
import { paths } from '../src/config/paths';
import { announcements, clearFaults, count, injectFault, recordAnnouncements, recordTenantRequests } from './helpers/faults';
import { applySimpleFilter, MAPPINGS_TABLE } from './helpers/mappings';
import { cancelElsewhere, chooseMapping, launchElsewhere, listRuns, LONG_MAPPING, QUICK_MAPPING, resetTenant, statusBadge } from './helpers/recon';
import { queueTable, removeFromQueue, tenantQueue } from './helpers/sync-queue';
import { tableRows } from './helpers/table';
import { expect, test } from './helpers/test';

test.describe('a launch is sent once, however it is clicked', () => {
  test('two clicks in one task, on a slow answer and a busy page, send one launch', async ({ page, request }) => {
    await resetTenant(request, { timeScale: 2 });
    const seen = recordTenantRequests(page);
    await page.goto(paths.recon);
    const dialog = await chooseMapping(page, QUICK_MAPPING);
    await injectFault(request, { path: 'recon', exact: true, method: 'POST', delayMs: 1500 });
    // Both clicks reach the handler before React renders the button disabled; the page is then
    // kept busy, as a loaded machine would.
    await dialog.getByRole('button', { name: 'Launch' }).evaluate((button: HTMLElement) => {
      button.click();
      button.click();
      const until = performance.now() + 300;
      while (performance.now() < until) {
        // busy main thread
      }
      button.click();
    });
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Started a reconciliation' })).toContainText(QUICK_MAPPING);
    expect(count(seen, 'POST', 'recon')).toBe(1);
    expect((await listRuns(request)).filter((run) => run.mapping === QUICK_MAPPING && run.state === 'ACTIVE')).toHaveLength(1);
  });

  test('a double click on launch by id, and on cancel, each send one request', async ({ page, request }) => {
    await resetTenant(request, { timeScale: 2 });
    const seen = recordTenantRequests(page);
    await page.goto(paths.recon);
    const dialog = await chooseMapping(page, QUICK_MAPPING);
    await dialog.getByRole('radio', { name: 'One source entry, by its id' }).check();
    await dialog.getByLabel('Source entry id').fill('emp-0042');
    await injectFault(request, { path: 'recon', exact: true, method: 'POST', delayMs: 1000 });
    await dialog.getByRole('button', { name: 'Launch' }).dblclick();
    await expect(dialog).toBeHidden();
    expect(count(seen, 'POST', 'recon')).toBe(1);

    const id = await launchElsewhere(request, LONG_MAPPING);
    await page.goto(paths.reconRun(id));
    await page.getByRole('button', { name: 'Cancel run' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this reconciliation?' });
    await injectFault(request, { path: `recon/${id}`, exact: true, method: 'POST', delayMs: 1000 });
    await confirm.getByRole('button', { name: 'Cancel the run' }).evaluate((button: HTMLElement) => {
      button.click();
      button.click();
    });
    await expect(confirm).toBeHidden();
    await expect(statusBadge(page, 'Canceling').or(statusBadge(page, 'Canceled'))).toBeVisible();
    expect(count(seen, 'POST', `recon/${id}`)).toBe(1);
  });

  test('two clicks in one task on delete send one DELETE per event', async ({ page, request }) => {
    const seen = recordTenantRequests(page);
    await page.goto(paths.syncQueue);
    const first = queueTable(page)
      .getByRole('checkbox', { name: /^Select event / })
      .first();
    await first.check();
    const id = (await first.getAttribute('aria-label'))!.replace('Select event ', '');
    await page.getByRole('button', { name: 'Delete selected (1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete queued event' });
    await injectFault(request, { path: `sync/queue/${id}`, method: 'DELETE', delayMs: 1000 });
    await dialog.getByRole('button', { name: 'Delete event' }).evaluate((button: HTMLElement) => {
      button.click();
      button.click();
    });
    await expect(dialog.getByText('Finished: 1 deleted, 0 already gone, 0 failed.')).toBeVisible();
    expect(count(seen, 'DELETE', `sync/queue/${id}`)).toBe(1);
  });
});

test.describe('offline is said, and never a trap', () => {
  test('a launch while offline says so at once, sends nothing, can be closed, and is sent only when asked again', async ({ page, context, request }) => {
    await resetTenant(request, { timeScale: 2 });
    const seen = recordTenantRequests(page);
    await page.goto(paths.recon);
    let dialog = await chooseMapping(page, QUICK_MAPPING);

    await context.setOffline(true);
    await expect(page.getByRole('alert').filter({ hasText: 'The browser is offline.' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Launch' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The browser is offline: nothing was sent to the tenant.');
    await expect(dialog.getByRole('button', { name: 'Launch' })).toBeEnabled();
    // Closing forgets the launch: back online, nothing goes out by itself.
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    await context.setOffline(false);
    await expect(page.getByRole('status').filter({ hasText: 'Back online' })).toBeVisible();

    // Kept open instead, the launch is sent when the user asks again, once. Opening the dialog
    // asks the tenant for the runs: by then the forgotten launch has not gone out by itself.
    const before = seen.length;
    dialog = await chooseMapping(page, QUICK_MAPPING);
    await expect.poll(() => seen.slice(before).some((r) => r.method === 'GET' && r.path === 'recon')).toBe(true);
    expect(count(seen, 'POST', 'recon')).toBe(0);
    await context.setOffline(true);
    await dialog.getByRole('button', { name: 'Launch' }).click();
    await expect(dialog.getByRole('alert')).toContainText('nothing was sent');
    await context.setOffline(false);
    await dialog.getByRole('button', { name: 'Launch' }).click();
    await expect(dialog).toBeHidden();
    expect(count(seen, 'POST', 'recon')).toBe(1);
  });

  test('cancel and delete while offline say so and send nothing', async ({ page, context, request }) => {
    const seen = recordTenantRequests(page);
    const id = await launchElsewhere(request, LONG_MAPPING);
    await page.goto(paths.reconRun(id));
    await page.getByRole('button', { name: 'Cancel run' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this reconciliation?' });
    await context.setOffline(true);
    await confirm.getByRole('button', { name: 'Cancel the run' }).click();
    await expect(confirm.getByRole('alert')).toContainText('The browser is offline: nothing was sent to the tenant.');
    await confirm.getByRole('button', { name: 'Keep it running' }).click();
    await expect(confirm).toBeHidden();
    expect(count(seen, 'POST', `recon/${id}`)).toBe(0);
    await context.setOffline(false);

    await page.goto(paths.syncQueue);
    const first = queueTable(page)
      .getByRole('checkbox', { name: /^Select event / })
      .first();
    await first.check();
    await page.getByRole('button', { name: 'Delete selected (1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete queued event' });
    await context.setOffline(true);
    await dialog.getByRole('button', { name: 'Delete event' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The browser is offline: nothing was deleted and nothing was sent.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(seen.filter((r) => r.method === 'DELETE')).toEqual([]);
    await context.setOffline(false);
  });
});

test.describe('429 and Retry-After are honoured', () => {
  test('nothing goes to the endpoint before Retry-After, a countdown says when, and then it is asked again', async ({ page, request }) => {
    await page.clock.install();
    const seen = recordTenantRequests(page);
    await injectFault(request, { path: 'sync/mappings', exact: true, method: 'GET', status: 429, retryAfter: '120', message: 'Rate limit exceeded' });
    await page.goto(`${paths.mappings}?pageSize=10`);
    const notice = page.getByRole('status').filter({ hasText: 'The tenant asked the console to wait' });
    await expect(notice).toContainText('429: Rate limit exceeded');
    await expect(notice).toContainText(/trying again in (2 min 00|1 min 5\d) s/);
    expect(count(seen, 'GET', 'sync/mappings')).toBe(1);

    // Another query to the same endpoint (a filter) is not sent either.
    await applySimpleFilter(page, 'Name', 'starts with', 'system');
    await page.clock.fastForward(60_000);
    await expect(notice).toContainText(/trying again in (1 min 00|59|58) s/);
    expect(count(seen, 'GET', 'sync/mappings')).toBe(1);

    await page.clock.fastForward(61_000);
    await expect(tableRows(page, MAPPINGS_TABLE).first()).toContainText('system');
    await expect(notice).toBeHidden();
    expect(count(seen, 'GET', 'sync/mappings')).toBeGreaterThan(1);
  });

  test('"Try now" asks at once, whatever the tenant said', async ({ page, request }) => {
    await page.clock.install();
    const seen = recordTenantRequests(page);
    await injectFault(request, { path: 'sync/mappings', exact: true, method: 'GET', status: 503, retryAfter: '3600' });
    await page.goto(`${paths.mappings}?pageSize=10`);
    const notice = page.getByRole('status').filter({ hasText: 'The tenant asked the console to wait' });
    await expect(notice).toContainText('trying again in 60 min 00 s');
    await notice.getByRole('button', { name: 'Try now' }).click();
    await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(10);
    await expect(notice).toBeHidden();
    expect(count(seen, 'GET', 'sync/mappings')).toBe(2);
  });

  test('run polling waits for Retry-After too', async ({ page, request }) => {
    await page.clock.install();
    const id = await launchElsewhere(request, LONG_MAPPING);
    const seen = recordTenantRequests(page);
    await page.goto(paths.reconRun(id));
    await expect(page.getByRole('progressbar', { name: 'Source entries' })).toBeVisible();
    await injectFault(request, { path: `recon/${id}`, exact: true, method: 'GET', status: 429, retryAfter: '300' });
    await expect.poll(() => count(seen, 'GET', `recon/${id}`), { message: 'the run is polled until the 429' }).toBeGreaterThan(1);
    await page.clock.fastForward(10_000);
    await expect(page.getByRole('status').filter({ hasText: 'The tenant asked the console to wait' })).toBeVisible();
    const polled = count(seen, 'GET', `recon/${id}`);
    for (let i = 0; i < 5; i++) await page.clock.fastForward(50_000);
    expect(count(seen, 'GET', `recon/${id}`)).toBe(polled);
    await page.clock.fastForward(60_000);
    await expect.poll(() => count(seen, 'GET', `recon/${id}`)).toBeGreaterThan(polled);
  });
});

test.describe('errors show at once, retries are visible', () => {
  test('a 5xx says "retrying (n)" from the first failure, and the last good data stays, marked stale', async ({ page, request }) => {
    await recordAnnouncements(page);
    await page.clock.install();
    const seen = recordTenantRequests(page);
    await page.goto(paths.recon);
    const runs = page.getByRole('table', { name: 'Reconciliation runs, newest first' });
    await expect(runs.getByRole('link', { name: /^Run \S+ of managedAlpha_user_systemLdapAccounts, / }).first()).toBeVisible();
    await injectFault(request, { path: 'recon', exact: true, method: 'GET', status: 500, times: 0, message: 'Repository unavailable' });
    const before = count(seen, 'GET', 'recon');
    // The seeded active run makes the list refresh every 10 s.
    await page.clock.fastForward(10_000);
    // Said while the console is still retrying (time flows on, so which retry it is depends on the
    // machine's speed; what matters is that it shows before the retries are over).
    const notice = page.getByRole('status').filter({ hasText: 'The tenant is not answering' });
    await expect(notice).toContainText(/retrying \([123]\)…/);
    await expect(notice).toContainText('Repository unavailable');
    await expect(notice).toContainText(/Stale: this page shows what the tenant answered at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(count(seen, 'GET', 'recon')).toBeGreaterThan(before);
    await expect(runs.getByRole('link', { name: /^Run \S+ of managedAlpha_user_systemLdapAccounts, / }).first()).toBeVisible();
    expect((await announcements(page)).some((text) => text.includes('retrying (1)… 500 Internal Server Error: Repository unavailable'))).toBe(true);

    await clearFaults(request);
    await page.clock.fastForward(30_000);
    await expect(notice).toBeHidden();
    await expect(runs.getByRole('link', { name: /^Run \S+ of managedAlpha_user_systemLdapAccounts, / }).first()).toBeVisible();
  });

  test('a malformed answer and a 4xx are shown at once and not asked again', async ({ page, request }) => {
    await page.clock.install();
    const seen = recordTenantRequests(page);
    await injectFault(request, { path: 'sync/mappings', exact: true, method: 'GET', status: 200, body: '<html>Gateway login</html>', times: 0 });
    await page.goto(`${paths.mappings}?pageSize=10`);
    await expect(page.getByRole('alert')).toContainText('answered with a body that is not JSON: <html>Gateway login</html>');
    await page.clock.fastForward(30_000);
    expect(count(seen, 'GET', 'sync/mappings')).toBe(1);

    await clearFaults(request);
    await injectFault(request, { path: 'sync/queue', exact: true, method: 'GET', status: 400, times: 0, message: 'Invalid filter' });
    await page.goto(paths.syncQueue);
    await expect(page.getByRole('alert')).toContainText('Invalid filter');
    await page.clock.fastForward(30_000);
    expect(count(seen, 'GET', 'sync/queue')).toBe(1);
  });

  test('a dropped connection is retried visibly and recovers', async ({ page, request }) => {
    await page.clock.install();
    await recordAnnouncements(page);
    // Until cleared: Chromium itself resends a request once when a reused connection drops.
    await injectFault(request, { path: 'sync/mappings', exact: true, method: 'GET', drop: true, times: 0 });
    await page.goto(`${paths.mappings}?pageSize=10`);
    // Said from the first failure, while the retry waits.
    await expect
      .poll(async () => (await announcements(page)).some((text) => /The tenant is not answering — retrying \(1\)… Could not reach the tenant/.test(text)))
      .toBe(true);
    await clearFaults(request);
    await page.clock.fastForward(10_000);
    await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(10);
    await expect(page.getByRole('status').filter({ hasText: 'The tenant is not answering' })).toBeHidden();
  });
});

test.describe('a soak', () => {
  test('a live run, the runs list and the auto-refreshing queue through eight minutes of 429, 503, no network and recovery', async ({ page, request }) => {
    // Eight minutes of page time in steps of the page's clock; the tenant's runs progress 10x.
    test.setTimeout(120_000);
    const STEP_MS = 4_000;
    const STEPS = 120;
    const context = page.context();
    await resetTenant(request, { timeScale: 10 });
    await context.addInitScript(() => {
      const rejections: string[] = [];
      (window as unknown as { __rejections: string[] }).__rejections = rejections;
      window.addEventListener('unhandledrejection', (event) => rejections.push(String(event.reason)));
    });
    await context.clock.install();
    const errors: string[] = [];
    let step: number;
    let inFlight = 0;
    // Page time (the clock runs on by itself too, more on a slow machine), read after every step.
    let pageNow = 0;
    let pageStart = 0;
    const perMinute = new Map<number, number>();
    context.on('request', (r) => {
      if (!new URL(r.url()).pathname.startsWith('/openidm/') || r.method() === 'OPTIONS') return;
      inFlight++;
      const minute = Math.floor((pageNow - pageStart) / 60_000);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    });
    const settled = (r: { url: () => string; method: () => string }) => {
      if (new URL(r.url()).pathname.startsWith('/openidm/') && r.method() !== 'OPTIONS') inFlight--;
    };
    context.on('requestfinished', settled);
    context.on('requestfailed', settled);

    const id = await launchElsewhere(request, LONG_MAPPING);
    const runPage = page;
    const listPage = await context.newPage();
    const queuePage = await context.newPage();
    for (const p of [listPage, queuePage]) p.on('pageerror', (error) => errors.push(error.message));
    await runPage.goto(paths.reconRun(id));
    await listPage.goto(paths.recon);
    await queuePage.goto(`${paths.syncQueue}?refresh=10`);
    await expect(runPage.getByRole('progressbar', { name: 'Source entries' })).toHaveAttribute('max', '48000');
    await expect(
      listPage
        .getByRole('table', { name: 'Reconciliation runs, newest first' })
        .getByRole('link', { name: new RegExp(`^Run \\S+ of ${LONG_MAPPING}, `) })
        .first(),
    ).toBeVisible();
    await expect(
      queueTable(queuePage)
        .getByRole('checkbox', { name: /^Select event / })
        .first(),
    ).toBeVisible();

    const cdp = await context.newCDPSession(runPage);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    let warmHeap = 0;
    pageStart = pageNow = await runPage.evaluate(() => Date.now());

    const phases: Record<number, () => Promise<void>> = {
      15: () =>
        injectFault(request, [
          { path: 'recon', method: 'GET', status: 429, retryAfter: '20', times: 0 },
          { path: 'sync/queue', method: 'GET', status: 429, retryAfter: '20', times: 0 },
        ]),
      30: () => clearFaults(request),
      45: () => injectFault(request, [{ path: '', method: 'GET', status: 503, times: 0 }]),
      60: () => clearFaults(request),
      75: () => context.setOffline(true),
      83: () => context.setOffline(false),
    };
    for (step = 0; step < STEPS; step++) {
      await phases[step]?.();
      await context.clock.runFor(STEP_MS);
      // Every request the step started has its answer before time moves on: no race with the machine's speed.
      await expect.poll(() => inFlight).toBe(0);
      pageNow = await runPage.evaluate(() => Date.now());
      if (step === 14) warmHeap = await heap();
    }

    // What changed on the tenant meanwhile shows: the run canceled elsewhere, an event gone.
    await cancelElsewhere(request, id);
    const [gone] = await tenantQueue(request, 'true', 1);
    await removeFromQueue(request, gone!._id);
    for (let i = 0; i < 4; i++) {
      await context.clock.runFor(STEP_MS);
      await expect.poll(() => inFlight).toBe(0);
    }
    await expect(statusBadge(runPage, 'Canceled')).toBeVisible();
    await expect(listPage.getByRole('row', { name: new RegExp(LONG_MAPPING) }).first()).toContainText('Canceled');
    await expect(queueTable(queuePage).getByRole('checkbox', { name: `Select event ${gone!._id}` })).toHaveCount(0);
    for (const p of [runPage, listPage, queuePage]) {
      await expect(p.getByRole('status').filter({ hasText: /not answering|asked the console to wait/ })).toHaveCount(0);
    }

    // No unhandled rejection, no page error, anywhere.
    for (const p of [runPage, listPage, queuePage]) {
      expect(await p.evaluate(() => (window as unknown as { __rejections: string[] }).__rejections)).toEqual([]);
    }
    expect(errors).toEqual([]);
    // Requests per minute within the polling plan (run page at most one a second, the list and the
    // queue every 10 s, and up to 20 for what the three pages load), and no growth after the faults.
    const counts = [...perMinute.entries()].sort(([a], [b]) => a - b).map(([, n]) => n);
    const plan = 60 + 6 + 6 + 20;
    for (const n of counts) expect(n).toBeLessThanOrEqual(plan);
    expect(counts.at(-2)!).toBeLessThanOrEqual(counts[0]! + 10);
    // Memory stable: after the faults, the heap is about what it was after the first minute.
    const endHeap = await heap();
    expect(endHeap).toBeLessThan(warmHeap * 1.5 + 2_000_000);
    console.log(`soak: requests per minute ${counts.join(', ')}; heap ${(warmHeap / 1e6).toFixed(1)} MB → ${(endHeap / 1e6).toFixed(1)} MB`);
  });
});
