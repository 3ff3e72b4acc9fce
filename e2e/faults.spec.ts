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
import { chooseMapping, launchElsewhere, listRuns, LONG_MAPPING, QUICK_MAPPING, resetTenant, statusBadge } from './helpers/recon';
import { queueTable } from './helpers/sync-queue';
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
    const first = queueTable(page).getByRole('checkbox', { name: /^Select event / }).first();
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
    const first = queueTable(page).getByRole('checkbox', { name: /^Select event / }).first();
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
    await expect(runs.getByRole('link', { name: 'managedAlpha_user_systemLdapAccounts', exact: true }).first()).toBeVisible();
    await injectFault(request, { path: 'recon', exact: true, method: 'GET', status: 500, times: 0, message: 'Repository unavailable' });
    const before = count(seen, 'GET', 'recon');
    // The seeded active run makes the list refresh every 10 s.
    await page.clock.fastForward(10_000);
    // Said while the console is still retrying (time flows on, so which retry it is depends on the
    // machine's speed; what matters is that it shows before the retries are over).
    const notice = page.getByRole('status').filter({ hasText: 'The tenant is not answering' });
    await expect(notice).toContainText(/retrying \([123]\)…/);
    await expect(notice).toContainText('Repository unavailable');
    await expect(notice).toContainText(/Stale: this page shows what the tenant answered at \d\d:\d\d:\d\d/);
    expect(count(seen, 'GET', 'recon')).toBeGreaterThan(before);
    await expect(runs.getByRole('link', { name: 'managedAlpha_user_systemLdapAccounts', exact: true }).first()).toBeVisible();
    expect((await announcements(page)).some((text) => text.includes('retrying (1)… 500 Internal Server Error: Repository unavailable'))).toBe(true);

    await clearFaults(request);
    await page.clock.fastForward(30_000);
    await expect(notice).toBeHidden();
    await expect(runs.getByRole('link', { name: 'managedAlpha_user_systemLdapAccounts', exact: true }).first()).toBeVisible();
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
