/**
 * Linked resources: look up the seed page's own object, pivot twice along its links, go back
 * through the trail; unreadable links, an object with no links, markup shown as text; accessible.
 */
import { paths } from '../src/config/paths';
import { BRAVO_USER, linkedCard, lookUp, pivotTrail, SEED_ACCOUNT, SEED_USER } from './helpers/linked-resources';
import { expect, expectNoAxeViolations, recordRequests, test } from './helpers/test';

test("look up the seed's object and pivot twice", async ({ page }) => {
  const actions = recordRequests(page, '/openidm/sync');
  await page.goto(paths.linkedResources);
  await expect(page.getByRole('heading', { name: 'Choose a resource' })).toBeVisible();
  await page.getByLabel('Collection').selectOption('system/ldap/account');
  await expect(page.getByLabel('Resource path')).toHaveValue('system/ldap/account/');
  await lookUp(page, SEED_USER);

  const account = linkedCard(page, SEED_ACCOUNT);
  await expect(account).toBeVisible();
  await expect(account.getByRole('definition').getByRole('link', { name: 'systemLdapAccounts_managedUser' })).toBeVisible();
  await expect(account.getByRole('row', { name: /^dn / })).toContainText('uid=joe.smith1,ou=People,dc=example,dc=com');
  await expect(account.getByRole('row', { name: /^kbaInfo / })).toContainText('empty list');
  expect(actions.at(-1)?.toString()).toBe(new URLSearchParams({ _action: 'getLinkedResources', resourceName: SEED_USER }).toString());
  await expectNoAxeViolations(page);

  // Pivot 1: to the LDAP account, which also feeds a bravo user.
  await account.getByRole('link', { name: SEED_ACCOUNT }).click();
  await expect(linkedCard(page, BRAVO_USER)).toBeVisible();
  await expect(linkedCard(page, SEED_USER)).toBeVisible();
  // Pivot 2: to the bravo user and its many links.
  await linkedCard(page, BRAVO_USER).getByRole('link', { name: BRAVO_USER }).click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(`6 linked resources for ${BRAVO_USER}`);
  await expect(pivotTrail(page).getByRole('listitem')).toHaveText([SEED_USER, SEED_ACCOUNT, BRAVO_USER]);
  expect(new URL(page.url()).searchParams.get('resourceName')).toBe(BRAVO_USER);
  expect(new URL(page.url()).searchParams.getAll('via')).toEqual([SEED_USER, SEED_ACCOUNT]);

  const broken = linkedCard(page, 'system/servicenow/sys_user/4f1e2d3c-b5a6-4978-8c9d-0e1f2a3b4c5d');
  await expect(broken).toContainText('This linked object could not be read.');
  await expect(broken).toContainText('Connection refused');
  await expectNoAxeViolations(page);

  // Reload keeps the place and the trail; back goes one pivot back.
  await page.reload();
  await expect(pivotTrail(page).getByRole('listitem')).toHaveText([SEED_USER, SEED_ACCOUNT, BRAVO_USER]);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(`for ${SEED_ACCOUNT}`);
  await pivotTrail(page).getByRole('link', { name: SEED_USER }).click();
  await expect(pivotTrail(page)).toHaveCount(0);
  await expect(linkedCard(page, SEED_ACCOUNT)).toBeVisible();
});

test('markup in content shows as text, and copy puts the JSON on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  let dialogs = 0;
  page.on('dialog', () => dialogs++);
  await page.goto(`${paths.linkedResources}?${new URLSearchParams({ resourceName: SEED_ACCOUNT })}`);
  const bravo = linkedCard(page, BRAVO_USER);
  await expect(bravo.getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible();
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialogs).toBe(0);

  await bravo.getByText('Raw JSON').click();
  await bravo.getByRole('button', { name: `Copy the raw JSON of ${BRAVO_USER}` }).click();
  await expect(bravo.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { resourceName: string; content: { description: string } };
  expect(copied.resourceName).toBe(BRAVO_USER);
  expect(copied.content.description).toBe('<img src=x onerror=alert(1)>');
});

test('no links, for an object that exists or not, does not claim the object exists', async ({ page }) => {
  await page.goto(`${paths.linkedResources}?${new URLSearchParams({ resourceName: 'managed/alpha_user/9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a' })}`);
  await expect(page.getByRole('heading', { name: 'Nothing is linked to this id' })).toBeVisible();
  // The server does not check that the object exists: an unknown id answers [] too, and says so.
  await lookUp(page, 'managed/alpha_user/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: /No linked resources for managed\/alpha_user\/00000000-0000-4000-8000-000000000000/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing is linked to this id' })).toBeVisible();
  await expect(page.getByText(/does not check that the object exists, so an id with a typo/)).toBeVisible();
  await lookUp(page, 'managed/alpha_user');
  await expect(page.getByText('A resource path looks like managed/<type>/<id> or system/<connector>/<type>/<id>.')).toBeVisible();
});
