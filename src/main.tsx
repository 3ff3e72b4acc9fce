/**
 * Start-up: read config.json, start the mock tenant when asked to (loaded lazily, so a build for a
 * real tenant never runs MSW code), restore or complete the sign-in, then render. A bad
 * config.json gets a page that says why.
 */
// First, so that the components' own style sheets come after the tokens and base rules.
import './app/styles.css';
// Before the rest of the entry runs: the current page's chunks start downloading now.
import './app/start-loading-page';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startApp } from './app/app';
import { ConfigErrorPage } from './app/config-error-page';
import { preloadRoute } from './app/router';
import { authConfigOf, loadRuntimeConfig } from './config/runtime-config';
import { bootstrapSession } from './features/auth/session';

async function start(): Promise<void> {
  // The page's own modules load while config.json (preloaded by index.html) and the sign-in are read.
  preloadRoute(window.location.pathname);
  const root = createRoot(document.getElementById('root')!);
  let config;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    root.render(<ConfigErrorPage error={error} />);
    return;
  }
  if (config.mock) {
    const { startMockTenant } = await import('../mocks/browser');
    await startMockTenant({ large: config.mockScale === 'large', profile: config.mockProfile, baseUrl: import.meta.env.BASE_URL });
  }
  const session = await bootstrapSession(authConfigOf(config));
  if (!session) return; // This window only completed a popup sign-in; it closes itself.
  const start = startApp();
  root.render(
    <StrictMode>
      <App config={config} session={session} start={start} />
    </StrictMode>,
  );
}

void start();
