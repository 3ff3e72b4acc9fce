/**
 * One way to write time on every page (local time with its offset, or UTC, remembered across a
 * reload), CSV times in ISO 8601 with offset, and every page's title naming it as its h1 does.
 * The browser runs in Europe/Paris so local time and UTC differ.
 */
import { readFile } from 'node:fs/promises';
import { paths } from '../src/config/paths';
import { columnTexts } from './helpers/table';
import { listRuns, QUICK_MAPPING } from './helpers/recon';
import { QUEUE_TABLE } from './helpers/sync-queue';
import { expect, test } from './helpers/test';

test.use({ timezoneId: 'Europe/Paris' });

const RUNS_TABLE = 'Reconciliation runs, newest first';
const LOCAL = /^\d{4}-\d\d-\d\d ([01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC\+0[12]:00$/;
const UTC = /^\d{4}-\d\d-\d\d ([01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC$/;
const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

test('switching to UTC changes every page, and a reload remembers it', async ({ page, request }) => {
  const runs = await listRuns(request);
  const finished = runs.find((r) => r.mapping === QUICK_MAPPING && r.state === 'SUCCESS')!;

  await page.goto(`${paths.recon}?mapping=${QUICK_MAPPING}`);
  await expect(page.getByRole('table', { name: RUNS_TABLE }).getByRole('columnheader', { name: 'Started' })).toBeVisible();
  await expect.poll(() => columnTexts(page, RUNS_TABLE, 'Started')).not.toEqual([]);
  for (const text of await columnTexts(page, RUNS_TABLE, 'Started')) expect(text).toMatch(LOCAL);

  await page.getByLabel('Times in').selectOption({ label: 'UTC' });
  await expect.poll(async () => (await columnTexts(page, RUNS_TABLE, 'Started')).every((t) => UTC.test(t))).toBe(true);

  await page.reload();
  await expect(page.getByLabel('Times in')).toHaveValue('utc');
  await expect(page.getByRole('table', { name: RUNS_TABLE }).getByRole('columnheader', { name: 'Started' })).toBeVisible();
  await expect.poll(() => columnTexts(page, RUNS_TABLE, 'Started')).not.toEqual([]);
  for (const text of await columnTexts(page, RUNS_TABLE, 'Started')) expect(text).toMatch(UTC);

  // A run's page: the same instant the server sent, written in UTC.
  await page.goto(paths.reconRun(finished._id));
  const iso = new Date(finished.started).toISOString();
  await expect(page.getByText(`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`, { exact: true }).first()).toBeVisible();

  await page.goto(paths.syncQueue);
  // A lazy page: its table (and its headers) arrive with its chunk.
  await expect(page.getByRole('table', { name: QUEUE_TABLE }).getByRole('columnheader', { name: 'Created' })).toBeVisible();
  await expect.poll(() => columnTexts(page, QUEUE_TABLE, 'Created')).not.toEqual([]);
  for (const text of await columnTexts(page, QUEUE_TABLE, 'Created')) expect(text).toMatch(UTC);

  // The overview: a relative age, then the absolute time, both visible.
  await page.goto(paths.overview);
  const lastRun = page.getByRole('link', { name: /^\d+ (s|min|h|d)( \d+ (min|h))? ago \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)$/ }).first();
  await expect(lastRun).toBeVisible();

  // And back to local time.
  await page.getByLabel('Times in').selectOption('local');
  await expect(page.getByRole('link', { name: /ago \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+0[12]:00\)$/ }).first()).toBeVisible();
});

test('CSV exports write times in ISO 8601 with the offset of the chosen zone', async ({ page, request }) => {
  const runs = (await listRuns(request)).filter((r) => r.mapping === QUICK_MAPPING);
  await page.goto(`${paths.recon}?mapping=${QUICK_MAPPING}`);
  await expect(page.getByRole('table', { name: RUNS_TABLE }).getByRole('columnheader', { name: 'Started' })).toBeVisible();
  await expect.poll(() => columnTexts(page, RUNS_TABLE, 'Started')).not.toEqual([]);

  for (const zone of ['local', 'utc'] as const) {
    await page.getByLabel('Times in').selectOption(zone);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Export \d+ runs as CSV$/ }).click();
    const csv = await readFile((await (await downloading).path())!, 'utf8');
    const [header, ...lines] = csv.trim().split('\r\n');
    const columns = header!.split(',');
    const started = columns.indexOf('started');
    const id = columns.indexOf('_id');
    expect(lines).toHaveLength(runs.length);
    for (const line of lines) {
      const cells = line.split(',');
      expect(cells[started]).toMatch(ISO_WITH_OFFSET);
      if (zone === 'utc') expect(cells[started]).toMatch(/\+00:00$/);
      else expect(cells[started]).toMatch(/\+0[12]:00$/);
      const run = runs.find((r) => r._id === cells[id])!;
      expect(Date.parse(cells[started]!)).toBe(Math.floor(Date.parse(run.started) / 1000) * 1000);
    }
  }
});

test("every page's title names the page as its h1 does", async ({ page, request }) => {
  const run = (await listRuns(request)).find((r) => r.mapping === QUICK_MAPPING)!;
  const pages = [
    paths.overview,
    paths.mappings,
    paths.mapping(QUICK_MAPPING),
    paths.recon,
    paths.reconRun(run._id),
    paths.syncQueue,
    paths.linkedResources,
    '/no/such/page',
  ];
  for (const url of pages) {
    await page.goto(url);
    // A page's h1 can change as it loads (a run's page: "Reconciliation run", then "Run of …"): the
    // title must follow it.
    await expect
      .poll(async () => {
        const h1 = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
        const title = await page.title();
        return title === `${h1} · IDM Sync Console` ? 'matches' : `${url}: title "${title}", h1 "${h1}"`;
      })
      .toBe('matches');
  }
  await page.goto(paths.mapping(QUICK_MAPPING));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Mapping ${QUICK_MAPPING}`);
  await expect(page).toHaveTitle(`Mapping ${QUICK_MAPPING} · IDM Sync Console`);
});
