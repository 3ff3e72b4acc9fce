import { applyAdvancedFilter, applySimpleFilter, MAPPINGS_TABLE, tenantMappingNames } from './helpers/mappings';
import { columnTexts, tableRows } from './helpers/table';
import { expect, expectNoAxeViolations, recordRequests, test } from './helpers/test';

const names = (page: Parameters<typeof columnTexts>[0]) => columnTexts(page, MAPPINGS_TABLE, 'Name');
const status = (page: Parameters<typeof columnTexts>[0]) => page.getByRole('navigation', { name: 'Mappings pages' }).getByRole('paragraph');

test('lists every mapping in processing order, paging forward and back by the server cookie', async ({ page, request }) => {
  const all = await tenantMappingNames(request);
  expect(all.length).toBeGreaterThanOrEqual(60);
  const sent = recordRequests(page, '/openidm/sync/mappings');

  await page.goto('/mappings');
  await expect(page).toHaveTitle('Mappings · IDM Sync Console');
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);
  await expect.poll(() => names(page)).toEqual(all.slice(0, 50));
  // The server's total is the size of the page: the console does not pretend to know more.
  await expect(status(page)).toHaveText('Showing 1–50 · Page 1');

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(new RegExp(`page=2&cookie=${all[50]}`));
  await expect(status(page)).toHaveText(`Showing 51–${all.length} of ${all.length} · Page 2 of 2`);
  await expect.poll(() => names(page)).toEqual(all.slice(50));
  expect(sent.at(-1)!.get('_pagedResultsCookie')).toBe(all[50]);
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();

  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(status(page)).toHaveText('Showing 1–50 · Page 1');
  await expect.poll(() => names(page)).toEqual(all.slice(0, 50));

  // Forward again: the remembered cookie is used, not an offset.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(status(page)).toContainText('Page 2 of 2');
  expect(sent.at(-1)!.get('_pagedResultsCookie')).toBe(all[50]);
  expect(sent.at(-1)!.has('_pagedResultsOffset')).toBe(false);

  await page.goBack();
  await expect(status(page)).toHaveText('Showing 1–50 · Page 1');
  await page.goForward();
  await expect(status(page)).toContainText('Page 2 of 2');
});

test('goes to page N by offset, and changes the page size', async ({ page, request }) => {
  const all = await tenantMappingNames(request);
  const sent = recordRequests(page, '/openidm/sync/mappings');
  await page.goto('/mappings');
  await page.getByLabel('Page size').selectOption('10');
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(10);
  await expect(page).toHaveURL(/pageSize=10/);
  expect(sent.at(-1)!.get('_pageSize')).toBe('10');

  await page.getByLabel('Go to page').fill('4');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(status(page)).toHaveText('Showing 31–40 · Page 4');
  expect(sent.at(-1)!.get('_pagedResultsOffset')).toBe('30');
  await expect.poll(() => names(page)).toEqual(all.slice(30, 40));
  await expect.poll(() => columnTexts(page, MAPPINGS_TABLE, '#')).toEqual(Array.from({ length: 10 }, (_, i) => String(31 + i)));

  // Next from an offset page follows the cookie the server gave with it.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(status(page)).toHaveText('Showing 41–50 · Page 5');
  expect(sent.at(-1)!.get('_pagedResultsCookie')).toBe(all[40]);

  await page.getByLabel('Go to page').fill('99');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Page 99 is past the end of the list' })).toBeVisible();
  await page.getByRole('button', { name: 'Go to the first page' }).click();
  await expect(status(page)).toHaveText('Showing 1–10 · Page 1');
});

test('filters by source, escaping a value with a quote, and by name prefix', async ({ page, request }) => {
  const sent = recordRequests(page, '/openidm/sync/mappings');
  await page.goto('/mappings');
  await applySimpleFilter(page, 'Source', 'equals', 'source1');
  await expect.poll(() => names(page)).toEqual(['mapping1', 'mapping4', 'mapping7']);
  await expect(status(page)).toHaveText('Showing 1–3 of 3 · Page 1 of 1');
  expect(sent.at(-1)!.get('_queryFilter')).toBe('/source eq "source1"');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy the request for this page as curl' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain(`--header 'Accept-API-Version: resource=1.0'`);
  expect(curl).toContain('/openidm/sync/mappings?_queryFilter=%2Fsource+eq+%22source1%22&_pageSize=50');
  expect(curl).toContain('Bearer <access-token>');

  await applySimpleFilter(page, 'Source', 'starts with', "system/csv_o'neil");
  await expect.poll(() => sent.at(-1)?.get('_queryFilter')).toBe(`/source sw "system/csv_o'neil"`);
  await expect.poll(() => names(page)).toEqual(await tenantMappingNames(request, `/source sw "system/csv_o'neil"`));
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(2);

  await applySimpleFilter(page, 'Name', 'starts with', 'managedBravo_user_');
  const expected = await tenantMappingNames(request, '/name sw "managedBravo_user_"');
  expect(expected.length).toBeGreaterThan(5);
  await expect.poll(() => names(page)).toEqual(expected);
});

test('no match is its own state, with a way to clear the filters', async ({ page }) => {
  await page.goto('/mappings');
  await applySimpleFilter(page, 'Target', 'equals', 'system/nowhere/"quoted"\\');
  await expect(page.getByRole('heading', { name: 'No mappings match these filters' })).toBeVisible();
  await expect(page.getByText('/target eq "system/nowhere/\\"quoted\\"\\\\"')).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Clear filters' }).click();
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);
  await expect(page).toHaveURL(/\/mappings$/);
});

test('a bad advanced filter is refused before it is sent, pointing at the problem', async ({ page }) => {
  await page.goto('/mappings');
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);
  const sent = recordRequests(page, '/openidm/sync/mappings');
  await applyAdvancedFilter(page, '/source eq managed/user');
  const input = page.getByLabel('Query filter');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('Expected a value after "eq" but found managed/user: put text in quotes');
  await expect(page.getByRole('alert')).toContainText('at character 12');
  expect(sent).toHaveLength(0);
  await expect(input).toHaveValue('/source eq managed/user');

  // Corrected, it goes through.
  await input.fill('/source eq "managed/user" or /name sw "mapping1"');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(tableRows(page, MAPPINGS_TABLE)).not.toHaveCount(50);
  expect(sent.at(-1)!.get('_queryFilter')).toBe('/source eq "managed/user" or /name sw "mapping1"');
  await expect.poll(() => names(page)).toEqual(['managedUser_systemLdapAccounts', 'mapping1']);
});

test("the server's 400 is shown with its message, code and reason, keeping what was typed", async ({ page }) => {
  await page.goto('/mappings');
  // A well-formed filter with an operator this server does not support: only the server can refuse it.
  await applyAdvancedFilter(page, '/name regex "^map"');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The mappings could not be loaded');
  await expect(alert).toContainText(`Invalid query filter 'regex': unsupported operator`);
  await expect(alert).toContainText('400');
  await expect(alert).toContainText('Bad Request');
  await expect(page.getByLabel('Query filter')).toHaveValue('/name regex "^map"');
  await expectNoAxeViolations(page);
});

test('reload and a shared link return to the same view', async ({ page, request }) => {
  await page.goto('/mappings');
  await applySimpleFilter(page, 'Source', 'starts with', 'managed/');
  await page.getByLabel('Page size').selectOption('10');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(status(page)).toHaveText('Showing 11–20 · Page 2');
  const expected = (await tenantMappingNames(request, '/source sw "managed/"')).slice(10, 20);
  await expect.poll(() => names(page)).toEqual(expected);

  await page.reload();
  await expect(status(page)).toHaveText('Showing 11–20 · Page 2');
  await expect.poll(() => names(page)).toEqual(expected);
  await expect(page.getByLabel('Value')).toHaveValue('managed/');

  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByRole('navigation', { name: 'Mappings pages' }).getByRole('paragraph')).toHaveText('Showing 11–20 · Page 2');
  await other.close();
});

test('the previous page stays on screen while the next one loads', async ({ page }) => {
  await page.goto('/mappings');
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/openidm/sync/mappings?**', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(status(page)).toHaveText('Loading page 2…');
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);
  await expect(page.getByRole('table', { name: MAPPINGS_TABLE })).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(status(page)).toContainText('Page 2 of 2');
});

test('the shell: navigation, titles, coming-soon pages and a not-found page; axe finds nothing', async ({ page }) => {
  await page.goto('/mappings');
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);
  await expectNoAxeViolations(page);

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · IDM Sync Console');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mappings' }).click();
  await expect(page).toHaveURL(/\/mappings$/);
});

test('exports the mappings on screen as CSV', async ({ page, request }) => {
  await page.goto('/mappings?by=source&match=eq&value=source1');
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(3);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export 3 mappings as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('mappings-page-1.csv');
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile((await download.path())!, 'utf8');
  const expected = await tenantMappingNames(request, '/source eq "source1"');
  expect(csv.split('\r\n')).toEqual([
    'name,source,target,sourceRouteReady,targetRouteReady',
    ...expected.map((name, i) => `${name},source1,target${[1, 0, 3][i]},false,false`),
    '',
  ]);
});
