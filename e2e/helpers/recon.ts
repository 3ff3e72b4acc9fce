/**
 * Steps for the Recon pages: reseed the mock tenant with faster time, talk to the tenant as
 * "someone else" would, and drive the launch dialog.
 */
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { mockTenantUrl } from './test';

export const QUICK_MAPPING = 'systemHrdb_managedUser';
export const LONG_MAPPING = 'systemLdapAccounts_managedUser';
export const SEEDED_ACTIVE_MAPPING = 'managedAlpha_user_systemLdapAccounts';

interface RunSummary {
  _id: string;
  mapping: string;
  state: string;
  started: string;
}

/**
 * Reseeds the tenant; `timeScale` makes recon runs progress that many times faster; `profile`
 * makes it behave like AIC (default) or self-managed PingIDM on a JDBC repository.
 */
export async function resetTenant(
  request: APIRequestContext,
  options: { timeScale?: number; reconHistory?: number; profile?: 'aic' | 'self-managed' },
): Promise<void> {
  const response = await request.post(`${mockTenantUrl}/__mock/reset`, { data: options });
  expect(response.status()).toBe(204);
}

export async function listRuns(request: APIRequestContext): Promise<RunSummary[]> {
  const response = await request.get(`${mockTenantUrl}/openidm/recon`);
  return ((await response.json()) as { reconciliations: RunSummary[] }).reconciliations;
}

/** Starts a run the way another administrator (or a schedule) would, outside this browser. */
export async function launchElsewhere(request: APIRequestContext, mapping: string): Promise<string> {
  const response = await request.post(`${mockTenantUrl}/openidm/recon?_action=recon&mapping=${encodeURIComponent(mapping)}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { _id: string })._id;
}

export async function cancelElsewhere(request: APIRequestContext, id: string): Promise<void> {
  const response = await request.post(`${mockTenantUrl}/openidm/recon/${encodeURIComponent(id)}?_action=cancel`);
  expect(response.ok()).toBe(true);
}

export function launchDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Launch a reconciliation' });
}

/** Opens the launch dialog from the runs list and chooses `mapping` by searching for it. */
export async function chooseMapping(page: Page, mapping: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Launch a reconciliation…' }).click();
  const dialog = launchDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Find by the start of its name').fill(mapping);
  await expect(dialog.getByText(new RegExp(`mappings? starting with “${mapping}”`))).toBeVisible();
  await dialog.getByRole('radio', { name: new RegExp(`^${mapping} `) }).check();
  return dialog;
}

export function statusBadge(page: Page, label: string): Locator {
  // The status badge in the run page's lede, the paragraph that also gives the run id.
  return page.getByRole('paragraph').filter({ hasText: 'Run id' }).getByText(label, { exact: true });
}
