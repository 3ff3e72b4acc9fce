/**
 * The e2e test object: every test starts on a freshly seeded mock tenant, and fails if the page
 * throws or the browser reports a Content-Security-Policy violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const mockTenantUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4300)}`;

export const test = base.extend({
  page: async ({ page, request }, use) => {
    const reset = await request.post(`${mockTenantUrl}/__mock/reset`);
    expect(reset.status()).toBe(204);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) errors.push(`CSP: ${text}`);
    });
    await use(page);
    expect(errors, 'the page threw or violated the Content-Security-Policy').toEqual([]);
  },
});

export { expect };

/**
 * The WCAG levels axe checks: 2.0, 2.1 and 2.2, A and AA. axe-core 4.13 tags its 2.2 rules
 * `wcag22aa` only (it has no `wcag22a` rule), so that is the one 2.2 tag.
 */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page and expects no violations (WCAG 2.2 A/AA). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/**
 * Runs only axe's colour rules and expects no violations: for a second colour scheme of a page
 * already scanned whole, where the DOM, names and roles are the same and only colours differ.
 */
export async function expectNoColourViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withRules(['color-contrast', 'link-in-text-block']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** Collects the query strings of requests the console sends to one tenant endpoint. */
export function recordRequests(page: Page, pathPart: string): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.includes(pathPart) && request.method() !== 'OPTIONS') seen.push(url.searchParams);
  });
  return seen;
}
