/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// In development a real tenant can be reached through Vite's proxy, so no CORS set-up is needed:
//   IDM_TENANT_URL=https://openam-example.forgeblocks.com npm start
// The dev server then answers /config.json itself: tenant = this origin (proxied), sign-in with an
// access token (or IDM_AUTH=none for a tenant behind a proxy that adds credentials).
const tenant = process.env.IDM_TENANT_URL;

function tenantConfig(): Plugin {
  const body = JSON.stringify({ tenantUrl: '', auth: { mode: process.env.IDM_AUTH === 'none' ? 'none' : 'token' } });
  return {
    name: 'idm-tenant-config',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `${server.config.base}config.json`) return next();
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        res.end(body);
      });
    },
  };
}

/**
 * How the build is cut into files. Left to itself, the bundler made a chunk of every module that two
 * lazy pages share: a page needed 11 to 15 small files besides the entry, and Chromium fetches at
 * most six at a time from one origin over HTTP/1.1, so the last of them (and the rows waiting on
 * them) arrived two or three round trips after the first. Grouped, a page is its own chunk plus
 * one or two shared ones, and the entry is one file:
 *  - `index`: everything the entry loads anyway (one file rather than four);
 *  - `tables`: what the table pages share (TanStack Query's and Table's hooks, the shared
 *    components, the lib modules they use);
 *  - `virtual-table`: TanStack Virtual and the virtual table, kept apart because the Mappings page
 *    does not use them.
 * What loads on demand stays apart: the query-filter grammar (lazy-check.ts), the mock tenant,
 * the OpenID client, the jump box, and the pages' own modules and dialogs.
 */
const onDemand = /query-filter[\\/](parse|evaluate|index)\.|[\\/]mocks[\\/]|node_modules[\\/](msw|@mswjs|oidc-client-ts)[\\/]|jump-box|filter-syntax-message/;
const virtualTable = /node_modules[\\/]@tanstack[\\/](react-virtual|virtual-core)[\\/]|[\\/]src[\\/]components[\\/]virtual-table\./;
const sharedByTables = /node_modules[\\/]@tanstack[\\/]|[\\/]src[\\/](components|lib)[\\/]/;
const codeSplitting = {
  groups: [
    { name: 'index', tags: ['$initial' as const], priority: 3 },
    { name: 'tables', test: (id: string) => sharedByTables.test(id) && !virtualTable.test(id) && !onDemand.test(id), minShareCount: 2, priority: 2 },
    { name: 'virtual-table', test: virtualTable, priority: 1 },
  ],
};

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  plugins: tenant ? [react(), tenantConfig()] : [react()],
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: false,
    proxy: tenant ? { '/openidm': { target: tenant, changeOrigin: true, secure: true } } : undefined,
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: { output: { codeSplitting } },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts'],
    restoreMocks: true,
    // Only a guard against a test that hangs: no test waits on wall time (every test runs on a fake
    // clock, src/testing/fake-clock.ts), so the outcome never depends on it; but a component test
    // that types into a dialog takes 1-2 s of CPU, which on a shared, overloaded 2-core machine
    // has been seen to stretch to 18 s of wall time.
    testTimeout: 60_000,
  },
});
