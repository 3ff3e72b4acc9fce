/** The mock tenant in the browser (development and demo deploys): MSW's service worker. */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { resetTenant } from './tenant';

export async function startMockTenant(options: { large?: boolean; baseUrl: string }): Promise<void> {
  resetTenant({ large: options.large });
  const worker = setupWorker(...handlers);
  await worker.start({
    serviceWorker: { url: `${options.baseUrl}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
