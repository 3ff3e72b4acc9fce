/**
 * The mapping page, reached the way users reach it (a mapping name in another page), with its
 * properties, policies and settings; per-file mappings; a name that does not exist; accessible.
 */
import { paths } from '../src/config/paths';
import { linkedCard, SEED_ACCOUNT, SEED_USER } from './helpers/linked-resources';
import { resetTenant } from './helpers/recon';
import { expect, expectNoAxeViolations, test } from './helpers/test';

test('open a mapping from a link and read its properties and policies', async ({ page }) => {
  await page.goto(`${paths.linkedResources}?${new URLSearchParams({ resourceName: SEED_ACCOUNT })}`);
  await linkedCard(page, SEED_USER).getByRole('link', { name: 'systemLdapAccounts_managedUser' }).first().click();
  await expect(page).toHaveURL(/\/mappings\/systemLdapAccounts_managedUser$/);
  await expect(page.getByRole('heading', { level: 1, name: 'systemLdapAccounts_managedUser' })).toBeVisible();
  await expect(page).toHaveTitle('Mapping systemLdapAccounts_managedUser · IDM Sync Console');

  const properties = page.getByRole('region', { name: 'Attribute properties' });
  await expect(properties.getByRole('rowheader')).toHaveText(['userName', 'givenName', 'sn', 'mail']);
  await expect(properties.getByRole('row', { name: /userName/ })).toContainText('uid');

  const policies = page.getByRole('region', { name: 'Situation policies' });
  await expect(policies.getByRole('rowheader')).toHaveCount(13);
  await expect(policies.getByRole('row', { name: /^CONFIRMED / })).toContainText('UPDATE');
  await expect(policies.getByRole('row', { name: /^FOUND_ALREADY_LINKED / })).toContainText('EXCEPTION engine default');
  await expectNoAxeViolations(page);
});

test('a mapping with transforms, conditions, scripted policies and queued sync', async ({ page }) => {
  await page.goto(paths.mapping('managedUser_systemLdapAccounts'));
  const properties = page.getByRole('region', { name: 'Attribute properties' });
  const cn = properties.getByRole('row', { name: /^whole source object cn / });
  await cn.getByText('Yes, script').click();
  await expect(cn.getByText("source.givenName + ' ' + source.sn")).toBeVisible();
  await expect(properties.getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible();
  expect(await page.locator('main img').count()).toBe(0);

  const policies = page.getByRole('region', { name: 'Situation policies' });
  await policies.getByText('Decided by a script').click();
  await expect(policies.getByText("source.accountStatus === 'active' ? 'CREATE' : 'UNLINK'")).toBeVisible();
  await expect(page.getByRole('region', { name: 'Queued synchronization' })).toContainText('maxRetries5');

  // The queued-events count opens the queue filtered by this mapping.
  await page.getByRole('region', { name: 'Sync queue' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/sync-queue\?mapping=managedUser_systemLdapAccounts$/);
  await expect(page.getByLabel('Mapping')).toHaveValue('managedUser_systemLdapAccounts');
  await expectNoAxeViolations(page);
});

test('a per-file mapping, and a name that does not exist', async ({ page }) => {
  await page.goto(paths.mapping('managedBravo_user_managedAlpha_user'));
  await expect(page.getByText(/^Configured in config\/mapping\/managedBravo_user_managedAlpha_user/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Other settings' })).toContainText('links');
  await expectNoAxeViolations(page);

  await page.goto(paths.mapping('noSuchMapping'));
  await expect(page.getByRole('heading', { name: 'No such mapping' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('No mapping named noSuchMapping');
});

// Where each server keeps a mapping (idm-api.md §10): AIC in config/sync (with a null entry), per
// file, or only as a sync/mappings item; self-managed answers 404 for config/sync and keeps every
// mapping per file. The page finds each wherever it is.
const PLACES = {
  aic: [
    ['managedUser_systemLdapAccounts', 'Configured in config/sync as sync/managedUser_systemLdapAccounts'],
    ['managedBravo_user_managedAlpha_user', 'Configured in config/mapping/managedBravo_user_managedAlpha_user'],
    ['managedBravo_role_systemAdGroups', 'Read from sync/mappings'],
  ],
  'self-managed': [
    ['managedUser_systemLdapAccounts', 'Configured in config/mapping/managedUser_systemLdapAccounts'],
    ['managedBravo_user_managedAlpha_user', 'Configured in config/mapping/managedBravo_user_managedAlpha_user'],
    ['managedBravo_role_systemAdGroups', 'Configured in config/mapping/managedBravo_role_systemAdGroups'],
  ],
} as const;

for (const profile of ['aic', 'self-managed'] as const) {
  test(`a mapping page finds the mapping wherever the server keeps it (${profile})`, async ({ page, request }) => {
    await resetTenant(request, { profile });
    for (const [name, where] of PLACES[profile]) {
      await page.goto(paths.mapping(name));
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(page.getByText(/^(Configured in|Read from) /)).toHaveText(new RegExp(`^${where}`));
      await expect(page.getByRole('region', { name: 'Situation policies' }).getByRole('rowheader')).toHaveCount(13);
    }
    await page.goto(paths.mapping('noSuchMapping'));
    await expect(page.getByRole('heading', { name: 'No such mapping' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(
      'No mapping named noSuchMapping: it is neither in config/sync, nor at config/mapping/noSuchMapping, nor listed by sync/mappings',
    );
  });
}

test("launch and cancel a reconciliation from the mapping's page", async ({ page }) => {
  await page.goto(paths.mapping('systemLdapAccounts_managedUser'));
  const runs = page.getByRole('region', { name: 'Recent recon runs' });
  await runs.getByRole('button', { name: 'Launch a reconciliation…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Launch a reconciliation' });
  await expect(dialog.getByText('systemLdapAccounts_managedUser', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Launch' }).click();
  await expect(dialog).toBeHidden();

  const newest = runs.getByRole('table', { name: 'Recent runs of systemLdapAccounts_managedUser, newest first' }).locator('tbody tr').first();
  await expect(newest).toContainText('Running');
  await expect(runs.getByRole('button', { name: 'Launch a reconciliation…' })).toBeDisabled();

  await runs.getByRole('button', { name: /Cancel/ }).click();
  await page.getByRole('dialog', { name: 'Cancel this reconciliation?' }).getByRole('button', { name: 'Cancel the run' }).click();
  await expect(newest).toContainText('Canceled', { timeout: 10_000 });
  await expect(runs.getByRole('button', { name: 'Launch a reconciliation…' })).toBeEnabled();
  await expectNoAxeViolations(page);
});
