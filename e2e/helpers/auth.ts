/** Ports and steps of the sign-in suite (the servers are started by playwright.config.ts). */
import type { APIRequestContext, Page } from '@playwright/test';

const base = Number(process.env.E2E_PORT ?? 4300);
const origin = (port: number) => `http://127.0.0.1:${port}`;

export const authTenant = origin(base + 3);
export const issuer = origin(base + 4);
export const tokenApp = origin(base + 5);
export const oauthApp = origin(base + 6);
export const subpathApp = origin(base + 7);
export const brokenApp = origin(base + 8);

/** An access token from the provider for a machine client (like an AIC service account). */
export async function clientCredentialsToken(request: APIRequestContext, client: 'service-account' | 'no-privilege'): Promise<string> {
  const response = await request.post(`${issuer}/token`, {
    form: { grant_type: 'client_credentials', scope: 'fr:idm:*' },
    headers: { authorization: `Basic ${Buffer.from(`${client}:secret`).toString('base64')}` },
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export async function resetAuthTenant(request: APIRequestContext): Promise<void> {
  await request.post(`${authTenant}/__mock/reset`);
}

/** Moves the tenant's clock, so the tokens it holds expire (or come back to life). */
export async function moveTenantClock(request: APIRequestContext, seconds: number): Promise<void> {
  await request.post(`${authTenant}/__mock/clock`, { data: { advanceSeconds: seconds } });
}

export async function signInWithToken(page: Page, token: string): Promise<void> {
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Everything this origin keeps in localStorage, as one string. */
export function localStorageDump(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
}
