/**
 * Performance figures, printed (this script measures; it does not pass or fail):
 *  1. bundle sizes of the production build (gzip), and the JS loaded before the first page against
 *     the floor: a bare page (scripts/bench/bare) built in the same run with the same libraries
 *     rendering one virtualized table,
 *  2. the mock tenant's query times on the large data set (in-process, median of many runs), and
 *     of a 48,000-record reconciliation report,
 *  3. query-filter parsing throughput,
 *  4. in Chromium, against the production build over real HTTP and the large mock tenant: time to
 *     the first row of /mappings and /sync-queue, for the console and for the bare page (the ratio
 *     is the figure: absolute times depend on the machine and its load), on a cold cache, at full
 *     speed and with the CPU slowed 4×; requests per second on /recon with 1 and 5 active runs;
 *     time to page by cookie and to jump by offset.
 *
 *   npm run bench            (BENCH_BROWSER=0 skips the browser part; BENCH_ONLY=overview: the overview figures only;
 *                             BENCH_PORT=n: the browser part's three servers on n, n+1, n+2)
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { getResponse } from 'msw';
import { handlers } from '../mocks/handlers';
import { startMockServer } from '../mocks/http-server';
import { LONG_MAPPING, newRunId, planRun, SEEDED_ACTIVE_MAPPING } from '../mocks/recon/seed';
import { getTenant, resetTenant } from '../mocks/tenant';
import { parseFilter } from '../src/lib/query-filter';
import { build } from 'vite';
import { startStaticServer } from './serve';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The JS files index.html loads before the first page (its module script and modulepreloads), gzipped. */
function entryJs(dir: string): { files: string[]; gzip: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="[^"]*?assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  return { files, gzip: files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, 'assets', file))).length, 0) };
}

async function bundle(dir: string, bareDir: string) {
  console.log('\n## Bundle (production build, gzip)');
  execSync(`npx vite build --outDir ${dir} --emptyOutDir --logLevel error`, { stdio: 'inherit' });
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const assets = readdirSync(join(dir, 'assets'));
  let initial = 0;
  for (const file of assets.sort()) {
    const bytes = readFileSync(join(dir, 'assets', file));
    const gz = gzipSync(bytes).length;
    const loadedAtStart = html.includes(file);
    if (loadedAtStart) initial += gz;
    console.log(`${file.padEnd(44)} ${kb(bytes.length).padStart(10)} ${kb(gz).padStart(10)} gz${loadedAtStart ? '  (loaded at start)' : ''}`);
  }
  console.log(`Loaded at start: ${kb(initial)} gzipped (JS and CSS)`);
  // The floor: the same libraries and one virtualized table, nothing else (scripts/bench/bare).
  await build({
    root: resolve('scripts/bench/bare'),
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    build: { outDir: resolve(bareDir), emptyOutDir: true, target: 'es2022' },
  });
  const console_ = entryJs(dir);
  const floor = entryJs(bareDir);
  console.log(`Entry JS, console: ${kb(console_.gzip)} gz (${console_.files.join(', ')})`);
  console.log(`Entry JS, floor (react, react-dom, react-router, TanStack Query/Table/Virtual, one table): ${kb(floor.gzip)} gz`);
  console.log(`Entry JS against the floor: ${(console_.gzip / floor.gzip).toFixed(3)}×`);
}

async function timeRequest(url: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await getResponse(handlers, new Request(url, { headers: { 'Accept-API-Version': 'resource=1.0' } }));
    await response?.text();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function mockTenant() {
  console.log('\n## Mock tenant, large data set (in-process, median)');
  const seedStart = performance.now();
  resetTenant({ large: true });
  console.log(`Seeding the large tenant: ${ms(performance.now() - seedStart)}`);
  const base = 'http://tenant.bench/openidm';
  const cases: [string, string][] = [
    ['mappings, first page of 50', `${base}/sync/mappings?_queryFilter=true&_pageSize=50`],
    ['mappings, page by cookie near the end', `${base}/sync/mappings?_queryFilter=true&_pageSize=50&_pagedResultsCookie=bulkTenant09000_managedUser`],
    ['mappings, offset 9,950', `${base}/sync/mappings?_queryFilter=true&_pageSize=50&_pagedResultsOffset=9950`],
    ['mappings, filter /name sw "bulkTenant05"', `${base}/sync/mappings?_queryFilter=${encodeURIComponent('/name sw "bulkTenant05"')}&_pageSize=50`],
    ['sync queue, first page of 100 PENDING', `${base}/sync/queue?_queryFilter=${encodeURIComponent('state eq "PENDING"')}&_pageSize=100`],
    ['recon runs, whole list', `${base}/recon`],
  ];
  // A per-record report of the long mapping's 48,000 entries, read once the run has ended.
  const launched = await getResponse(handlers, new Request(`${base}/recon?_action=recon&mapping=${LONG_MAPPING}&persistAssociations=true`, { method: 'POST' }));
  const reportId = ((await launched!.json()) as { _id: string })._id;
  getTenant().recon.clock.advance(2 * 3_600_000);
  const report = `${base}/recon/assoc/${reportId}/entry`;
  const buildStart = performance.now();
  await getResponse(handlers, new Request(`${report}?_queryFilter=true&_pageSize=1`));
  console.log(`${'recon report: build 48,000 records (once)'.padEnd(46)} ${ms(performance.now() - buildStart).padStart(10)}`);
  cases.push(
    ['recon report, first 50 of 48,000 records', `${report}?_queryFilter=true&_pageSize=50`],
    ['recon report, failed records only', `${report}?_queryFilter=${encodeURIComponent('/status eq "FAILURE"')}&_pageSize=50`],
  );
  for (const [label, url] of cases) {
    const first = await getResponse(handlers, new Request(url));
    if (!first || first.status !== 200) {
      console.log(`${label.padEnd(46)} (not served: ${first?.status ?? 'no handler'})`);
      continue;
    }
    console.log(`${label.padEnd(46)} ${ms(await timeRequest(url, 30)).padStart(10)}`);
  }
  resetTenant({});
}

function parser() {
  console.log('\n## Query filter parser');
  const filter = `(/source sw "managed/" and !(/target eq 'system/ldap/account')) or /name co "O\\'Brien" and /remainingRetries lt 2`;
  const runs = 20_000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) parseFilter(filter);
  const elapsed = performance.now() - start;
  console.log(`${runs} parses of a ${filter.length}-character filter: ${ms(elapsed)} (${((runs / elapsed) * 1000).toFixed(0)} per second)`);
}

declare global {
  interface Window {
    /** performance.now() when the first table cell with text appeared (set by the init script). */
    __firstRow?: Promise<number>;
  }
}

const FIRST_ROW_SCRIPT = `
  window.__firstRow = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const cells = document.querySelectorAll('tbody td');
      for (const td of cells) {
        if ((td.textContent || '').trim() !== '') {
          observer.disconnect();
          resolve(performance.now());
          return;
        }
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
`;

/**
 * The JS a page has loaded by the time its first row shows (every script whose response ended
 * before it), gzipped from the build: the entry measures what index.html names, this measures
 * what the first page really waited for, lazy chunks included.
 */
async function jsBeforeFirstRow(instance: Browser, url: string, dist: string): Promise<{ gzip: number; files: number }> {
  const context = await instance.newContext();
  try {
    await context.addInitScript(FIRST_ROW_SCRIPT);
    const page = await context.newPage();
    await page.goto(url);
    const files = await page.evaluate(async () => {
      const at = await window.__firstRow!;
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js') && (e as PerformanceResourceTiming).responseEnd <= at)
        .map((e) => new URL(e.name).pathname.replace(/^.*\/assets\//, ''));
    });
    return { gzip: files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, 'assets', file))).length, 0), files: files.length };
  } finally {
    await context.close();
  }
}

/**
 * The GET requests a page sends to the tenant before its first row shows, as `path?query`: the bare
 * page must send the console's own (same page size, same `_fields`), or the ratio compares
 * different answers.
 */
async function tenantRequests(instance: Browser, url: string, mockOrigin: string): Promise<string[]> {
  const context = await instance.newContext();
  try {
    await context.addInitScript(FIRST_ROW_SCRIPT);
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'GET' && request.url().startsWith(`${mockOrigin}/openidm/`)) sent.push(request.url().slice(mockOrigin.length));
    });
    await page.goto(url);
    await page.evaluate(() => window.__firstRow);
    return sent;
  } finally {
    await context.close();
  }
}

/**
 * Time from navigation to the first table row with text, measured in the page (performance.now()
 * counts from the navigation), on a cold cache (a new browser context per load).
 */
async function firstRow(instance: Browser, url: string, cpuSlowdown: number): Promise<number> {
  const context = await instance.newContext();
  try {
    // A string, not a function: tsx would wrap named functions in a helper the page lacks.
    await context.addInitScript(FIRST_ROW_SCRIPT);
    const page = await context.newPage();
    if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.goto(url);
    return await page.evaluate(() => window.__firstRow!);
  } finally {
    await context.close();
  }
}

/** Adds active runs beside the seeded one (the same long plan, on other mappings) in the in-process tenant. */
function startMoreRuns(count: number) {
  const tenant = getTenant();
  const template = tenant.mappings.find((m) => m.name === SEEDED_ACTIVE_MAPPING)!;
  const others = tenant.mappings.filter((m) => m.name !== SEEDED_ACTIVE_MAPPING && m.sourceRouteReady && m.targetRouteReady).slice(0, count);
  for (const [i, mapping] of others.entries()) {
    tenant.recon.runs.push({
      id: newRunId(tenant.recon),
      mapping: mapping.name,
      plan: planRun(template, { kind: 'recon' }, i + 1),
      startedAt: tenant.recon.clock.now(),
    });
  }
}

/** Requests the open /recon page sends to the tenant over `seconds` of real time. */
async function reconRequestRate(page: Page, url: string, mockOrigin: string, seconds: number) {
  await page.goto(url);
  await page.getByRole('table', { name: 'Reconciliation runs, newest first' }).locator('tbody tr[data-index]').first().waitFor();
  const counts = { get: 0, preflight: 0, bytes: 0 };
  const onRequest = (request: import('@playwright/test').Request) => {
    if (!request.url().startsWith(mockOrigin)) return;
    if (request.method() === 'OPTIONS') counts.preflight += 1;
    else counts.get += 1;
  };
  const onResponse = async (response: import('@playwright/test').Response) => {
    if (response.url().startsWith(mockOrigin) && response.request().method() === 'GET')
      counts.bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  await page.waitForTimeout(seconds * 1000);
  page.off('request', onRequest);
  page.off('response', onResponse);
  return counts;
}

/** Removes the seeded active run from the in-process tenant: nothing is active any more. */
function stopAllRuns() {
  const tenant = getTenant();
  tenant.recon.runs = tenant.recon.runs.filter((run) => run.mapping !== SEEDED_ACTIVE_MAPPING);
}

/**
 * The overview (`/`) on the large tenant: its time to first row against the Mappings page's (both
 * the console, alternated, cold cache), and the requests it sends once loaded, over `seconds` of
 * real time, with no run active and with 1 and 5 active runs.
 */
async function overviewFigures(instance: Browser, appPort: number, mockOrigin: string) {
  const runs = 7;
  for (const cpu of [1, 4]) {
    const overview: number[] = [];
    const mappings: number[] = [];
    for (let i = 0; i < runs; i++) {
      overview.push(await firstRow(instance, `http://127.0.0.1:${appPort}/`, cpu));
      mappings.push(await firstRow(instance, `http://127.0.0.1:${appPort}/mappings`, cpu));
    }
    const [o, m] = [median(overview), median(mappings)];
    console.log(
      `first row of / (overview)${cpu > 1 ? `, CPU ${cpu}× slower` : ''}: ${ms(o)}, /mappings ${ms(m)}, ratio ${(o / m).toFixed(2)}× (median of ${runs}, cold cache)`,
    );
  }
  const seconds = 10;
  const rate = async () => {
    const page = await instance.newPage();
    await page.goto(`http://127.0.0.1:${appPort}/`);
    await page.getByRole('table', { name: 'Mappings in processing order, with their health' }).locator('tbody tr[data-index]').first().waitFor();
    // Counted once the queue scan is in: what remains is the polling.
    await page.getByText('Queued events', { exact: true }).locator('xpath=following-sibling::dd').getByRole('link').waitFor({ timeout: 120_000 });
    const counts = { get: 0, preflight: 0, bytes: 0 };
    page.on('request', (request) => {
      if (!request.url().startsWith(mockOrigin)) return;
      if (request.method() === 'OPTIONS') counts.preflight += 1;
      else counts.get += 1;
    });
    page.on('response', async (response) => {
      if (response.url().startsWith(mockOrigin) && response.request().method() === 'GET')
        counts.bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.waitForTimeout(seconds * 1000);
    await page.close();
    return counts;
  };
  stopAllRuns();
  const idle = await rate();
  resetTenant({ large: true });
  const one = await rate();
  startMoreRuns(4);
  const five = await rate();
  resetTenant({ large: true });
  for (const [label, c] of [
    ['no active run', idle],
    ['1 active run', one],
    ['5 active runs', five],
  ] as const) {
    console.log(
      `/ (overview) with ${label}: ${(c.get / seconds).toFixed(2)} requests/s (+ ${(c.preflight / seconds).toFixed(2)} preflights/s), ${kb(c.bytes / seconds)}/s over ${seconds} s`,
    );
  }
}

async function browser(dir: string, bareDir: string) {
  console.log('\n## In Chromium: production build over HTTP, large mock tenant');
  console.log('(Absolute times vary with the machine and its load; the ratios to the bare page are the figures to compare.)');
  // BENCH_PORT moves the three ports (default 4390-4392), so runs on a shared machine do not collide.
  const mockPort = Number(process.env.BENCH_PORT ?? 4390);
  const appPort = mockPort + 1;
  const barePort = mockPort + 2;
  const mockOrigin = `http://127.0.0.1:${mockPort}`;
  const mock = await startMockServer({ port: mockPort, large: true });
  const app = await startStaticServer({
    dir,
    port: appPort,
    config: JSON.stringify({ tenantUrl: mockOrigin, auth: { mode: 'none' } }),
    connectSrc: [mockOrigin],
  });
  const bare = await startStaticServer({ dir: bareDir, port: barePort, config: '{}', connectSrc: [mockOrigin] });
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const instance = await chromium.launch({ executablePath, args: ['--disable-gpu'] });
  try {
    const floor = await jsBeforeFirstRow(instance, `http://127.0.0.1:${barePort}/mappings?tenant=${encodeURIComponent(mockOrigin)}`, bareDir);
    for (const path of ['/', '/mappings', '/sync-queue']) {
      const js = await jsBeforeFirstRow(instance, `http://127.0.0.1:${appPort}${path}`, dir);
      console.log(
        `JS loaded before the first row of ${path}: ${kb(js.gzip)} gz in ${js.files} files; bare page ${kb(floor.gzip)} in ${floor.files}; ratio ${(js.gzip / floor.gzip).toFixed(2)}×`,
      );
    }
    for (const path of ['/mappings', '/sync-queue']) {
      const sent = await tenantRequests(instance, `http://127.0.0.1:${appPort}${path}`, mockOrigin);
      const bareSent = await tenantRequests(instance, `http://127.0.0.1:${barePort}${path}?tenant=${encodeURIComponent(mockOrigin)}`, mockOrigin);
      const same = sent.length === 1 && bareSent.length === 1 && sent[0] === bareSent[0];
      console.log(
        same
          ? `requests before the first row of ${path}: console and bare page both send only ${sent[0]}`
          : `requests before the first row of ${path} DIFFER (the ratio compares different work): console ${sent.join(' ')}; bare page ${bareSent.join(' ')}`,
      );
    }
    await overviewFigures(instance, appPort, mockOrigin);
    if (process.env.BENCH_ONLY === 'overview') return;
    const measure = async (label: string, action: (page: import('@playwright/test').Page) => Promise<void>, runs = 5) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await instance.newPage();
        const start = performance.now();
        await action(page);
        times.push(performance.now() - start);
        await page.close();
      }
      console.log(`${label.padEnd(46)} ${ms(median(times)).padStart(10)} (median of ${runs})`);
    };

    const runs = 7;
    for (const cpu of [1, 4]) {
      for (const path of ['/mappings', '/sync-queue']) {
        const consoleTimes: number[] = [];
        const bareTimes: number[] = [];
        // Alternated, so a burst of load from elsewhere hits both alike.
        for (let i = 0; i < runs; i++) {
          consoleTimes.push(await firstRow(instance, `http://127.0.0.1:${appPort}${path}`, cpu));
          bareTimes.push(await firstRow(instance, `http://127.0.0.1:${barePort}${path}?tenant=${encodeURIComponent(mockOrigin)}`, cpu));
        }
        const [c, b] = [median(consoleTimes), median(bareTimes)];
        console.log(
          `first row of ${path}${cpu > 1 ? `, CPU ${cpu}× slower` : ''}: console ${ms(c)}, bare page ${ms(b)}, ratio ${(c / b).toFixed(2)}× (median of ${runs}, cold cache)`,
        );
      }
    }

    const recon = await instance.newPage();
    const reconUrl = `http://127.0.0.1:${appPort}/recon`;
    const seconds = 10;
    const one = await reconRequestRate(recon, reconUrl, mockOrigin, seconds);
    startMoreRuns(4);
    const five = await reconRequestRate(recon, reconUrl, mockOrigin, seconds);
    await recon.close();
    for (const [label, c] of [
      ['1 active run', one],
      ['5 active runs', five],
    ] as const) {
      console.log(
        `/recon with ${label}: ${(c.get / seconds).toFixed(2)} requests/s (+ ${(c.preflight / seconds).toFixed(2)} preflights/s), ${kb(c.bytes / seconds)}/s over ${seconds} s`,
      );
    }
    resetTenant({ large: true });

    const rows = (p: Page) => p.getByRole('table', { name: 'Mappings in processing order' }).locator('tbody tr');
    await measure('open /mappings, 50 rows on screen', async (p) => {
      await p.goto(`http://127.0.0.1:${appPort}/mappings`);
      await rows(p).nth(49).waitFor();
    });
    const page = await instance.newPage();
    await page.goto(`http://127.0.0.1:${appPort}/mappings`);
    await rows(page).nth(49).waitFor();
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText(`Showing ${(i + 1) * 50 + 1}–${(i + 2) * 50} · Page ${i + 2}`).waitFor();
      times.push(performance.now() - start);
    }
    console.log(`${'next page by cookie (click to rows)'.padEnd(46)} ${ms(median(times)).padStart(10)} (median of 10)`);
    await measure('deep link to page 199 (offset 9,900)', async (p) => {
      await p.goto(`http://127.0.0.1:${appPort}/mappings?page=199`);
      await p.getByText('Showing 9901–9950 · Page 199').waitFor();
    });
    const queueRows = (p: import('@playwright/test').Page) => p.getByRole('table', { name: 'Queued synchronization events' }).locator('tbody tr[data-index]');
    await measure('open /sync-queue (200,000 events), rows shown', async (p) => {
      await p.goto(`http://127.0.0.1:${appPort}/sync-queue`);
      await queueRows(p).first().waitFor();
    });
    const queue = await instance.newPage();
    await queue.goto(`http://127.0.0.1:${appPort}/sync-queue`);
    await queueRows(queue).first().waitFor();
    const loads: number[] = [];
    for (let i = 0; i < 12; i++) {
      const start = performance.now();
      const button = queue.getByRole('button', { name: 'Load more events' });
      await button.click();
      await queue.waitForFunction(() => !document.querySelector('table[aria-busy="true"]'));
      loads.push(performance.now() - start);
    }
    const domRows = await queueRows(queue).count();
    console.log(
      `${'queue: load 100 more events (12 times)'.padEnd(46)} ${ms(median(loads)).padStart(10)} (median); ${domRows} rows in the DOM after 12 loads (at most 10 pages of 100 are kept)`,
    );
    await measure('open /recon (600 runs), rows shown', async (p) => {
      await p.goto(`http://127.0.0.1:${appPort}/recon`);
      await p.getByRole('table', { name: 'Reconciliation runs, newest first' }).locator('tbody tr[data-index]').first().waitFor();
    });
  } finally {
    await instance.close();
    mock.close();
    app.close();
    bare.close();
  }
}

const dir = 'tmp/bench-dist';
const bareDir = 'tmp/bench-bare';
await bundle(dir, bareDir);
if (process.env.BENCH_ONLY !== 'overview') {
  await mockTenant();
  parser();
}
if (process.env.BENCH_BROWSER !== '0') await browser(dir, bareDir);
