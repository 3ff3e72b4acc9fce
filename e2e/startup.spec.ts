/**
 * Start-up in Chromium against the production build: config.json is fetched once (the preload
 * from index.html is what main.tsx reads), a page whose module is still loading shows the shell
 * and a loading state, and the sync queue's fixed-height rows really are that high (the table
 * places them by arithmetic, without measuring).
 */
import { paths } from '../src/config/paths';
import { QUEUE_TABLE } from './helpers/sync-queue';
import { tableRows } from './helpers/table';
import { expect, test } from './helpers/test';

test('config.json is requested once, with the scripts rather than after them, and the first page shows', async ({ page }) => {
  const events: string[] = [];
  page.on('request', (request) => events.push(`request ${new URL(request.url()).pathname}`));
  page.on('requestfinished', (request) => events.push(`finished ${new URL(request.url()).pathname}`));
  await page.goto(paths.mappings);
  await expect(tableRows(page, 'Mappings in processing order').first()).toBeVisible();
  expect(events.filter((e) => e === 'request /config.json')).toHaveLength(1);
  // Without the preload, main.tsx would ask for it only once the entry script had arrived and run.
  const entryDone = events.findIndex((e) => /^finished \/assets\/index-[\w-]+\.js$/.test(e));
  expect(entryDone).toBeGreaterThan(-1);
  expect(events.indexOf('request /config.json')).toBeLessThan(entryDone);
});

test('a page whose module is still loading shows the header, the navigation and a loading state', async ({ page }) => {
  // Hold the Recon page's module until the fallback has been seen.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/recon-page-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(paths.recon);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the page…' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { name: 'Reconciliation runs' })).toBeVisible();
  await expect(page.getByText('Loading the page…')).toHaveCount(0);
});

test('the sync queue rows are exactly their fixed height', async ({ page }) => {
  await page.goto(paths.syncQueue);
  // Data rows: the header row has column headers, not cells; the spacer rows are hidden.
  const rows = page
    .getByRole('table', { name: QUEUE_TABLE })
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible();
  const heights = await rows.evaluateAll((elements) => elements.map((row) => row.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(5);
  expect(new Set(heights.map((h) => Math.round(h)))).toEqual(new Set([41]));
});
