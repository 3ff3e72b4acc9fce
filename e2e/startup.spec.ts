/**
 * Start-up in Chromium against the production build: config.json is fetched once (the preload
 * from index.html is what main.tsx reads), a page whose module is still loading shows the shell
 * and a loading state, the query-filter grammar loads only when an advanced filter is checked,
 * the sync queue's fixed-height rows really are that high (the table places them by
 * arithmetic, without measuring), and the first request of the Mappings and Sync queue pages
 * leaves from the entry, whatever the page's chunks are doing, and a page needs few script files
 * before its first row.
 */
import type { Page, Route } from '@playwright/test';
import { paths } from '../src/config/paths';
import { MAPPINGS_TABLE } from './helpers/mappings';
import { QUEUE_TABLE } from './helpers/sync-queue';
import { tableRows } from './helpers/table';
import { expect, recordRequests, test } from './helpers/test';

/** The paths of the grammar's chunk requested by the page, in order. */
function grammarRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/assets\/parse-[\w-]+\.js$/.test(path)) seen.push(path);
  });
  return seen;
}

/** The script files index.html names (its module script and modulepreloads): the entry. */
async function entryScripts(page: Page): Promise<Set<string>> {
  const html = await (await page.request.get('/')).text();
  return new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => new URL(m[1]!, 'http://x').pathname));
}

for (const { name, path, table, endpoint } of [
  { name: 'Mappings', path: paths.mappings, table: MAPPINGS_TABLE, endpoint: '/openidm/sync/mappings' },
  { name: 'Sync queue', path: paths.syncQueue, table: QUEUE_TABLE, endpoint: '/openidm/sync/queue' },
]) {
  test(`${name}: the first request leaves while every page chunk is still held back`, async ({ page }) => {
    const entry = await entryScripts(page);
    // Every script beyond the entry (the page, its shared chunks, any request code) waits here
    // until the tenant has been asked: a first request that needed one of them would never leave.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    await page.route(/\/assets\/[^/]+\.js$/, async (route: Route) => {
      const file = new URL(route.request().url()).pathname;
      if (!entry.has(file)) {
        held.push(file);
        await released;
      }
      await route.continue();
    });
    const sent = recordRequests(page, endpoint);
    await page.goto(path);
    await expect.poll(() => sent.length).toBe(1);
    expect(held.length).toBeGreaterThan(0);
    await expect(page.getByRole('status').filter({ hasText: 'Loading the page…' })).toBeVisible();
    release();
    await expect(tableRows(page, table).first()).toBeVisible();
    // The page's own query took over the loader's request: it was not sent twice.
    expect(sent).toHaveLength(1);
  });

  test(`${name}: the page loads at most 5 script files before its first row`, async ({ page }) => {
    // Chromium fetches at most six files at a time from one origin over HTTP/1.1: more than that
    // and the last ones wait a round trip (these pages needed 16 and 21 before their chunks were grouped).
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(path);
    await expect(tableRows(page, table).first()).toBeVisible();
    expect(scripts.length, scripts.join(', ')).toBeLessThanOrEqual(5);
  });
}

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

for (const { name, path, table, endpoint, filter, message } of [
  {
    name: 'Mappings',
    path: paths.mappings,
    table: MAPPINGS_TABLE,
    endpoint: '/openidm/sync/mappings',
    filter: '/name eq',
    message: 'expected a value after "eq"',
  },
  {
    name: 'Sync queue',
    path: paths.syncQueue,
    table: QUEUE_TABLE,
    endpoint: '/openidm/sync/queue',
    filter: '/state eq "PENDING" and',
    message: 'The filter ends too early',
  },
]) {
  test(`${name}: the query-filter grammar loads only when an advanced filter is checked`, async ({ page }) => {
    const grammar = grammarRequests(page);
    await page.goto(path);
    await expect(tableRows(page, table).first()).toBeVisible();
    expect(grammar).toEqual([]);

    // A bad filter typed and applied: the grammar arrives, points at the problem, nothing is sent.
    const sent = recordRequests(page, endpoint);
    await page.getByLabel('Advanced filter').check();
    await page.getByLabel('Query filter').fill(filter);
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await expect(page.getByRole('alert')).toContainText(message);
    expect(grammar).toHaveLength(1);
    expect(sent).toHaveLength(0);
    await expect(page.getByLabel('Query filter')).toHaveValue(filter);
  });

  test(`${name}: a link with a bad advanced filter loads the grammar and sends nothing`, async ({ page }) => {
    const grammar = grammarRequests(page);
    const sent = recordRequests(page, endpoint);
    await page.goto(`${path}?filter=${encodeURIComponent(filter)}`);
    await expect(page.getByRole('heading', { name: 'This filter cannot be sent' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByLabel('Query filter')).toHaveValue(filter);
    expect(grammar).toHaveLength(1);
    expect(sent).toHaveLength(0);
  });
}
