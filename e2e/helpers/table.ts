import type { Locator, Page } from '@playwright/test';

/** The rows of the table with this caption (data rows only). */
export function tableRows(page: Page, caption: string): Locator {
  return page.getByRole('table', { name: caption }).locator('tbody tr');
}

/** The text of one column, by header name, for every data row. */
export async function columnTexts(page: Page, caption: string, header: string): Promise<string[]> {
  const table = page.getByRole('table', { name: caption });
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.findIndex((h) => h.trim() === header);
  if (index < 0) throw new Error(`No column "${header}" in ${headers.join(', ')}`);
  return table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents();
}
