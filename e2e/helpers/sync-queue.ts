import { readFile } from 'node:fs/promises';
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

/** Which real server the mock tenant behaves like (mocks/tenant.ts). */
export type QueueServerProfile = 'aic' | 'self-managed';
export const QUEUE_SERVER_PROFILES: readonly QueueServerProfile[] = ['aic', 'self-managed'];

/** Reseeds the mock tenant as this server. Call it in the test body: the page fixture resets it too. */
export async function useServerProfile(request: APIRequestContext, profile: QueueServerProfile): Promise<void> {
  const response = await request.post(`${mockTenantUrl}/__mock/reset`, { data: { profile } });
  if (response.status() !== 204) throw new Error(`could not reset the tenant as ${profile}: ${response.status()}`);
}

/** One whole event, as the tenant holds it (with the changed object's old and new state). */
export async function tenantEvent(
  request: APIRequestContext,
  id: string,
): Promise<{ _id: string; oldObject: Record<string, unknown> | null; newObject: Record<string, unknown> | null }> {
  const response = await request.get(`${mockTenantUrl}/openidm/sync/queue`, { params: { _queryFilter: `_id eq "${id}"` } });
  const [event] = (
    (await response.json()) as { result: { _id: string; oldObject: Record<string, unknown> | null; newObject: Record<string, unknown> | null }[] }
  ).result;
  if (!event) throw new Error(`no event ${id}`);
  return event;
}

/** The ids in the queue CSV the console exports (the events it has loaded, in its order). */
export async function exportedEventIds(page: Page): Promise<string[]> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export \d+ loaded events as CSV$/ }).click();
  const download = await downloading;
  const csv = await readFile((await download.path())!, 'utf8');
  return csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',')[0]!.replace(/^"|"$/g, ''));
}
