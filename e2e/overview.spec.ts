/** The overview (the start page), the attention switch, a mapping's trends and the jump box. */
import { QUICK_MAPPING, SEEDED_ACTIVE_MAPPING } from './helpers/recon';
import { expect, expectNoAxeViolations, recordRequests, test } from './helpers/test';

const TABLE = 'Mappings in processing order, with their health';
/** Third in processing order (in view at once), with events the mock has kept ACQUIRED for long. */
const STUCK_MAPPING = 'managedUser_systemLdapAccounts';

test('the overview at /: every mapping’s health, the tenant’s figures, links into the queue; axe in light and dark', async ({ page }) => {
  const queue = recordRequests(page, '/openidm/sync/queue');
  await page.goto('/');
  const table = page.getByRole('table', { name: TABLE });
  // The first mapping in processing order comes first.
  await expect(table.locator('tbody tr[data-index]').first().getByRole('link').first()).toHaveText(QUICK_MAPPING);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');

  // The active run: live progress and cancel; no second launch.
  const active = table.getByRole('row').filter({ has: page.getByRole('link', { name: SEEDED_ACTIVE_MAPPING, exact: true }) });
  await expect(active.getByRole('button', { name: `Cancel the run of ${SEEDED_ACTIVE_MAPPING}` })).toBeEnabled();
  await expect(active.getByRole('button', { name: `Launch a reconciliation of ${SEEDED_ACTIVE_MAPPING}…` })).toBeDisabled();
  await expect(page.getByText('Active runs', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText('1');

  // Every scan of the queue asked for light fields only, at most 1,000 events a page.
  await expect(page.getByText('Queued events', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText(/^[\d,]+\+?$/);
  expect(queue.length).toBeGreaterThan(0);
  for (const params of queue) {
    expect(params.get('_fields')).not.toContain('Object');
    expect(Number(params.get('_pageSize'))).toBeLessThanOrEqual(1000);
  }

  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });

  // A mapping's possibly stuck events open the queue filtered to them.
  const stuckRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: STUCK_MAPPING, exact: true }) });
  await stuckRow.getByRole('link', { name: /possibly stuck$/ }).click();
  await expect(page).toHaveURL(/\/sync-queue\?filter=/);
  await expect(page.getByRole('table', { name: 'Queued synchronization events' }).getByText('Possibly stuck').first()).toBeVisible();
});

test('the first rows come from the mappings alone: the runs list and the queue scan are asked for once they show, their cells say Loading… until then, and nothing moves when they fill in', async ({
  page,
}) => {
  const table = page.getByRole('table', { name: TABLE });
  const firstLink = table.getByRole('link', { name: QUICK_MAPPING, exact: true });
  // Whether the first row was on screen when each request left the page.
  const rowShown: Record<'runs' | 'scan', boolean[]> = { runs: [], scan: [] };
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/openidm\/recon$/, async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    rowShown.runs.push(await firstLink.isVisible());
    await held;
    await route.fallback();
  });
  await page.route(/\/openidm\/sync\/queue\?/, async (route) => {
    if (route.request().method() === 'GET') rowShown.scan.push(await firstLink.isVisible());
    await route.fallback();
  });
  await page.goto('/');
  await expect(firstLink).toBeVisible();
  await expect.poll(() => rowShown.runs.length).toBe(1);

  // The runs list is held: its cells and figures say so; nothing claims "never".
  const firstRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: QUICK_MAPPING, exact: true }) });
  const cells = firstRow.getByRole('cell');
  for (const column of [1, 2, 3, 5]) await expect(cells.nth(column)).toHaveText('Loading…');
  await expect(page.getByText('Active runs', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText('Loading…');
  await expect(page.getByText('Never reconciled', { exact: true })).toHaveCount(0);
  await expect(firstRow.getByRole('button', { name: `Launch a reconciliation of ${QUICK_MAPPING}…` })).toBeDisabled();
  const columnEdges = () =>
    table
      .getByRole('columnheader')
      .evaluateAll((headers) => headers.map((h) => `${Math.round(h.getBoundingClientRect().left)}+${Math.round(h.getBoundingClientRect().width)}`));
  const before = await columnEdges();

  release();
  await expect(page.getByText('Active runs', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText('1');
  await expect(cells.nth(1).getByRole('link')).toBeVisible();
  await expect(cells.nth(2).getByRole('link', { name: new RegExp(`^Trend of the last (\\d+ runs|run) of ${QUICK_MAPPING}$`) })).toBeVisible();
  const active = table.getByRole('row').filter({ has: page.getByRole('link', { name: SEEDED_ACTIVE_MAPPING, exact: true }) });
  await expect(active.getByRole('button', { name: `Cancel the run of ${SEEDED_ACTIVE_MAPPING}` })).toBeVisible();
  await expect(firstRow.getByRole('button', { name: `Launch a reconciliation of ${QUICK_MAPPING}…` })).toBeEnabled();
  await expect(page.getByText('Queued events', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText(/^[\d,]+\+?$/);
  expect(await columnEdges()).toEqual(before);
  // The launch action works from the live part's code (its dialog loads on first use).
  await firstRow.getByRole('button', { name: `Launch a reconciliation of ${QUICK_MAPPING}…` }).click();
  await expect(page.getByRole('dialog', { name: 'Launch a reconciliation' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Launch a reconciliation' })).toHaveCount(0);
  expect(rowShown.runs.length).toBeGreaterThan(0);
  expect(rowShown.scan.length).toBeGreaterThan(0);
  expect([...rowShown.runs, ...rowShown.scan]).not.toContain(false);
});

test('when the code of the rows’ live cells cannot load, the rows stay, the error says so, and a reload loads it', async ({ page }) => {
  const chunk = /\/assets\/overview-live-[\w-]+\.js$/;
  await page.route(chunk, (route) => route.abort('connectionfailed'));
  await page.goto('/');
  const table = page.getByRole('table', { name: TABLE });
  await expect(table.getByRole('link', { name: QUICK_MAPPING, exact: true })).toBeVisible();
  const failure = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'The runs and the queue could not be loaded' }) });
  await expect(failure).toBeVisible();
  await expect(page.getByText('Active runs', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText('Loading…');
  await page.unroute(chunk);
  await failure.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByText('Active runs', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText('1');
  await expect(failure).toHaveCount(0);
  await expect(table.getByRole('button', { name: `Cancel the run of ${SEEDED_ACTIVE_MAPPING}` })).toBeVisible();
});

test('only what needs attention: a switch kept in the URL', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: /^61 mappings$/ })).toBeVisible();
  // The switch is the URL: it shows checked once the navigation to ?attention=1 is done.
  await page.getByRole('checkbox', { name: 'Only what needs attention' }).click();
  await expect(page.getByRole('checkbox', { name: 'Only what needs attention' })).toBeChecked();
  await expect(page).toHaveURL(/\/\?attention=1$/);
  const counted = page.getByRole('status').filter({ hasText: /need attention$/ });
  await expect(counted).toHaveText(/^\d+ of 61 mappings need attention$/);
  // Every row on screen says why it is there.
  const rows = page.getByRole('table', { name: TABLE }).locator('tbody tr[data-index]');
  await expect(rows.first()).toBeVisible();
  const reasons = /^(Last run failed|Last run had failures|Much slower than usual|Possibly stuck events|Never reconciled)$/;
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(rows.filter({ hasNot: page.getByText(reasons) })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Only what needs attention' })).toBeChecked();
  await expect(counted).toHaveText(/^\d+ of 61 mappings need attention$/);
  await expectNoAxeViolations(page);
});

test('a mapping’s trends: duration and situations per run, and the same as a table; axe in light and dark', async ({ page }) => {
  await page.goto(`/mappings/${QUICK_MAPPING}`);
  await expect(page.getByRole('heading', { name: /^Trends over the last (\d+ runs|run)$/ })).toBeVisible();
  await expect(page.getByText('Situations per run (stacked)')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Show as table' }).click();
  const table = page.getByRole('table', { name: `Runs of ${QUICK_MAPPING}, oldest first` });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Duration' })).toBeVisible();
  await expect(table.locator('tbody tr').first()).toContainText(/Succeeded|Failed|Canceled|Running/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Show as table' }).click();
  await expect(page.getByText('Duration per run (oldest left)')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the jump box: "/" focuses it, a prefix finds a mapping on the server, recent destinations come first', async ({ page }) => {
  const searches = recordRequests(page, '/openidm/sync/mappings');
  await page.goto('/recon');
  await expect(page.getByRole('heading', { name: 'Reconciliation runs' })).toBeVisible();
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Jump to' });
  await expect(box).toBeFocused();
  await box.fill('systemHrdb');
  await expect(page.getByRole('option', { name: `Mapping ${QUICK_MAPPING}` })).toBeVisible();
  expect(searches.some((p) => p.get('_queryFilter') === '/name sw "systemHrdb"')).toBe(true);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/mappings/${QUICK_MAPPING}$`));

  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await expect(page.getByRole('option').first()).toHaveText(`Mapping ${QUICK_MAPPING} · recent`);
  await box.fill('managed/alpha_user/abc');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/linked-resources\?resourceName=managed%2Falpha_user%2Fabc$/);
  await box.press('Escape');
  await expectNoAxeViolations(page);
});
