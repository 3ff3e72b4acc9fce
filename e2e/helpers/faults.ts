/** Fault injection on the mock tenant's HTTP server (`/__mock/faults`, see mocks/http-server.ts). */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Fault } from '../../mocks/http-server';
import { mockTenantUrl } from './test';

export async function injectFault(request: APIRequestContext, fault: Fault | Fault[], tenant = mockTenantUrl): Promise<void> {
  const response = await request.post(`${tenant}/__mock/faults`, { data: fault });
  expect(response.status()).toBe(204);
}

export async function clearFaults(request: APIRequestContext, tenant = mockTenantUrl): Promise<void> {
  const response = await request.delete(`${tenant}/__mock/faults`);
  expect(response.status()).toBe(204);
}

export interface SeenRequest {
  method: string;
  /** Below /openidm/, without the query. */
  path: string;
  query: URLSearchParams;
  /** When it left, in page time (the page's clock may be driven by the test). */
  at: number;
}

/** Every request the page sends to the tenant (not preflights), in order. */
export function recordTenantRequests(page: Page): SeenRequest[] {
  const seen: SeenRequest[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/openidm/') || request.method() === 'OPTIONS') return;
    seen.push({ method: request.method(), path: url.pathname.slice('/openidm/'.length), query: url.searchParams, at: Date.now() });
  });
  return seen;
}

export const count = (seen: SeenRequest[], method: string, path: string) => seen.filter((r) => r.method === method && r.path === path).length;

/**
 * Records, in the page, the text of every status and alert as it appears, so a notice that is on
 * screen only while a retry waits (a second, in real time) is checked without racing it.
 */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __announcements: string[] }).__announcements = seen;
    const collect = () => {
      for (const element of document.querySelectorAll('[role="status"], [role="alert"]')) {
        const text = element.textContent ?? '';
        if (text && !seen.includes(text)) seen.push(text);
      }
    };
    new MutationObserver(collect).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

export function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __announcements: string[] }).__announcements);
}
