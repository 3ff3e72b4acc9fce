/**
 * The e2e suite drives a real Chromium through the production build, served by a real HTTP server
 * (scripts/serve.ts) and talking over real HTTP, cross-origin, to the mock tenant
 * (mocks/http-server.ts). A second server runs the same build as a demo deploy, on the mock tenant
 * inside the browser.
 *
 * The sign-in suite (auth project) adds a real OpenID provider on loopback (mocks/oidc-provider.ts),
 * a mock tenant that accepts only that provider's tokens, and the build configured for each
 * sign-in mode, for a sub-path deploy, and with a broken config.json.
 *
 * Ports can be moved with E2E_PORT (nine consecutive ports are used) so two runs can share a machine.
 */
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const base = Number(process.env.E2E_PORT ?? 4300);
const MOCK_PORT = base;
const APP_PORT = base + 1;
const DEMO_PORT = base + 2;
const AUTH_TENANT_PORT = base + 3;
const OIDC_PORT = base + 4;
const TOKEN_APP_PORT = base + 5;
const OAUTH_APP_PORT = base + 6;
const SUBPATH_APP_PORT = base + 7;
const BROKEN_APP_PORT = base + 8;
const mockOrigin = `http://127.0.0.1:${MOCK_PORT}`;
const authTenant = `http://127.0.0.1:${AUTH_TENANT_PORT}`;
const issuer = `http://127.0.0.1:${OIDC_PORT}`;
const origin = (port: number) => `http://127.0.0.1:${port}`;
const dist = `tmp/e2e-dist-${base}`;
const subpathDist = `tmp/e2e-dist-sub-${base}`;

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
// The page suites run without sign-in (the mock tenant here checks no tokens); auth.spec.ts covers sign-in.
const appConfig = JSON.stringify({ tenantUrl: mockOrigin, auth: { mode: 'none' } });
const tokenConfig = JSON.stringify({ tenantUrl: authTenant, auth: { mode: 'token' } });
const oauthConfig = JSON.stringify({
  tenantUrl: authTenant,
  auth: { mode: 'oauth', issuer, clientId: 'idm-sync-console', scope: 'openid profile offline_access fr:idm:*' },
});
/** The e2e ports the sign-in suite uses, for its helpers. */
export const authPorts = { AUTH_TENANT_PORT, OIDC_PORT, TOKEN_APP_PORT, OAUTH_APP_PORT, SUBPATH_APP_PORT, BROKEN_APP_PORT };
const serve = (dir: string, port: number, config: string, connect: string[], extra = '') =>
  `npx tsx scripts/serve.ts --dir ${dir} --port ${port} --config '${config}' ${connect.length ? `--connect ${connect.join(',')}` : ''} ${extra}`.trim();

export default defineConfig({
  testDir: 'e2e',
  // Per port, so two runs on one machine do not clear each other's traces.
  outputDir: `tmp/test-results-${base}`,
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // A hang guard, not a wait: no test waits on wall time. An axe scan is CPU work that takes 6–13 s on
  // a two-core machine with a load average of 17, and some tests run four of them.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: { executablePath, args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] },
  },
  projects: [
    {
      name: 'build',
      testIgnore: /(demo|auth)\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${APP_PORT}` },
    },
    {
      name: 'auth',
      testMatch: /auth\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], baseURL: origin(TOKEN_APP_PORT) },
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
    {
      command: `npx tsx mocks/oidc-provider.ts`,
      // Access tokens live 75 s: the console renews them 60 s before expiry, so a test sees it happen.
      env: {
        OIDC_ACCESS_TOKEN_TTL: '75',
        OIDC_PORT: String(OIDC_PORT),
        OIDC_REDIRECT_ORIGINS: [TOKEN_APP_PORT, OAUTH_APP_PORT, SUBPATH_APP_PORT].map(origin).join(','),
      },
      url: `${issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx mocks/http-server.ts`,
      env: {
        MOCK_PORT: String(AUTH_TENANT_PORT),
        MOCK_OIDC_ISSUER: issuer,
        MOCK_ALLOWED_ORIGINS: [TOKEN_APP_PORT, OAUTH_APP_PORT, SUBPATH_APP_PORT].map(origin).join(','),
      },
      url: `${authTenant}/__mock/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Waits for the main build above, then serves it in each sign-in mode and with a broken config.
      command: `node -e "const f=require('fs');const t=Date.now();(function w(){f.existsSync('${dist}/index.html')?process.exit(0):Date.now()-t>110000?process.exit(1):setTimeout(w,200)})()" && (${serve(dist, TOKEN_APP_PORT, tokenConfig, [authTenant])} & ${serve(dist, OAUTH_APP_PORT, oauthConfig, [authTenant, issuer])} & ${serve(dist, BROKEN_APP_PORT, '{"tenantUrl": 42, "auth": {"mode": "password"}}', [])} & wait)`,
      url: `${origin(BROKEN_APP_PORT)}/config.json`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `BASE_PATH=/console/ npx vite build --outDir ${subpathDist} --emptyOutDir --logLevel warn && ${serve(subpathDist, SUBPATH_APP_PORT, tokenConfig, [authTenant], '--base /console/')}`,
      url: `${origin(SUBPATH_APP_PORT)}/console/config.json`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
