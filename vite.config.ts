/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development a real tenant can be reached through Vite's proxy (no CORS set-up needed):
// IDM_TENANT_URL=https://openam-example.forgeblocks.com npm start, with config.json's tenantUrl
// left empty so requests go to the console's own origin.
const tenant = process.env.IDM_TENANT_URL;

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  plugins: [react()],
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
  },
});
