/**
 * The e2e suite drives a real Chromium through the production build, served by a real HTTP server
 * (scripts/serve.ts) and talking over real HTTP, cross-origin, to the mock tenant
 * (mocks/http-server.ts). A second server runs the same build as a demo deploy, on the mock tenant
 * inside the browser.
 *
 * Ports can be moved with E2E_PORT (three consecutive ports are used) so two runs can share a machine.
 */
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const base = Number(process.env.E2E_PORT ?? 4300);
const MOCK_PORT = base;
const APP_PORT = base + 1;
const DEMO_PORT = base + 2;
const mockOrigin = `http://127.0.0.1:${MOCK_PORT}`;
const dist = `tmp/e2e-dist-${base}`;

function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const path = execSync(`command -v ${name}`, { encoding: 'utf8' }).trim();
      if (path && existsSync(path)) return path;
    } catch {
      // not on PATH; try the next name
    }
  }
  // Fall back to a browser installed by `npx playwright install chromium`, where downloads work.
  return undefined;
}

const executablePath = findChromium();
const appConfig = JSON.stringify({ tenantUrl: mockOrigin });

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: { executablePath, args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] },
  },
  projects: [
    {
      name: 'build',
      testIgnore: /demo\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${APP_PORT}` },
    },
    {
      name: 'demo',
      testMatch: /demo\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${DEMO_PORT}` },
    },
  ],
  webServer: [
    {
      command: `npx tsx mocks/http-server.ts`,
      env: { MOCK_PORT: String(MOCK_PORT), MOCK_ALLOWED_ORIGINS: `http://127.0.0.1:${APP_PORT}` },
      url: `${mockOrigin}/openidm/sync/mappings?_queryFilter=true&_pageSize=1`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite build --outDir ${dist} --emptyOutDir --logLevel warn && npx tsx scripts/serve.ts --dir ${dist} --port ${APP_PORT} --config '${appConfig}' --connect ${mockOrigin}`,
      url: `http://127.0.0.1:${APP_PORT}/config.json`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `npx tsx scripts/serve.ts --dir ${dist} --port ${DEMO_PORT} --config '{"tenantUrl":"","mock":true}'`,
      url: `http://127.0.0.1:${DEMO_PORT}/config.json`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
