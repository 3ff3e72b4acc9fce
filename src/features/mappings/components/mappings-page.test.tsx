import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../../mocks/node';
import { getTenant } from '../../../../mocks/tenant';
import { renderRoute } from '../../../testing/render';
import { TEST_TENANT_URL } from '../../../testing/setup-tests';
import { MappingsPage } from './mappings-page';

const renderMappings = (url = '/mappings') => renderRoute('/mappings', <MappingsPage />, url);

describe('MappingsPage', () => {
  it('reads the page mapping by mapping: one it cannot read is listed with why and its raw JSON, the others show', async () => {
    const user = userEvent.setup();
    const answer = (await (await fetch(`${TEST_TENANT_URL}/openidm/sync/mappings?_queryFilter=true&_pageSize=50`)).json()) as {
      result: Record<string, unknown>[];
    };
    answer.result[2] = { ...answer.result[2], _id: null };
    server.use(http.get(`${TEST_TENANT_URL}/openidm/sync/mappings`, () => HttpResponse.json(answer)));
    renderMappings();
    const table = await screen.findByRole('table', { name: 'Mappings in processing order' });
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(49);
    const unreadable = screen.getByRole('status', { name: 'mapping that could not be read' });
    expect(unreadable).toHaveTextContent('1 mapping could not be read (of 50 on this page); the others are shown as usual.');
    expect(unreadable).toHaveTextContent('Item 3 could not be read: _id — expected string, received null');
    await user.click(within(unreadable).getByText('Raw JSON'));
    expect(within(unreadable).getByText(/"_id": null/)).toBeVisible();
  });

  it('shows a loading state, then the first page in processing order', async () => {
    renderMappings();
    expect(screen.getByText('Loading mappings…')).toHaveAttribute('role', 'status');
    const table = await screen.findByRole('table', { name: 'Mappings in processing order' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(50);
    expect(rows[0]).toHaveTextContent('systemHrdb_managedUser');
    expect(within(rows[0]!).getByRole('link', { name: 'systemHrdb_managedUser' })).toHaveAttribute('href', '/mappings/systemHrdb_managedUser');
  });

  it('says in visible words which route is not ready, with no tooltip needed', async () => {
    const down = getTenant().mappings.find((m) => !m.sourceRouteReady)!;
    expect(down).toBeDefined();
    renderMappings(`/mappings?by=name&match=eq&value=${down.name}`);
    const table = await screen.findByRole('table', { name: 'Mappings in processing order' });
    const row = within(table).getAllByRole('row')[1]!;
    const badge = within(row).getByText(`Not ready: ${down.source} not registered`);
    expect(badge).not.toHaveAttribute('title');
    if (down.targetRouteReady) expect(within(row).getByText('Ready')).toBeInTheDocument();
    else expect(within(row).getByText(`Not ready: ${down.target} not registered`)).toBeInTheDocument();
  });

  it('says so when the tenant has no mappings at all, differently from no match', async () => {
    getTenant().mappings = [];
    renderMappings();
    expect(await screen.findByRole('heading', { name: 'No mappings are configured' })).toBeInTheDocument();
    expect(screen.queryByText('No mappings match these filters')).not.toBeInTheDocument();
  });

  it('says no mappings match, with a way to clear the filters', async () => {
    const { router } = renderMappings('/mappings?by=name&match=eq&value=nothing');
    const heading = await screen.findByRole('heading', { name: 'No mappings match these filters' });
    await userEvent.click(within(heading.parentElement!).getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('table', { name: 'Mappings in processing order' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it("shows the server's message, code and reason when the request fails, and can try again", async () => {
    let calls = 0;
    server.use(
      http.get(`${TEST_TENANT_URL}/openidm/sync/mappings`, () => {
        calls++;
        return calls === 1
          ? HttpResponse.json({ code: 500, reason: 'Internal Server Error', message: 'Script error in onMapping' }, { status: 500 })
          : undefined;
      }),
    );
    renderMappings();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Script error in onMapping');
    expect(alert).toHaveTextContent('500');
    expect(alert).toHaveTextContent('Internal Server Error');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Mappings in processing order' })).toBeInTheDocument();
  });

  it('refuses a bad filter from a shared link without sending it', async () => {
    const sent: string[] = [];
    server.events.on('request:start', ({ request }) => sent.push(request.url));
    renderMappings(`/mappings?filter=${encodeURIComponent('/name eq "open')}`);
    expect(await screen.findByText(/This string is never closed/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'This filter cannot be sent' })).toBeInTheDocument();
    expect(sent).toEqual([]);
    server.events.removeAllListeners();
  });
});
