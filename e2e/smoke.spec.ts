import { expect, test } from './helpers/test';
test('smoke', async ({ page }) => {
  await page.goto('/mappings');
  await expect(page.getByRole('heading', { name: 'Mappings' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await page.screenshot({ path: 'tmp/smoke.png', fullPage: true });
});
