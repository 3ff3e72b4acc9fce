/** The mock tenant in the browser (development and demo deploys): MSW's service worker. */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { resetTenant, type ServerProfile } from './tenant';

export async function startMockTenant(options: { large?: boolean; profile?: ServerProfile; baseUrl: string }): Promise<void> {
  resetTenant({ large: options.large, profile: options.profile });
  const worker = setupWorker(...handlers);
  await worker.start({
    serviceWorker: { url: `${options.baseUrl}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
