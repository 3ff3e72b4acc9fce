/**
 * The sync queue as an operator uses it: filter it and page through it by the server's cursor,
 * delete one event and several (one of them already gone), markup shown as text, accessible; and,
 * on both kinds of server (AIC, self-managed with a JDBC repository), open one event to see the
 * change it carries, and page to the end and after deletions without losing or repeating events.
 */
import { paths } from '../src/config/paths';
import {
  exportedEventIds,
  QUEUE_SERVER_PROFILES,
  QUEUE_TABLE,
  queueScroller,
  queueTable,
  removeFromQueue,
  scrollQueueToEnd,
  tenantEvent,
  tenantQueue,
  useServerProfile,
} from './helpers/sync-queue';
import { tableRows } from './helpers/table';
import { expect, expectNoAxeViolations, recordRequests, test } from './helpers/test';

test('filter the queue and page through it', async ({ page }) => {
  const queries = recordRequests(page, '/openidm/sync/queue');
  await page.goto(paths.syncQueue);
  await expect(tableRows(page, QUEUE_TABLE).first()).toBeVisible();
  await expect(page.getByText(/100 events loaded\. More are queued; the server does not say how many\./)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Mapping').fill('managedAlpha_user_systemServicenowUsers');
  await page.getByLabel('State').selectOption('ACQUIRED');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page).toHaveURL(/\/sync-queue\?mapping=managedAlpha_user_systemServicenowUsers&state=ACQUIRED$/);
  await expect.poll(() => queries.at(-1)?.get('_queryFilter')).toBe('/mapping eq "managedAlpha_user_systemServicenowUsers" and /state eq "ACQUIRED"');
  await expect(queueTable(page).getByText('PENDING')).toHaveCount(0);
  await expect(queueTable(page).getByText('Possibly stuck').first()).toBeVisible();

  // Scrolling to the end asks for the next page with the server's cursor.
  await scrollQueueToEnd(page);
  await expect(page.getByText(/^\d+ events loaded/)).not.toHaveText(/^100 events/);
  const paged = queries.filter((q) => q.has('_pagedResultsCookie'));
  expect(paged.length).toBeGreaterThan(0);
  expect(paged[0]!.get('_queryFilter')).toBe('/mapping eq "managedAlpha_user_systemServicenowUsers" and /state eq "ACQUIRED"');
  expect(queries.every((q) => q.get('_pageSize') === '100')).toBe(true);

  // Reload keeps the view; the filter form shows it.
  await page.reload();
  await expect(page.getByLabel('State')).toHaveValue('ACQUIRED');
  await expect(page.getByLabel('Mapping')).toHaveValue('managedAlpha_user_systemServicenowUsers');

  // "Remaining retries below" narrows further; an empty result says so and offers to clear.
  await page.getByLabel('Remaining retries below').fill('0');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByRole('heading', { name: 'No queued events match these filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await expect(page).toHaveURL(/\/sync-queue$/);
  await expect(tableRows(page, QUEUE_TABLE).first()).toBeVisible();
});

test('load more by button, with a bound on what stays in memory', async ({ page }) => {
  await page.goto(paths.syncQueue);
  const loadMore = page.getByRole('button', { name: 'Load more events' });
  for (let loaded = 200; loaded <= 1000; loaded += 100) {
    await loadMore.click();
    await expect(page.getByText(new RegExp(`^${loaded} events loaded`))).toBeVisible();
  }
  // The eleventh page pushes the first one out of memory.
  await loadMore.click();
  await expect(page.getByText(/^1000 events loaded \(earlier ones released from memory\)/)).toBeVisible();
  // The first page comes back with the cursor remembered for it; the last one makes room.
  const queries = recordRequests(page, '/openidm/sync/queue');
  await page.getByRole('button', { name: 'Load earlier events' }).click();
  await expect(page.getByText(/^1000 events loaded\. More are queued/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load earlier events' })).toHaveCount(0);
  expect(queries.map((q) => q.has('_pagedResultsCookie'))).toEqual([false]);
});

test('infinite scroll past the memory bound keeps the reader in place', async ({ page, request }) => {
  // The thousandth event: the last row on screen once ten pages are loaded and scrolled to the end.
  const firstEvents = await tenantQueue(request, 'true', 1000);
  const firstId = firstEvents[0]!._id;
  const lastId = firstEvents[999]!._id;
  // Tall enough for the whole scrolling table to be on screen.
  await page.setViewportSize({ width: 1400, height: 1200 });
  await page.goto(paths.syncQueue);
  await expect(tableRows(page, QUEUE_TABLE).first()).toBeVisible();
  for (let loaded = 200; loaded <= 1000; loaded += 100) {
    await scrollQueueToEnd(page);
    await expect(page.getByText(new RegExp(`^${loaded} events loaded`))).toBeVisible();
  }
  await scrollQueueToEnd(page);
  await expect(page.getByText(/^1000 events loaded \(earlier ones released from memory\)/)).toBeVisible();
  // The first page left memory, but the rows the reader was looking at did not move away.
  await expect(queueTable(page).getByText(lastId, { exact: true })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Load earlier events' })).toBeVisible();
  // The released rows keep their place: the reader's row is still the thousandth of the list.
  await expect(queueTable(page).getByRole('row', { name: new RegExp(lastId) })).toHaveAttribute('aria-rowindex', '1001');

  // Scrolling back to the top brings the first events back from the server, by their cursor.
  const queries = recordRequests(page, '/openidm/sync/queue');
  await queueScroller(page).evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(queueTable(page).getByText(firstId, { exact: true })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Load earlier events' })).toHaveCount(0);
  expect(queries.map((q) => q.has('_pagedResultsCookie'))).toEqual([false]);
});

test('delete one event, then several with one already gone', async ({ page, request }) => {
  const deletes = recordRequests(page, '/openidm/sync/queue/');
  await page.goto(`${paths.syncQueue}?mapping=managedAlpha_user_systemAdAccounts`);
  await expect(tableRows(page, QUEUE_TABLE).first()).toBeVisible();
  const [first, second, third, fourth] = await tenantQueue(request, '/mapping eq "managedAlpha_user_systemAdAccounts"', 4);

  // One, after a confirmation that names it; Escape first, which deletes nothing.
  await page.getByRole('button', { name: `Delete event ${first!._id}` }).click();
  let dialog = page.getByRole('dialog', { name: 'Delete queued event' });
  await expect(dialog).toContainText(first!._id);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(deletes).toHaveLength(0);

  await page.getByRole('button', { name: `Delete event ${first!._id}` }).click();
  dialog = page.getByRole('dialog', { name: 'Delete queued event' });
  await dialog.getByRole('button', { name: 'Delete event' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Finished: 1 deleted, 0 already gone, 0 failed.');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(queueTable(page).getByText(first!._id)).toHaveCount(0);
  expect(deletes).toHaveLength(1);

  // Several, one of which a node processed in the meantime.
  for (const event of [second!, third!, fourth!]) await page.getByRole('checkbox', { name: `Select event ${event._id}` }).check();
  await expect(page.getByText('3 selected')).toBeVisible();
  await removeFromQueue(request, third!._id);
  await page.getByRole('button', { name: 'Delete selected (3)' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete 3 queued events' });
  for (const event of [second!, third!, fourth!]) await expect(dialog).toContainText(event._id);
  await dialog.getByRole('button', { name: 'Delete 3 events' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Finished: 2 deleted, 1 already gone, 0 failed.');
  const results = dialog.getByRole('table', { name: 'Result per event' });
  await expect(results.getByRole('row', { name: new RegExp(third!._id) })).toContainText('Already gone');
  await expect(results.getByRole('row', { name: new RegExp(second!._id) })).toContainText('Deleted');
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('value', '3');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByText('None selected')).toBeVisible();
  for (const event of [second!, third!, fourth!]) await expect(queueTable(page).getByText(event._id)).toHaveCount(0);
  // Each event was sent once: 1 + 3 deletes.
  expect(deletes).toHaveLength(4);
});

test('markup in a queued event shows as text', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', () => dialogs++);
  await page.goto(`${paths.syncQueue}?resourceId=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  await expect(queueTable(page).getByText('managed/alpha_user/<img src=x onerror=alert(1)>')).toBeVisible();
  await expect(page.getByLabel('Resource id')).toHaveValue('<img src=x onerror=alert(1)>');
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('auto-refresh is off until chosen, and then says how often', async ({ page }) => {
  const queries = recordRequests(page, '/openidm/sync/queue');
  await page.goto(paths.syncQueue);
  await expect(page.getByLabel('Auto-refresh')).toHaveValue('0');
  await expect(tableRows(page, QUEUE_TABLE).first()).toBeVisible();
  const before = queries.length;
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect.poll(() => queries.length).toBeGreaterThan(before);
  await page.getByLabel('Auto-refresh').selectOption('10');
  await expect(page).toHaveURL(/refresh=10/);
  await expect(page.getByText(/refreshing every 10 s/)).toBeVisible();
});

for (const profile of QUEUE_SERVER_PROFILES) {
  test.describe(`on a ${profile} server`, () => {
    test('the list asks only for what it shows; one event opens with its old and new values side by side', async ({ page, request }) => {
      await useServerProfile(request, profile);
      const queries = recordRequests(page, '/openidm/sync/queue');
      await page.goto(`${paths.syncQueue}?action=notifyUpdate`);
      await expect(tableRows(page, QUEUE_TABLE).first()).toBeVisible();
      expect(queries[0]!.get('_fields')).toBe('_id,_rev,mapping,resourceId,syncAction,state,resourceCollection,nodeId,createDate,remainingRetries');

      const [first] = await tenantQueue(request, '/syncAction eq "notifyUpdate"', 1);
      const { oldObject, newObject } = await tenantEvent(request, first!._id);
      const changed = Object.keys(newObject!).filter((k) => JSON.stringify(newObject![k]) !== JSON.stringify(oldObject![k]));
      const before = queries.length;
      await queueTable(page).getByRole('button', { name: first!._id, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Change carried by a queued event' });
      await expect(dialog.getByText(`${changed.length} of ${Object.keys(newObject!).length} attributes changed.`)).toBeVisible();
      // Fetched on demand, for this event only.
      expect(queries.slice(before).map((q) => q.get('_queryFilter'))).toEqual([`/_id eq "${first!._id}"`]);
      const values = dialog.getByRole('table', { name: 'Old and new values of each attribute' });
      await expect(values.getByRole('rowheader')).toHaveText(changed.map((name) => `${name}Changed`));
      await expectNoAxeViolations(page);

      // The open event is part of the URL: a reload shows it again.
      await expect(page).toHaveURL(new RegExp(`event=${first!._id}`));
      await page.reload();
      await expect(dialog.getByText(`${changed.length} of ${Object.keys(newObject!).length} attributes changed.`)).toBeVisible();
      await dialog.getByRole('checkbox', { name: 'Only changed attributes' }).uncheck();
      await expect(values.getByRole('rowheader')).toHaveCount(Object.keys(newObject!).length);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page).not.toHaveURL(/event=/);
    });

    test('a last page that is exactly full ends the list quietly', async ({ page, request }) => {
      await useServerProfile(request, profile);
      const filter = '/mapping eq "managedAlpha_user_systemServicenowUsers" and /state eq "ACQUIRED"';
      const matching = await tenantQueue(request, filter, 10_000);
      const full = Math.floor(matching.length / 100) * 100;
      expect(full).toBeGreaterThanOrEqual(100);
      for (const event of matching.slice(full)) await removeFromQueue(request, event._id);
      const queries = recordRequests(page, '/openidm/sync/queue');
      await page.goto(`${paths.syncQueue}?mapping=managedAlpha_user_systemServicenowUsers&state=ACQUIRED`);
      await expect(tableRows(page, QUEUE_TABLE).first()).toBeVisible();
      for (let loaded = 200; loaded <= full; loaded += 100) {
        await page.getByRole('button', { name: 'Load more events' }).click();
        await expect(page.getByText(new RegExp(`^${loaded} events loaded`))).toBeVisible();
      }
      if (profile === 'self-managed') {
        // The JDBC server hands out one more cookie; the empty page it leads to is the end.
        await expect(page.getByText(new RegExp(`^${full} events loaded\\. More are queued`))).toBeVisible();
        await page.getByRole('button', { name: 'Load more events' }).click();
      }
      await expect(page.getByText(new RegExp(`^${full} events loaded\\. This is the end of the queue\\.`))).toBeVisible();
      await expect(page.getByRole('button', { name: /Load more events/ })).toHaveCount(0);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(queueTable(page).getByText(/could not be read/)).toHaveCount(0);
      expect(queries.filter((q) => q.has('_pagedResultsCookie')).map((q) => q.get('_pagedResultsCookie'))).toHaveLength(
        profile === 'self-managed' ? full / 100 : full / 100 - 1,
      );
      expect(await exportedEventIds(page)).toEqual(matching.slice(0, full).map((e) => e._id));
    });

    test('after deleting events, paging on neither skips nor repeats any', async ({ page, request }) => {
      await useServerProfile(request, profile);
      await page.goto(paths.syncQueue);
      await expect(tableRows(page, QUEUE_TABLE).first()).toBeVisible();
      await page.getByRole('button', { name: 'Load more events' }).click();
      await expect(page.getByText(/^200 events loaded/)).toBeVisible();
      const loaded = await tenantQueue(request, 'true', 200);
      const doomed = [loaded[0]!, loaded[2]!, loaded[4]!];
      for (const event of doomed) await page.getByRole('checkbox', { name: `Select event ${event._id}` }).check();
      await page.getByRole('button', { name: 'Delete selected (3)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete 3 queued events' });
      await dialog.getByRole('button', { name: 'Delete 3 events' }).click();
      await expect(dialog.getByRole('status')).toHaveText('Finished: 3 deleted, 0 already gone, 0 failed.');
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await page.getByRole('button', { name: 'Load more events' }).click();
      // 297 when "load more" overtook the refetch that follows a deletion, 300 when it came after.
      await expect(page.getByText(/^(297|300) events loaded\. More are queued/)).toBeVisible();
      await expect(queueTable(page)).toHaveAttribute('aria-busy', 'false');
      // Whatever the refetch and "load more" did in between, what is loaded is the queue's head, in order.
      const ids = await exportedEventIds(page);
      expect(ids.length).toBeGreaterThanOrEqual(297);
      expect(ids).toEqual((await tenantQueue(request, 'true', ids.length)).map((e) => e._id));
    });
  });
}
