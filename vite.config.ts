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
