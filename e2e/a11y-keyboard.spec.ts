/**
 * Keyboard only: after every step of every flow, the focus is on a sensible element (the control
 * used, the results, the heading, the dialog's summary), never on <body>. Requests the test must
 * catch mid-flight (a bulk delete, a cancel) are held by the test itself (page.route) and released
 * when it has looked: no sleeps, no race with the machine's load.
 */
import type { Page, Route } from '@playwright/test';
import { linkedCard, lookUp, pivotTrail, SEED_ACCOUNT, SEED_USER } from './helpers/linked-resources';
import { MAPPINGS_TABLE, tenantMappingNames } from './helpers/mappings';
import { launchDialog, launchElsewhere, LONG_MAPPING, QUICK_MAPPING, resetTenant, SEEDED_ACTIVE_MAPPING } from './helpers/recon';
import { QUEUE_TABLE, queueTable, tenantQueue } from './helpers/sync-queue';
import { tableRows } from './helpers/table';
import { expect, test } from './helpers/test';

/** The focused element is never <body> (checked beside each toBeFocused, which waits for its target). */
async function expectFocusNotOnBody(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true);
}

/** Holds every request matching `pattern` until `release()`; `held()` resolves once one is held. */
async function holdRequests(page: Page, pattern: string | RegExp, method: string) {
  const routes: Route[] = [];
  let heldOne: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (heldOne = resolve));
  let releasing = false;
  await page.route(pattern, async (route) => {
    if (route.request().method() !== method || releasing) return route.fallback();
    routes.push(route);
    heldOne();
  });
  return {
    held: () => first,
    release: async () => {
      releasing = true;
      await Promise.all(routes.splice(0).map((route) => route.fallback()));
    },
  };
}

test('mappings: filter by Enter and by Apply, Next and Previous keep the focus on the control used', async ({ page, request }) => {
  const managed = await tenantMappingNames(request, '/source sw "managed/"');
  expect(managed.length).toBeGreaterThan(10);
  await page.goto('/mappings?pageSize=10');
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(10);
  const pager = page.getByRole('navigation', { name: 'Mappings pages' });

  // Enter in the value field: the form is not rebuilt, the field keeps the focus.
  await page.getByLabel('Filter by').selectOption({ label: 'Source' });
  await page.getByLabel('Match').selectOption({ label: 'starts with' });
  const value = page.getByLabel('Value');
  await value.fill('managed/');
  await value.press('Enter');
  await expect(page).toHaveURL(/value=managed%2F/);
  await expect(pager.getByRole('paragraph')).toHaveText('Showing 1–10 · Page 1');
  await expect(value).toBeFocused();
  await expect(value).toHaveValue('managed/');
  await expectFocusNotOnBody(page);

  // Apply, by keyboard: the button keeps the focus.
  await value.fill('managedAlpha');
  const apply = page.getByRole('button', { name: 'Apply filter' });
  await apply.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/value=managedAlpha/);
  await expect(apply).toBeFocused();

  // Back to the wider filter, then page with the keyboard.
  await value.fill('managed/');
  await value.press('Enter');
  await expect(pager.getByRole('paragraph')).toHaveText('Showing 1–10 · Page 1');
  const next = pager.getByRole('button', { name: 'Next' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(pager.getByRole('paragraph')).toContainText('Showing 11–');
  await expect(next).toBeFocused();

  // Previous, to page 1, where Previous is unavailable: it keeps the focus all the same.
  const previous = pager.getByRole('button', { name: 'Previous' });
  await previous.focus();
  await page.keyboard.press('Enter');
  await expect(pager.getByRole('paragraph')).toHaveText('Showing 1–10 · Page 1');
  await expect(previous).toHaveAttribute('aria-disabled', 'true');
  await expect(previous).toBeFocused();
  // Unavailable means inert: Enter again goes nowhere.
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/page=/);
  await expect(previous).toBeFocused();
});

test('sync queue: filter by Enter, load more, delete one (opener gone), bulk delete during and after, the event dialog', async ({ page }) => {
  await page.goto('/sync-queue');
  await expect(tableRows(page, QUEUE_TABLE).first()).toBeVisible();

  const mapping = page.getByLabel('Mapping', { exact: true });
  await mapping.fill('managedAlpha_user_systemAdAccounts');
  await mapping.press('Enter');
  await expect(page).toHaveURL(/mapping=managedAlpha_user_systemAdAccounts/);
  await expect(page.getByText(/^\d+ events loaded/)).toBeVisible();
  await expect(mapping).toBeFocused();

  // Load more: the button keeps the focus while it loads and after.
  const more = page.getByRole('button', { name: /^(Load more events|Loading more events…)$/ });
  const loaded = page.getByText(/^\d+ events loaded/);
  const before = Number((await loaded.textContent())!.split(' ')[0]);
  await more.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => Number((await loaded.textContent())!.split(' ')[0])).toBeGreaterThan(before);
  await expect(more).toBeFocused();

  // The event dialog opens on Close and gives the focus back to the row's button (Escape and Close).
  const [first, second, third, fourth] = await tenantQueue(page.request, '/mapping eq "managedAlpha_user_systemAdAccounts"', 4);
  const openFirst = queueTable(page).getByRole('button', { name: first!._id, exact: true });
  await openFirst.focus();
  await page.keyboard.press('Enter');
  const eventDialog = page.getByRole('dialog', { name: 'Change carried by a queued event' });
  await expect(eventDialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(eventDialog).toBeHidden();
  await expect(openFirst).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(eventDialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(eventDialog).toBeHidden();
  await expect(openFirst).toBeFocused();

  // Delete one: the dialog opens on Cancel; Escape returns to the row's button.
  const deleteFirst = page.getByRole('button', { name: `Delete event ${first!._id}` });
  await deleteFirst.focus();
  await page.keyboard.press('Enter');
  const one = page.getByRole('dialog', { name: 'Delete queued event' });
  await expect(one.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(one).toBeHidden();
  await expect(deleteFirst).toBeFocused();
  // Confirmed: the row, the opener, is gone; the focus goes to the results (the table's region).
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(one.getByRole('button', { name: 'Delete event' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(one.getByRole('status')).toHaveText('Finished: 1 deleted, 0 already gone, 0 failed.');
  await expect(one.getByRole('status')).toBeFocused();
  await one.getByRole('button', { name: 'Close', exact: true }).press('Enter');
  await expect(one).toBeHidden();
  await expect(queueTable(page).getByText(first!._id)).toHaveCount(0);
  await expect(page.getByRole('region', { name: QUEUE_TABLE })).toBeFocused();

  // Bulk delete: select with Space, confirm; while the deletes are held the focus is on the
  // dialog's summary; after, still there; closing returns to "Delete selected", now unavailable.
  for (const event of [second!, third!, fourth!]) {
    const box = page.getByRole('checkbox', { name: `Select event ${event._id}` });
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  const deleteSelected = page.getByRole('button', { name: 'Delete selected (3)' });
  await deleteSelected.focus();
  await page.keyboard.press('Enter');
  const bulk = page.getByRole('dialog', { name: 'Delete 3 queued events' });
  await expect(bulk.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const deletes = await holdRequests(page, /\/openidm\/sync\/queue\//, 'DELETE');
  await page.keyboard.press('Shift+Tab');
  await expect(bulk.getByRole('button', { name: 'Delete 3 events' })).toBeFocused();
  await page.keyboard.press('Enter');
  await deletes.held();
  const summary = bulk.getByRole('status');
  await expect(summary).toHaveText('Deleting… 0 of 3 done.');
  await expect(summary).toBeFocused();
  await expect(bulk.getByRole('button', { name: 'Close', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await deletes.release();
  await expect(summary).toHaveText('Finished: 3 deleted, 0 already gone, 0 failed.');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(bulk.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bulk).toBeHidden();
  const emptied = page.getByRole('button', { name: 'Delete selected' });
  await expect(emptied).toHaveAttribute('aria-disabled', 'true');
  await expect(emptied).toBeFocused();
  await expectFocusNotOnBody(page);
});

test('recon: launch by id without an id is an alert and focuses the field; closing returns to the opener', async ({ page }) => {
  await page.goto('/recon');
  const opener = page.getByRole('button', { name: 'Launch a reconciliation…' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = launchDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Find by the start of its name').fill(LONG_MAPPING);
  await dialog.getByRole('radio', { name: new RegExp(`^${LONG_MAPPING} `) }).check();
  await dialog.getByRole('radio', { name: 'One source entry, by its id' }).check();
  await dialog.getByRole('button', { name: 'Launch' }).press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Enter the id of the source entry to reconcile.');
  const field = dialog.getByLabel('Source entry id');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  // Close by its button, then by Escape: each time the focus is back on the opener.
  await dialog.getByRole('button', { name: 'Close', exact: true }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('recon: confirming a cancel keeps the focus on the busy confirm button, then on the opener', async ({ page }) => {
  const id = await launchElsewhere(page.request, LONG_MAPPING);
  await page.goto(`/recon/${id}`);
  const opener = page.getByRole('button', { name: 'Cancel run' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Cancel this reconciliation?' });
  await expect(confirm.getByRole('button', { name: 'Keep it running' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(opener).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: 'Keep it running' })).toBeFocused();
  const cancels = await holdRequests(page, new RegExp(`/openidm/recon/${id}\\?_action=cancel`), 'POST');
  await page.keyboard.press('Shift+Tab');
  await expect(confirm.getByRole('button', { name: 'Cancel the run' })).toBeFocused();
  await page.keyboard.press('Enter');
  await cancels.held();
  const busy = confirm.getByRole('button', { name: 'Canceling…' });
  await expect(busy).toHaveAttribute('aria-disabled', 'true');
  await expect(busy).toBeFocused();
  await cancels.release();
  await expect(confirm).toBeHidden();
  // The opener, now "Canceling…" and unavailable, has the focus back.
  const canceling = page.getByRole('button', { name: 'Canceling…' });
  await expect(canceling).toHaveAttribute('aria-disabled', 'true');
  await expect(canceling).toBeFocused();
  await expectFocusNotOnBody(page);
});

// Both lists render only the rows in view; the confirmation is kept outside the rows.
for (const list of [
  { page: '/', name: 'overview', heading: 'Overview', region: 'Mappings in processing order, with their health' },
  { page: '/recon', name: 'runs list', heading: 'Reconciliation runs', region: 'Reconciliation runs, newest first' },
]) {
  test(`${list.name}: the cancel confirmation survives its row scrolling away; focus then goes to the heading`, async ({ page }) => {
    await page.goto(list.page);
    const region = page.getByRole('region', { name: list.region });
    const opener = page.getByRole('button', { name: `Cancel the run of ${SEEDED_ACTIVE_MAPPING}` });
    await expect(opener).toBeVisible();
    await opener.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Cancel this reconciliation?' });
    await expect(confirm.getByRole('button', { name: 'Keep it running' })).toBeFocused();

    // The rows behind the dialog scroll (as a poll or a resize can do): the row and its button go.
    await region.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(opener).toHaveCount(0);
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Keep it running' })).toBeFocused();

    // Closed with its opener gone: the page's heading, not <body>.
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: list.heading })).toBeFocused();

    // Scrolled back, the row's new button is where the focus returns.
    await region.evaluate((el) => el.scrollTo({ top: 0 }));
    await opener.focus();
    await page.keyboard.press('Enter');
    await expect(confirm.getByRole('button', { name: 'Keep it running' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(opener).toBeFocused();
  });
}

test('linked resources: a pivot and a trail step put the focus on the new results heading', async ({ page }) => {
  await page.goto('/linked-resources');
  await lookUp(page, SEED_USER);
  const results = page.getByRole('heading', { level: 2, name: new RegExp(`linked resources? for ${SEED_USER}`) });
  await expect(results).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show linked resources' })).toBeFocused();

  // A card's name: the link goes with its card; the new results' heading takes the focus.
  await linkedCard(page, SEED_ACCOUNT).getByRole('link', { name: SEED_ACCOUNT }).press('Enter');
  await expect(pivotTrail(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`linked resources? for ${SEED_ACCOUNT}`) })).toBeFocused();
  // The form followed the URL without being rebuilt.
  await expect(page.getByLabel('Resource path')).toHaveValue(SEED_ACCOUNT);

  // A trail step back: the trail goes, the results heading has the focus.
  await pivotTrail(page).getByRole('link', { name: SEED_USER }).press('Enter');
  await expect(pivotTrail(page)).toHaveCount(0);
  await expect(results).toBeFocused();
  await expectFocusNotOnBody(page);
});

test('reduced motion: an indeterminate progress bar stops moving', async ({ page }) => {
  // Runs a thousand times slower than real time: the run stays in its first stage, every total
  // unknown, for as long as the test looks.
  await resetTenant(page.request, { timeScale: 0.001 });
  const id = await launchElsewhere(page.request, QUICK_MAPPING);
  await page.goto(`/recon/${id}`);
  const bar = page.getByRole('progressbar', { name: 'Source entries: total not known yet' });
  await expect(bar).toBeVisible();
  const animation = () => bar.evaluate((el) => getComputedStyle(el).animationName);
  // Its style sheet comes with the page's chunk: asked until it has arrived.
  await expect.poll(animation).toBe('progress-indeterminate');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(animation).toBe('none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect.poll(animation).toBe('progress-indeterminate');
});
