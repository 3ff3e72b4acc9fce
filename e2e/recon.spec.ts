/**
 * Reconciliation runs, as an administrator uses them: launch and watch a run to the end, launch one
 * entry by id, cancel a long run, be stopped from launching a mapping that is already running, see
 * the server's errors, reload in the middle of a run, and all of it accessible.
 */
import { paths } from '../src/config/paths';
import {
  cancelElsewhere,
  chooseMapping,
  launchDialog,
  launchElsewhere,
  listRuns,
  LONG_MAPPING,
  QUICK_MAPPING,
  resetTenant,
  SEEDED_ACTIVE_MAPPING,
  statusBadge,
} from './helpers/recon';
import { expect, expectNoAxeViolations, mockTenantUrl, recordRequests, test } from './helpers/test';

test('launch a full run and watch it reach success, with its situation chart', async ({ page, request }) => {
  await resetTenant(request, { timeScale: 2 });
  const launches = recordRequests(page, '/openidm/recon');
  await page.goto(paths.recon);
  const dialog = await chooseMapping(page, QUICK_MAPPING);
  await dialog.getByRole('button', { name: 'Launch' }).click();
  await expect(dialog).toBeHidden();
  expect(launches.filter((q) => q.get('_action')).map((q) => q.toString())).toEqual([`_action=recon&mapping=${QUICK_MAPPING}`]);

  // The new run is in the list at once, active.
  const firstRow = page.getByRole('table', { name: 'Reconciliation runs, newest first' }).locator('tbody').getByRole('row').first();
  await expect(firstRow.getByRole('link', { name: new RegExp(`^Run \\S+ of ${QUICK_MAPPING}, running$`) })).toHaveText(QUICK_MAPPING);
  await page.getByRole('link', { name: 'Follow the run' }).click();

  await expect(page.getByRole('heading', { name: `Run of ${QUICK_MAPPING}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'finished' })).toHaveText(`The reconciliation of ${QUICK_MAPPING} finished: succeeded.`, {
    timeout: 15_000,
  });
  await expect(statusBadge(page, 'Succeeded')).toBeVisible();
  await expect(page.getByText('reconciliation completed.')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Source entries' })).toHaveAttribute('value', '120');
  const chart = page.getByRole('table', { name: 'Situations found' });
  await expect(chart.getByRole('row')).toHaveCount(14);
  await expect(chart.getByRole('row', { name: /^ABSENT/ })).toContainText('No link and no correlating target entry');
});

for (const profile of ['aic', 'self-managed'] as const) {
  test(`launch one source entry by id (${profile}): sends ids, which the engine reads, and id, which the docs show`, async ({ page, request }) => {
    await resetTenant(request, { timeScale: 2, profile });
    const launches = recordRequests(page, '/openidm/recon');
    await page.goto(paths.recon);
    const dialog = await chooseMapping(page, QUICK_MAPPING);
    await dialog.getByRole('radio', { name: 'One source entry, by its id' }).check();
    await dialog.getByLabel('Source entry id').fill('emp-0042');
    await dialog.getByRole('button', { name: 'Launch' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Started a reconciliation' })).toContainText(`${QUICK_MAPPING} for source entry emp-0042`);
    expect(launches.filter((q) => q.get('_action')).map((q) => Object.fromEntries(q))).toEqual([
      { _action: 'reconById', mapping: QUICK_MAPPING, id: 'emp-0042', ids: 'emp-0042' },
    ]);
    await page.getByRole('link', { name: 'Follow the run' }).click();
    await expect(statusBadge(page, 'Succeeded')).toBeVisible({ timeout: 15_000 });
    const source = page.getByRole('progressbar', { name: 'Source entries' });
    await expect(source).toHaveAttribute('value', '1');
    await expect(source).toHaveAttribute('max', '1');
    await expect(page.getByRole('definition').filter({ hasText: '"emp-0042"' })).toBeVisible();
  });
}

test('keep a per-record report, then see which records failed and why', async ({ page, request }) => {
  await resetTenant(request, { timeScale: 2 });
  const launches = recordRequests(page, '/openidm/recon');
  await page.goto(paths.recon);
  const dialog = await chooseMapping(page, QUICK_MAPPING);
  await dialog.getByRole('radio', { name: /^Keep a per-record report/ }).check();
  await dialog.getByRole('button', { name: 'Launch' }).click();
  expect(launches.filter((q) => q.get('_action')).map((q) => q.toString())).toEqual([`_action=recon&mapping=${QUICK_MAPPING}&persistAssociations=true`]);
  await page.getByRole('link', { name: 'Follow the run' }).click();
  await expect(statusBadge(page, 'Succeeded')).toBeVisible({ timeout: 15_000 });

  // Every record, 50 at a time.
  const records = page.getByRole('table', { name: 'Records of this run' });
  await expect(records.getByRole('row')).toHaveCount(51);
  const runId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const run = (await (await request.get(`${mockTenantUrl}/openidm/recon/${runId}`)).json()) as { statusSummary: { FAILURE: number } };
  expect(run.statusSummary.FAILURE).toBeGreaterThan(0);

  // From the failure count straight to the failed records, each with the server's reason.
  await page.getByRole('link', { name: 'See which records failed' }).click();
  await expect(page).toHaveURL(/\?status=FAILURE#records$/);
  await expect(page.getByRole('heading', { name: 'Records', exact: true })).toBeInViewport();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('FAILURE');
  await expect(records.getByRole('row')).toHaveCount(run.statusSummary.FAILURE + 1);
  for (const row of await records
    .getByRole('row')
    .all()
    .then((rows) => rows.slice(1))) {
    await expect(row).toContainText(/FAILURE.*Situation [A-Z_]+ marked as EXCEPTION/);
  }
  const source = records.getByRole('row').nth(1).getByRole('link').first();
  await expect(source).toHaveAttribute('href', /^\/linked-resources\?resourceName=system%2Fhrdb%2Femployee%2F/);
  await expectNoAxeViolations(page);

  // The view is a URL: reload keeps the filter.
  await page.reload();
  await expect(records.getByRole('row')).toHaveCount(run.statusSummary.FAILURE + 1);

  // Each situation's count leads to its records.
  await page
    .getByRole('table', { name: 'Situations found' })
    .getByRole('link', { name: /ABSENT: show these records$/ })
    .click();
  await expect(page.getByRole('combobox', { name: 'Situation' })).toHaveValue('ABSENT');
  await expect(records.getByRole('row').nth(1)).toContainText(/ABSENT\s*CREATE\s*SUCCESS/);

  // The runs list marks the run as one with a report, and leads back to its records.
  await page.getByRole('link', { name: 'All reconciliation runs' }).click();
  const newest = page.getByRole('table', { name: 'Reconciliation runs, newest first' }).locator('tbody tr[data-index]').first();
  await newest.getByRole('link', { name: /^Per-record report of the run of / }).click();
  await expect(page).toHaveURL(new RegExp(`/recon/${runId}#records$`));
  await expect(records.getByRole('row')).toHaveCount(51);
});

test('cancel a long run: confirm, one request, canceling, then canceled', async ({ page, request }) => {
  const id = await launchElsewhere(request, LONG_MAPPING);
  const cancels = recordRequests(page, `/openidm/recon/${id}`);
  await page.goto(paths.reconRun(id));
  await expect(page.getByRole('progressbar', { name: 'Source entries' })).toHaveAttribute('max', '48000');

  await page.getByRole('button', { name: 'Cancel run' }).click();
  const confirm = page.getByRole('dialog', { name: 'Cancel this reconciliation?' });
  await expect(confirm.getByRole('button', { name: 'Keep it running' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel the run' }).dblclick();
  await expect(confirm).toBeHidden();
  await expect(statusBadge(page, 'Canceling')).toBeVisible();
  // Exact: the run page's live region also says the stage ("Stage: aborting reconciling.").
  await expect(page.getByText('aborting reconciling', { exact: true })).toBeVisible();
  await expect(statusBadge(page, 'Canceled')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('reconciliation aborted.')).toBeVisible();
  expect(cancels.filter((q) => q.get('_action') === 'cancel')).toHaveLength(1);
});

test('the launch dialog says so when the mapping already has an active run', async ({ page }) => {
  await page.goto(paths.recon);
  const dialog = await chooseMapping(page, SEEDED_ACTIVE_MAPPING);
  await expect(dialog.getByRole('alert')).toContainText(`${SEEDED_ACTIVE_MAPPING} already has a run in progress`);
  await expect(dialog.getByRole('button', { name: 'Launch' })).toBeDisabled();
  await dialog.getByRole('link', { name: 'See that run' }).click();
  await expect(page.getByRole('heading', { name: `Run of ${SEEDED_ACTIVE_MAPPING}` })).toBeVisible();
});

test("the server's errors are shown: a refused launch and an unknown run", async ({ page, request }) => {
  // No run active, so nothing polls: the console cannot know of a run started elsewhere.
  const active = (await listRuns(request)).find((run) => run.state === 'ACTIVE')!;
  await cancelElsewhere(request, active._id);
  await expect.poll(async () => (await listRuns(request)).filter((run) => run.state === 'ACTIVE').length).toBe(0);

  await page.goto(paths.recon);
  const dialog = await chooseMapping(page, QUICK_MAPPING);
  await launchElsewhere(request, QUICK_MAPPING);
  await dialog.getByRole('button', { name: 'Launch' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The reconciliation could not be launched');
  await expect(alert).toContainText(`A reconciliation of mapping ${QUICK_MAPPING} is already running`);
  await expect(alert).toContainText('Conflict');
  await page.keyboard.press('Escape');
  await expect(launchDialog(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Launch a reconciliation…' })).toBeFocused();

  await page.goto(paths.reconRun('no-such-run'));
  await expect(page.getByRole('alert')).toContainText('Reconciliation with id no-such-run not found.');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('reloading during a run resumes its progress from the server', async ({ page, request }) => {
  const id = await launchElsewhere(request, LONG_MAPPING);
  await page.goto(paths.reconRun(id));
  const source = page.getByRole('progressbar', { name: 'Source entries' });
  await expect.poll(async () => Number(await source.getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(0);
  const before = Number(await source.getAttribute('value'));
  await page.reload();
  await expect(source).toBeVisible();
  expect(Number(await source.getAttribute('value'))).toBeGreaterThanOrEqual(before);
  await expect.poll(async () => Number(await source.getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(before + 80);
  await expect(page.getByText(/^\d+ entries\/s$/)).toBeVisible();
});

test('hundreds of runs: the table keeps only the rows in view in the page', async ({ page, request }) => {
  await resetTenant(request, { reconHistory: 800 });
  await page.goto(paths.recon);
  await expect(page.getByText(/^802 runs/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Reconciliation runs, newest first' });
  await expect(table).toHaveAttribute('aria-rowcount', '803');
  expect(await table.locator('tbody').getByRole('row').count()).toBeLessThan(60);
  await page.getByRole('region', { name: 'Reconciliation runs, newest first' }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(table.locator('tbody').getByRole('row').last()).toHaveAttribute('aria-rowindex', '803');
});

test('both pages pass an accessibility scan', async ({ page, request }) => {
  await page.goto(paths.recon);
  await expect(page.getByRole('table', { name: 'Reconciliation runs, newest first' })).toBeVisible();
  await expectNoAxeViolations(page);
  await chooseMapping(page, QUICK_MAPPING);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');

  const runs = await listRuns(request);
  const finished = runs.find((run) => run.state === 'SUCCESS')!;
  await page.goto(paths.reconRun(finished._id));
  await expect(page.getByRole('table', { name: 'Situations found' })).toBeVisible();
  await expectNoAxeViolations(page);

  const active = runs.find((run) => run.state === 'ACTIVE')!;
  await page.goto(paths.reconRun(active._id));
  await expect(page.getByRole('progressbar', { name: 'Source entries' })).toBeVisible();
  await expectNoAxeViolations(page);
});
