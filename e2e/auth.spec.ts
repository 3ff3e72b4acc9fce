/**
 * Signing in, against a real OpenID provider on loopback and a mock tenant that accepts only its
 * tokens, with the production build served by a real HTTP server.
 */
import {
  authTenant,
  brokenApp,
  clientCredentialsToken,
  issuer,
  localStorageDump,
  moveTenantClock,
  oauthApp,
  resetAuthTenant,
  signInWithToken,
  subpathApp,
  tokenApp,
} from './helpers/auth';
import { MAPPINGS_TABLE } from './helpers/mappings';
import { recordTenantRequests } from './helpers/faults';
import { queueTable } from './helpers/sync-queue';
import { tableRows } from './helpers/table';
import { expect, test } from './helpers/test';

test.beforeEach(async ({ request }) => {
  await resetAuthTenant(request);
});

test('sign in with an access token and see the mappings; the token stays out of URLs and localStorage', async ({ page, request }) => {
  const token = await clientCredentialsToken(request, 'service-account');
  const authorizations: string[] = [];
  const urls: string[] = [];
  page.on('request', (r) => {
    urls.push(r.url());
    if (r.url().startsWith(authTenant) && r.method() !== 'OPTIONS') authorizations.push(r.headers().authorization ?? '(none)');
  });

  const response = await page.goto(`${tokenApp}/mappings`);
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

  await expect(page).toHaveTitle('Sign in to IDM Sync Console');
  await expect(page.getByText(`Tenant: ${new URL(authTenant).host}`)).toBeVisible();
  await signInWithToken(page, 'not-a-real-token');
  await expect(page.getByRole('alert')).toHaveText(/The tenant refused this token \(401 Unauthorized: Access Denied\)/);

  await signInWithToken(page, token);
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);
  await expect(page.getByText('Signed in with an access token')).toBeVisible();
  expect(authorizations.at(-1)).toBe(`Bearer ${token}`);
  expect(urls.filter((u) => u.includes(token))).toEqual([]);
  expect(await localStorageDump(page)).not.toContain(token);

  await page.reload();
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await expect(page.getByLabel('Access token')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Access token')).toBeVisible();
});

test('an expired token brings the sign-in back over the same page, keeping what was typed', async ({ page, request }) => {
  await page.goto(`${tokenApp}/mappings?pageSize=10`);
  await signInWithToken(page, await clientCredentialsToken(request, 'service-account'));
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(10);
  await page.getByLabel('Value').fill('typed but not applied');

  await moveTenantClock(request, 3600);
  await page.getByRole('button', { name: 'Next' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
  await expect(dialog).toBeVisible();

  await moveTenantClock(request, -3600);
  await dialog.getByLabel('Access token').fill(await clientCredentialsToken(request, 'service-account'));
  await dialog.getByRole('button', { name: 'Sign in again' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/mappings\?pageSize=10&page=2&cookie=/);
  await expect(page.getByRole('navigation', { name: 'Mappings pages' })).toContainText('Showing 11–20 · Page 2');
  await expect(page.getByLabel('Value')).toHaveValue('typed but not applied');
});

test('a 403 says the account lacks the privilege, and stays put', async ({ page, request }) => {
  await page.goto(`${tokenApp}/mappings?by=source&match=eq&value=source1`);
  await signInWithToken(page, await clientCredentialsToken(request, 'no-privilege'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Access denied');
  await expect(alert).toContainText('Your account lacks the privilege for this (403 Forbidden)');
  await expect(page).toHaveURL(/\/mappings\?by=source&match=eq&value=source1$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('sign in through the OpenID provider with PKCE, land on the same page, and sign out at the provider', async ({ page }) => {
  const authorizeUrls: URL[] = [];
  const tokenRequests: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === issuer && url.pathname === '/auth') authorizeUrls.push(url);
    if (url.origin === issuer && url.pathname === '/token' && r.method() === 'POST') tokenRequests.push(r.postData() ?? '');
  });

  await page.goto(`${oauthApp}/mappings?by=source&match=eq&value=source1`);
  await page.getByRole('button', { name: 'Sign in with your tenant account' }).click();
  await page.getByPlaceholder('Enter any login').fill('ada');
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();

  await expect(page).toHaveURL(`${oauthApp}/mappings?by=source&match=eq&value=source1`);
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(3);
  await expect(page.getByText('Signed in as Ada Admin')).toBeVisible();

  const authorize = authorizeUrls[0]!;
  expect(authorize.searchParams.get('response_type')).toBe('code');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  expect(authorize.searchParams.get('scope')).toContain('fr:idm:*');
  expect(tokenRequests.some((body) => /code_verifier=[\w.~-]{43,}/.test(body))).toBe(true);
  expect(await localStorageDump(page)).not.toMatch(/access_token|eyJ/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${oauthApp}/`);
  await expect(page.getByRole('button', { name: 'Sign in with your tenant account' })).toBeVisible();
});

test('the OAuth session renews its token before expiry, and comes back through a popup when the tenant rejects it', async ({ page, request }) => {
  // The renewal is a real timer: 15 s after sign-in (75 s tokens, renewed 60 s before expiry).
  // On a loaded two-core machine sign-in alone can take seconds, so this test gets more time.
  test.setTimeout(60_000);
  await page.goto(`${oauthApp}/mappings?pageSize=10`);
  await page.getByRole('button', { name: 'Sign in with your tenant account' }).click();
  await page.getByPlaceholder('Enter any login').fill('grace');
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page.getByText('Signed in as Grace Admin')).toBeVisible();

  // Renewal: a refresh-token grant, well before the 75 s token runs out.
  const renewal = await page.waitForRequest((r) => r.url() === `${issuer}/token` && (r.postData() ?? '').includes('grant_type=refresh_token'), {
    timeout: 40_000,
  });
  expect(renewal.method()).toBe('POST');

  await page.getByLabel('Value').fill('kept across the popup');
  await moveTenantClock(request, 3600);
  await page.getByRole('button', { name: 'Next' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
  await expect(dialog).toBeVisible();
  await moveTenantClock(request, -3600);
  const popupPromise = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Sign in again' }).click();
  const popup = await popupPromise;
  // The provider still knows the user: the popup completes on its own and closes. (It may have
  // closed already by the time the popup event reaches the test, so its state is polled rather
  // than waiting for a close event that could be gone.)
  await expect.poll(() => popup.isClosed(), { timeout: 15_000 }).toBe(true);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Mappings pages' })).toContainText('Showing 11–20 · Page 2');
  await expect(page.getByLabel('Value')).toHaveValue('kept across the popup');
});

test('when the sign-in popup goes nowhere, the user can sign in in the same tab and come back to the same page', async ({ page, request }) => {
  await page.goto(`${oauthApp}/mappings?by=source&match=eq&value=source1`);
  await page.getByRole('button', { name: 'Sign in with your tenant account' }).click();
  await page.getByPlaceholder('Enter any login').fill('ada');
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(3);

  await moveTenantClock(request, 3600);
  await page.reload();
  const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
  await expect(dialog).toBeVisible();
  await moveTenantClock(request, -3600);

  // The provider cannot be reached in the popup, and the user gives up and closes it.
  await page.context().route(`${issuer}/auth**`, (route) => route.abort());
  const popupPromise = page.waitForEvent('popup');
  // Listened for on the context before the click: the popup's request may fail before the popup
  // reaches the test.
  const failed = page.context().waitForEvent('requestfailed', (r) => r.url().startsWith(`${issuer}/auth`));
  await dialog.getByRole('button', { name: 'Sign in again' }).click();
  const popup = await popupPromise;
  await failed;
  await popup.close();
  await page.context().unroute(`${issuer}/auth**`);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Sign in in this tab instead' }).click();
  await expect(page).toHaveURL(`${oauthApp}/mappings?by=source&match=eq&value=source1`);
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(3);
  await expect(page.getByText('Signed in as Ada Admin')).toBeVisible();
});

test('after an OAuth sign-in the console returns only inside itself: //evil.example/phish lands on the start page', async ({ page }) => {
  await page.goto(`${oauthApp}//evil.example/phish`);
  await page.getByRole('button', { name: 'Sign in with your tenant account' }).click();
  await page.getByPlaceholder('Enter any login').fill('ada');
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL(`${oauthApp}/`);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByText('Signed in as Ada Admin')).toBeVisible();
});

test('nothing survives signing out: the next account sees only its own tenant, first pages first', async ({ page, request }) => {
  const seen = recordTenantRequests(page);
  const firstPageOf = async (path: string, query: Record<string, string>, token: string) => {
    const response = await request.get(`${authTenant}/openidm/${path}`, { params: query, headers: { authorization: `Bearer ${token}` } });
    return ((await response.json()) as { result: { _id: string; name?: string }[] }).result;
  };

  // The first account pages through the queue and the mappings, and signs out on page 3.
  const first = await clientCredentialsToken(request, 'service-account');
  await page.goto(`${tokenApp}/sync-queue`);
  await signInWithToken(page, first);
  const firstQueue = await firstPageOf('sync/queue', { _queryFilter: 'true', _pageSize: '1' }, first);
  await expect(queueTable(page).getByRole('checkbox', { name: `Select event ${firstQueue[0]!._id}` })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mappings' }).click();
  await page.getByLabel('Page size').selectOption('10');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('navigation', { name: 'Mappings pages' })).toContainText('Showing 21–30 · Page 3');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Access token')).toBeVisible();

  // The tenant now holds other data (as another account's would), and another token signs in.
  await request.post(`${authTenant}/__mock/reset`, { data: { skipFirst: 15 } });
  const second = await clientCredentialsToken(request, 'service-account');
  const [secondMappings, secondQueue] = await Promise.all([
    firstPageOf('sync/mappings', { _queryFilter: 'true', _pageSize: '10' }, second),
    firstPageOf('sync/queue', { _queryFilter: 'true', _pageSize: '1' }, second),
  ]);
  const before = seen.length;
  await signInWithToken(page, second);

  // The start page (the overview), then the first page of this tenant's mappings, asked without any cursor.
  await expect(page).toHaveURL(`${tokenApp}/`);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  const onMappings = seen.length;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mappings' }).click();
  await expect(tableRows(page, MAPPINGS_TABLE).first()).toContainText(secondMappings[0]!.name!);
  const mappingRequests = seen.slice(onMappings).filter((r) => r.path === 'sync/mappings');
  expect(mappingRequests.length).toBeGreaterThan(0);
  for (const r of mappingRequests) {
    expect(r.query.has('_pagedResultsCookie')).toBe(false);
    expect(r.query.get('_pagedResultsOffset') ?? '0').toBe('0');
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync queue' }).click();
  await expect(queueTable(page).getByRole('checkbox', { name: `Select event ${secondQueue[0]!._id}` })).toBeVisible();
  await expect(queueTable(page).getByRole('checkbox', { name: `Select event ${firstQueue[0]!._id}` })).toHaveCount(0);
  // The queue page's own requests (pages of 100); the overview's bounded count reads 1,000 at a time, by its own cursor.
  const queuePageRequests = seen.slice(before).filter((q) => q.path === 'sync/queue' && q.query.get('_pageSize') === '100');
  expect(queuePageRequests.length).toBeGreaterThan(0);
  for (const r of queuePageRequests) expect(r.query.has('_pagedResultsCookie')).toBe(false);
});

test('an invalid or missing config.json is explained, with an example', async ({ page }) => {
  await page.goto(`${brokenApp}/mappings`);
  await expect(page.getByRole('heading', { name: 'The console is not configured' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('config.json is not a valid configuration');
  await expect(page.getByRole('alert')).toContainText('"tenantUrl"');
  await expect(page.getByText('"tenantUrl": "https://openam-example-euw1.forgeblocks.com"')).toBeVisible();

  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('config.json could not be loaded: the server answered 404');
});

test('the console works served under a sub-path', async ({ page, request }) => {
  await page.goto(`${subpathApp}/console/mappings?pageSize=10`);
  await signInWithToken(page, await clientCredentialsToken(request, 'service-account'));
  await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(10);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recon runs' }).click();
  await expect(page).toHaveURL(`${subpathApp}/console/recon`);
  await page.goto(`${subpathApp}/console/mappings?pageSize=10&page=3`);
  await expect(page.getByRole('navigation', { name: 'Mappings pages' })).toContainText('Showing 21–30 · Page 3');
});
