import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { mockTenantUrl } from './test';

export const QUEUE_TABLE = 'Queued synchronization events';

export function queueTable(page: Page): Locator {
  return page.getByRole('table', { name: QUEUE_TABLE });
}

/** The scrolling region around the virtualized queue table. */
export function queueScroller(page: Page): Locator {
  return page.getByRole('region', { name: QUEUE_TABLE });
}

export async function scrollQueueToEnd(page: Page): Promise<void> {
  await queueScroller(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
}

/** Queued events, asked of the tenant directly. */
export async function tenantQueue(request: APIRequestContext, filter = 'true', pageSize = 20): Promise<{ _id: string; mapping: string; state: string }[]> {
  const response = await request.get(`${mockTenantUrl}/openidm/sync/queue`, { params: { _queryFilter: filter, _pageSize: pageSize } });
  return ((await response.json()) as { result: { _id: string; mapping: string; state: string }[] }).result;
}

/** Deletes an event behind the console's back, as a node processing it would. */
export async function removeFromQueue(request: APIRequestContext, id: string): Promise<void> {
  const response = await request.delete(`${mockTenantUrl}/openidm/sync/queue/${id}`);
  if (response.status() !== 200) throw new Error(`could not delete ${id}: ${response.status()}`);
}
