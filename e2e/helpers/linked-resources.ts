import type { Locator, Page } from '@playwright/test';

export const SEED_USER = 'managed/realm-name_user/42f8a60e-2019-4110-a10d-7231c3578e2b';
export const SEED_ACCOUNT = 'system/ldap/account/03496258-1c5e-40a0-8744-badc2500f262';
export const BRAVO_USER = 'managed/bravo_user/7d1c3a52-5b8e-4c1f-9a0e-2f6b8d4e1a90';

export async function lookUp(page: Page, resourceName: string): Promise<void> {
  await page.getByLabel('Resource path').fill(resourceName);
  await page.getByRole('button', { name: 'Show linked resources' }).click();
}

/** The card of one linked resource, by its resource name. */
export function linkedCard(page: Page, resourceName: string): Locator {
  return page.getByRole('article', { name: resourceName, exact: true });
}

export function pivotTrail(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Pivot trail' });
}
