/**
 * The demo deploy: the same production build, with config.json asking for the built-in mock
 * tenant, which then runs inside the browser (MSW's service worker). No tenant is contacted.
 */
import { expect, test } from '@playwright/test';
import { MAPPINGS_TABLE } from './helpers/mappings';
import { tableRows } from './helpers/table';

test('the demo build runs on the mock tenant inside the browser', async ({ page, baseURL }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const external: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL!).origin) external.push(request.url());
  });
  await page.goto('/mappings');
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);
  await page.getByLabel('Value').fill('mapping1');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(1);
  await page.reload();
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(1);
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});
