/** The linked-resources page against the mock tenant. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../../mocks/node';
import { resetTenant, SERVER_PROFILES } from '../../../../mocks/tenant';
import { renderRoutes } from '../../../testing/render';
import { LinkedResourcesPage } from './linked-resources-page';

const SEED_USER = 'managed/realm-name_user/42f8a60e-2019-4110-a10d-7231c3578e2b';
const SEED_ACCOUNT = 'system/ldap/account/03496258-1c5e-40a0-8744-badc2500f262';

afterEach(() => server.events.removeAllListeners());

function renderPage(url: string) {
  return renderRoutes(
    [
      { path: '/linked-resources', element: <LinkedResourcesPage /> },
      { path: '/mappings/:name', element: <p>Mapping page</p> },
    ],
    url,
  ).router;
}

const url = (resourceName: string) => `/linked-resources?${new URLSearchParams({ resourceName }).toString()}`;

describe('LinkedResourcesPage', () => {
  it("looks up the seed's object with a POST and shows its linked LDAP account", async () => {
    const user = userEvent.setup();
    const seen: URL[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') seen.push(new URL(request.url));
    });
    const router = renderPage('/linked-resources');
    await user.type(screen.getByLabelText('Resource path'), SEED_USER);
    await user.click(screen.getByRole('button', { name: 'Show linked resources' }));

    const card = await screen.findByRole('article', { name: SEED_ACCOUNT });
    expect(seen[0]!.pathname).toBe('/openidm/sync');
    expect(Object.fromEntries(seen[0]!.searchParams)).toEqual({ _action: 'getLinkedResources', resourceName: SEED_USER });
    expect(router.state.location.search).toBe(`?${new URLSearchParams({ resourceName: SEED_USER }).toString()}`);
    expect(within(card).getByRole('link', { name: 'systemLdapAccounts_managedUser' })).toHaveAttribute('href', '/mappings/systemLdapAccounts_managedUser');
    expect(within(card).getByRole('rowheader', { name: 'dn' }).nextElementSibling).toHaveTextContent('uid=joe.smith1,ou=People,dc=example,dc=com');
    expect(within(card).getByRole('rowheader', { name: 'kbaInfo' }).nextElementSibling).toHaveTextContent('empty list');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(`1 linked resource for ${SEED_USER}`);
  });

  it('pivots twice, keeps the trail in the URL and shows unreadable links and markup as text', async () => {
    const user = userEvent.setup();
    const router = renderPage(url(SEED_USER));
    await user.click(await screen.findByRole('link', { name: SEED_ACCOUNT }));
    const bravo = 'managed/bravo_user/7d1c3a52-5b8e-4c1f-9a0e-2f6b8d4e1a90';
    await user.click(await screen.findByRole('link', { name: bravo }));

    expect(await screen.findByRole('heading', { level: 2 })).toHaveTextContent(`6 linked resources for ${bravo}`);
    const trail = screen.getByRole('navigation', { name: 'Pivot trail' });
    expect(
      within(trail)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([SEED_USER, SEED_ACCOUNT, bravo]);
    expect(router.state.location.search).toBe(
      `?${new URLSearchParams([
        ['resourceName', bravo],
        ['via', SEED_USER],
        ['via', SEED_ACCOUNT],
      ]).toString()}`,
    );

    // Two links of one mapping, told apart by their qualifier.
    const adCards = screen.getAllByRole('article').filter((a) => a.textContent?.includes('managedBravo_user_systemAdAccounts'));
    expect(adCards.map((a) => within(a).getByText(/^(default|admin)$/).textContent)).toEqual(['default', 'admin']);

    const broken = screen.getByRole('article', { name: 'system/servicenow/sys_user/4f1e2d3c-b5a6-4978-8c9d-0e1f2a3b4c5d' });
    expect(broken).toHaveTextContent('This linked object could not be read.');
    expect(broken).toHaveTextContent('Connection refused');

    // Back to where it started, through the trail.
    await user.click(within(trail).getByRole('link', { name: SEED_USER }));
    expect(router.state.location.search).toBe(`?${new URLSearchParams({ resourceName: SEED_USER }).toString()}`);
  });

  it('renders content values as text', async () => {
    renderPage(url('system/ldap/account/03496258-1c5e-40a0-8744-badc2500f262'));
    const card = await screen.findByRole('article', { name: 'managed/bravo_user/7d1c3a52-5b8e-4c1f-9a0e-2f6b8d4e1a90' });
    expect(within(card).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it.each(
    SERVER_PROFILES.flatMap((profile) => [
      [profile, 'managed/alpha_user/9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a'],
      [profile, 'managed/alpha_user/does-not-exist'],
    ]),
  )('%s: no links to %s does not claim the object exists', async (profile, resourceName) => {
    resetTenant({ profile });
    renderPage(url(resourceName));
    expect(await screen.findByRole('heading', { name: 'Nothing is linked to this id' })).toBeInTheDocument();
    expect(
      screen.getByText(/does not check that the object exists, so an id with a typo, or of an object that does not exist, looks the same/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/not found/i)).not.toBeInTheDocument();
  });

  it('says which object was not found when a server does answer 404, with its message', async () => {
    server.use(
      http.post('*/openidm/sync', () =>
        HttpResponse.json({ code: 404, reason: 'Not Found', message: 'Object managed/alpha_user/does-not-exist not found' }, { status: 404 }),
      ),
    );
    renderPage(url('managed/alpha_user/does-not-exist'));
    expect(await screen.findByRole('heading', { name: 'Not found: managed/alpha_user/does-not-exist' })).toBeInTheDocument();
    expect(screen.getByText('Object managed/alpha_user/does-not-exist not found')).toBeInTheDocument();
  });

  it('shows the entries it can read and says which one it cannot', async () => {
    const user = userEvent.setup();
    const good = {
      resourceName: 'system/ldap/account/1',
      content: { _id: '1', uid: 'jo' },
      linkQualifier: 'default',
      linkType: 'managedUser_systemLdapAccounts',
    };
    server.use(http.post('*/openidm/sync', () => HttpResponse.json([good, { resourceName: 42, content: {} }])));
    renderPage(url(SEED_USER));
    expect(await screen.findByRole('article', { name: 'system/ldap/account/1' })).toBeInTheDocument();
    const unreadable = screen.getByRole('status', { name: 'linked resource that could not be read' });
    expect(unreadable).toHaveTextContent('1 linked resource could not be read (of 2 on this page)');
    expect(unreadable).toHaveTextContent('Item 2 could not be read: resourceName — expected string, received number');
    await user.click(within(unreadable).getByText('Raw JSON'));
    expect(within(unreadable).getByText(/"resourceName": 42/)).toBeVisible();
  });

  it('checks the path before asking the server', async () => {
    const user = userEvent.setup();
    renderPage('/linked-resources');
    await user.type(screen.getByLabelText('Resource path'), 'managed/alpha_user');
    await user.click(screen.getByRole('button', { name: 'Show linked resources' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A resource path looks like managed/<type>/<id> or system/<connector>/<type>/<id>.');
  });

  it('fills the path from the collection picker', async () => {
    const user = userEvent.setup();
    renderPage('/linked-resources');
    const picker = screen.getByLabelText('Collection');
    await screen.findByRole('option', { name: 'system/ldap/account' });
    await user.selectOptions(picker, 'system/ldap/account');
    expect(screen.getByLabelText('Resource path')).toHaveValue('system/ldap/account/');
    expect(screen.getByLabelText('Resource path')).toHaveFocus();
  });

  it('shows a server error with its message', async () => {
    server.use(http.post('*/openidm/sync', () => HttpResponse.json({ code: 403, reason: 'Forbidden', message: 'Access denied' }, { status: 403 })));
    renderPage(url(SEED_USER));
    expect(await screen.findByRole('heading', { name: 'The linked resources could not be loaded' })).toBeInTheDocument();
    expect(screen.getByText('Access denied')).toBeInTheDocument();
  });
});
