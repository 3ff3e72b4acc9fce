import type { APIRequestContext, Page } from '@playwright/test';
import { mockTenantUrl } from './test';

export const MAPPINGS_TABLE = 'Mappings in processing order';

/** Every mapping name in the tenant's processing order, asked of the tenant directly. */
export async function tenantMappingNames(request: APIRequestContext, filter = 'true'): Promise<string[]> {
  const response = await request.get(`${mockTenantUrl}/openidm/sync/mappings`, { params: { _queryFilter: filter } });
  const body = (await response.json()) as { result: { name: string }[] };
  return body.result.map((m) => m.name);
}

export async function applySimpleFilter(page: Page, by: 'Name' | 'Source' | 'Target', match: 'equals' | 'starts with', value: string) {
  await page.getByLabel('Filter by').selectOption({ label: by });
  await page.getByLabel('Match').selectOption({ label: match });
  await page.getByLabel('Value').fill(value);
  await page.getByRole('button', { name: 'Apply filter' }).click();
}

export async function applyAdvancedFilter(page: Page, filter: string) {
  await page.getByLabel('Advanced filter').check();
  await page.getByLabel('Query filter').fill(filter);
  await page.getByRole('button', { name: 'Apply filter' }).click();
}
