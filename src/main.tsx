/**
 * Start-up: read config.json, start the mock tenant when asked to (loaded lazily, so a build for a
 * real tenant never runs MSW code), then render. A bad config.json gets a page that says why.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ConfigErrorPage } from './app/config-error-page';
import { loadRuntimeConfig } from './config/runtime-config';
import './app/styles.css';

async function start(): Promise<void> {
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
    await startMockTenant({ large: config.mockScale === 'large', baseUrl: import.meta.env.BASE_URL });
  }
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
