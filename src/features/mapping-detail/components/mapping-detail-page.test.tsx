/** The mapping page against the mock tenant's config/sync and config/mapping/<name>. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../../mocks/node';
import { resetTenant, SERVER_PROFILES } from '../../../../mocks/tenant';
import { TEST_TENANT_URL } from '../../../testing/setup-tests';
import { renderRoutes } from '../../../testing/render';
import { MappingDetailPage, type MappingDetailPageProps } from './mapping-detail-page';

afterEach(() => server.events.removeAllListeners());

function renderPage(name: string, props: MappingDetailPageProps = {}) {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => seen.push(new URL(request.url).pathname));
  const { router } = renderRoutes(
    [
      { path: '/mappings/:name', element: <MappingDetailPage {...props} /> },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    `/mappings/${encodeURIComponent(name)}`,
  );
  return { router, seen };
}

const section = (name: string) => screen.getByRole('region', { name });
const policyRow = (situation: string) =>
  within(section('Situation policies'))
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader', { name: new RegExp(`^${situation}\\b`) }))!;

describe('MappingDetailPage', () => {
  it('reads a sync.json mapping from config/sync and shows properties, policies and settings', async () => {
    const user = userEvent.setup();
    const { seen } = renderPage('managedUser_systemLdapAccounts');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mapping managedUser_systemLdapAccounts' })).toBeInTheDocument();
    expect(seen).toContain('/openidm/config/sync');
    expect(seen.some((p) => p.startsWith('/openidm/config/mapping/'))).toBe(false);
    expect(screen.getByText(/^Configured in/)).toHaveTextContent('Configured in config/sync as sync/managedUser_systemLdapAccounts');
    expect(screen.getByText('managed/user')).toBeInTheDocument();
    expect(screen.getByText('system/ldap/account')).toBeInTheDocument();

    const properties = within(section('Attribute properties'));
    const cn = properties.getByRole('rowheader', { name: 'cn' }).closest('tr')!;
    expect(cn).toHaveTextContent('whole source object');
    await user.click(within(cn).getByText('Yes, script'));
    expect(within(cn).getByText("source.givenName + ' ' + source.sn")).toBeVisible();
    const phone = properties.getByRole('rowheader', { name: 'telephoneNumber' }).closest('tr')!;
    expect(within(phone).getByText('Yes, filter')).toBeInTheDocument();
    expect(phone).toHaveTextContent('/object/telephoneNumber pr');
    // A default value with markup is text.
    expect(properties.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();

    // All 13 situations; those without a policy show the engine default, marked.
    expect(within(section('Situation policies')).getAllByRole('rowheader')).toHaveLength(13);
    expect(policyRow('FOUND')).toHaveTextContent('LINK');
    expect(policyRow('FOUND')).not.toHaveTextContent('engine default');
    expect(policyRow('ABSENT')).toHaveTextContent('/object/accountStatus eq "active"');
    expect(policyRow('MISSING')).toHaveTextContent('Decided by a script');
    expect(policyRow('FOUND_ALREADY_LINKED')).toHaveTextContent('EXCEPTION engine default');
    expect(policyRow('ALL_GONE')).toHaveTextContent('NOREPORT engine default (documented as IGNORE, same effect)');

    expect(section('Correlation')).toHaveTextContent("var qry = {'_queryFilter': 'uid eq \"' + source.userName + '\"'}; qry");
    expect(section('Valid source and target')).toHaveTextContent("source.accountStatus === 'active'");
    expect(section('Valid source and target')).toHaveTextContent('Not set: every target object is valid.');
    const queued = section('Queued synchronization');
    expect(within(queued).getByText('maxRetries').nextElementSibling).toHaveTextContent('5');
    expect(section('Other settings')).toHaveTextContent('triggerSyncProperties');
    expect(section('Other settings')).toHaveTextContent('onCreate');
  });

  it('reads a per-file mapping from config/mapping/<name>', async () => {
    const { seen } = renderPage('managedAlpha_user_managedBravo_user');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mapping managedAlpha_user_managedBravo_user' })).toBeInTheDocument();
    expect(seen).toContain('/openidm/config/mapping/managedAlpha_user_managedBravo_user');
    expect(screen.getByText(/^Configured in/)).toHaveTextContent(
      'Configured in config/mapping/managedAlpha_user_managedBravo_user as mapping/managedAlpha_user_managedBravo_user',
    );
    // Eight situations have a policy; the other five fall back to the engine's default.
    expect(within(section('Situation policies')).getAllByText('engine default')).toHaveLength(5);
  });

  it('gives the recon panel its place, with the mapping name', async () => {
    renderPage('managedUser_systemLdapAccounts', { reconPanel: (name: string): ReactNode => <p>Runs of {name}</p> });
    expect(await screen.findByText('Runs of managedUser_systemLdapAccounts')).toBeInTheDocument();
    expect(section('Recent recon runs')).toContainElement(screen.getByText('Runs of managedUser_systemLdapAccounts'));
  });

  it.each(SERVER_PROFILES)('%s: says when there is no such mapping, naming the three places looked in', async (profile) => {
    resetTenant({ profile });
    renderPage('noSuchMapping');
    expect(await screen.findByRole('heading', { name: 'No such mapping' })).toBeInTheDocument();
    expect(
      screen.getByText('No mapping named noSuchMapping: it is neither in config/sync, nor at config/mapping/noSuchMapping, nor listed by sync/mappings'),
    ).toBeInTheDocument();
  });

  it.each([
    ['aic', 'managedUser_systemLdapAccounts', 'Configured in config/sync as sync/managedUser_systemLdapAccounts'],
    ['self-managed', 'managedUser_systemLdapAccounts', 'Configured in config/mapping/managedUser_systemLdapAccounts as mapping/managedUser_systemLdapAccounts'],
    [
      'aic',
      'managedAlpha_user_managedBravo_user',
      'Configured in config/mapping/managedAlpha_user_managedBravo_user as mapping/managedAlpha_user_managedBravo_user',
    ],
    [
      'self-managed',
      'managedAlpha_user_managedBravo_user',
      'Configured in config/mapping/managedAlpha_user_managedBravo_user as mapping/managedAlpha_user_managedBravo_user',
    ],
    ['aic', 'managedBravo_role_systemAdGroups', 'Read from sync/mappings'],
    [
      'self-managed',
      'managedBravo_role_systemAdGroups',
      'Configured in config/mapping/managedBravo_role_systemAdGroups as mapping/managedBravo_role_systemAdGroups',
    ],
  ] as const)('%s: finds %s wherever the server keeps it (%s)', async (profile, name, where) => {
    resetTenant({ profile });
    renderPage(name);
    expect(await screen.findByRole('heading', { level: 1, name: `Mapping ${name}` })).toBeInTheDocument();
    expect(screen.getByText(/^(Configured in|Read from)/)).toHaveTextContent(where);
    // The whole configuration, wherever it came from: all 13 situations and their policies.
    expect(within(section('Situation policies')).getAllByRole('rowheader')).toHaveLength(13);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('steps over null entries in config/sync', async () => {
    const { body } = { body: (await (await fetch(`${TEST_TENANT_URL}/openidm/config/sync`)).json()) as { mappings: unknown[] } };
    expect(body.mappings).toContain(null);
    renderPage('managedUser_systemLdapAccounts');
    expect(await screen.findByText(/^Configured in/)).toHaveTextContent('Configured in config/sync');
  });

  it('says when only the summary could be read from sync/mappings', async () => {
    resetTenant({ profile: 'self-managed' });
    server.use(http.get('*/openidm/config/mapping/:name', () => HttpResponse.json({ code: 404, reason: 'Not Found', message: 'Not found' }, { status: 404 })));
    renderPage('managedUser_systemLdapAccounts');
    expect(await screen.findByText(/^Read from/)).toHaveTextContent('Read from sync/mappings');
    expect(screen.getByRole('note')).toHaveTextContent('Only this mapping’s summary could be read');
    expect(section('Attribute properties')).toHaveTextContent('Not known: the server’s summary of this mapping does not include them.');
    expect(section('Situation policies')).toHaveTextContent('Not known');
    expect(screen.getByText('system/ldap/account')).toBeInTheDocument();
  });

  it('a 404 from config/sync does not hide a failure of config/mapping', async () => {
    resetTenant({ profile: 'self-managed' });
    server.use(
      http.get('*/openidm/config/mapping/:name', () =>
        HttpResponse.json({ code: 403, reason: 'Forbidden', message: 'Access to config/mapping denied' }, { status: 403 }),
      ),
    );
    renderPage('managedUser_systemLdapAccounts');
    expect(await screen.findByRole('heading', { name: 'The mapping could not be loaded' })).toBeInTheDocument();
    expect(screen.getByText('Access to config/mapping denied')).toBeInTheDocument();
  });

  it('shows the server message when the configuration cannot be read', async () => {
    server.use(http.get('*/openidm/config/sync', () => HttpResponse.json({ code: 403, reason: 'Forbidden', message: 'Access denied' }, { status: 403 })));
    renderPage('managedUser_systemLdapAccounts');
    expect(await screen.findByRole('heading', { name: 'The mapping could not be loaded' })).toBeInTheDocument();
    expect(screen.getByText('Access denied')).toBeInTheDocument();
  });
});
