/** The sync-queue page against the mock tenant: what the user sees and what the server receives. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../../mocks/node';
import { DOCUMENTED_EVENT } from '../../../../mocks/data/queue';
import { getTenant } from '../../../../mocks/tenant';
import { renderRoutes } from '../../../testing/render';
import { SyncQueuePage } from './sync-queue-page';

afterEach(() => server.events.removeAllListeners());

function renderPage(url = '/sync-queue') {
  return renderRoutes(
    [
      { path: '/sync-queue', element: <SyncQueuePage /> },
      { path: '*', element: <p>Another page</p> },
    ],
    url,
  ).router;
}

function requestsTo(path: string, method = 'GET'): URL[] {
  const seen: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (request.method === method && url.pathname.includes(path)) seen.push(url);
  });
  return seen;
}

const table = () => screen.findByRole('table', { name: 'Queued synchronization events' });

describe('SyncQueuePage', () => {
  it('lists the first page by the server cursor and loads more on demand, with no total', async () => {
    const user = userEvent.setup();
    const seen = requestsTo('/openidm/sync/queue');
    renderPage();
    const rows = within(await table()).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(screen.getByText('03e6ab3b-9e5f-43ac-a7a7-a889c5556955')).toBeInTheDocument();
    expect(screen.getByText(/100 events loaded\. More are queued; the server does not say how many\./)).toBeInTheDocument();
    expect(seen[0]!.searchParams.get('_queryFilter')).toBe('true');
    expect(seen[0]!.searchParams.get('_pageSize')).toBe('100');
    expect(seen[0]!.searchParams.has('_pagedResultsCookie')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Load more events' }));
    expect(await screen.findByText(/200 events loaded/)).toBeInTheDocument();
    const next = seen.find((u) => u.searchParams.has('_pagedResultsCookie'));
    expect(next).toBeDefined();
  });

  it('builds the filter from the form, keeps it in the URL and shows only matching events', async () => {
    const user = userEvent.setup();
    const seen = requestsTo('/openidm/sync/queue');
    const router = renderPage();
    await table();
    await user.selectOptions(screen.getByLabelText('State'), 'ACQUIRED');
    await user.type(screen.getByLabelText('Mapping'), 'managedAlpha_user_systemServicenowUsers');
    await user.type(screen.getByLabelText('Remaining retries below'), '2');
    await user.click(screen.getByRole('button', { name: 'Apply filter' }));

    await waitFor(() =>
      expect(seen.at(-1)!.searchParams.get('_queryFilter')).toBe('/mapping eq "managedAlpha_user_systemServicenowUsers" and /state eq "ACQUIRED" and /remainingRetries lt 2'),
    );
    expect(router.state.location.search).toBe('?mapping=managedAlpha_user_systemServicenowUsers&state=ACQUIRED&retriesBelow=2');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Queued synchronization events' })).queryAllByText('PENDING')).toHaveLength(0));
    expect(within(screen.getByRole('table', { name: 'Queued synchronization events' })).getAllByText('ACQUIRED').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Possibly stuck').length).toBeGreaterThan(0);
  });

  it('flags events with few retries left as possibly stuck, saying why', async () => {
    renderPage('/sync-queue?retriesBelow=1&state=PENDING');
    const rows = within(await table()).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveTextContent('Possibly stuck');
      expect(row).toHaveTextContent('0 retries left');
    }
  });

  it('checks an advanced filter in the browser and sends nothing while it is broken', async () => {
    const user = userEvent.setup();
    const seen = requestsTo('/openidm/sync/queue');
    renderPage();
    await table();
    const before = seen.length;
    await user.click(screen.getByLabelText(/Advanced filter/));
    await user.type(screen.getByLabelText('Query filter'), '/state eq "ACQUIRED" and');
    await user.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/at character/);
    expect(seen.length).toBe(before);
  });

  it('says when no event matches, distinct from an empty queue', async () => {
    renderPage('/sync-queue?mapping=noSuchMapping');
    expect(await screen.findByRole('heading', { name: 'No queued events match these filters' })).toBeInTheDocument();
    expect(screen.getByText('/mapping eq "noSuchMapping"')).toBeInTheDocument();
  });

  it('deletes one event after a confirmation that names it, exactly once', async () => {
    const user = userEvent.setup();
    const deletes = requestsTo('/openidm/sync/queue/', 'DELETE');
    renderPage();
    await table();
    const id = '03e6ab3b-9e5f-43ac-a7a7-a889c5556955';
    await user.click(screen.getByRole('button', { name: `Delete event ${id}` }));
    const dialog = screen.getByRole('dialog', { name: 'Delete queued event' });
    expect(dialog).toHaveTextContent(id);
    expect(dialog).toHaveTextContent('notifyCreate of managed/realm-name_user/e6533cfe-81ad-4fe8-8104-55e17bd9a1a9 for managedUser_systemLdapAccounts');
    expect(deletes).toHaveLength(0);

    await user.dblClick(within(dialog).getByRole('button', { name: 'Delete event' }));
    expect(await within(dialog).findByText('Finished: 1 deleted, 0 already gone, 0 failed.')).toBeInTheDocument();
    expect(deletes).toHaveLength(1);
    expect(getTenant().queue.get(id)).toBeUndefined();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByText(id)).not.toBeInTheDocument());
  });

  it('cancelling the confirmation deletes nothing', async () => {
    const user = userEvent.setup();
    const deletes = requestsTo('/openidm/sync/queue/', 'DELETE');
    renderPage();
    await table();
    await user.click(screen.getAllByRole('button', { name: /^Delete event / })[0]!);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(deletes).toHaveLength(0);
  });

  it('bulk-deletes with progress and a result per event; gone is not a failure; failures stay selected', async () => {
    const user = userEvent.setup();
    renderPage();
    await table();
    const [a, b, c] = getTenant().queue.events.slice(0, 3).map((e) => e._id) as [string, string, string];
    for (const id of [a, b, c]) await user.click(screen.getByRole('checkbox', { name: `Select event ${id}` }));
    expect(screen.getByText('3 selected')).toBeInTheDocument();

    getTenant().queue.delete(b);
    server.use(http.delete(`*/openidm/sync/queue/${c}`, () => HttpResponse.json({ code: 503, reason: 'Service Unavailable', message: 'Node node-2 holds the mapping lock' }, { status: 503 })));

    await user.click(screen.getByRole('button', { name: 'Delete selected (3)' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 3 queued events' });
    for (const id of [a, b, c]) expect(dialog).toHaveTextContent(id);
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 events' }));

    expect(await within(dialog).findByText(/Finished: 1 deleted, 1 already gone, 1 failed\./)).toBeInTheDocument();
    expect(within(dialog).getByRole('progressbar', { name: 'Deletion progress' })).toHaveAttribute('value', '3');
    const results = within(within(dialog).getByRole('table', { name: 'Result per event' }));
    expect(results.getByRole('row', { name: new RegExp(a) })).toHaveTextContent('Deleted');
    expect(results.getByRole('row', { name: new RegExp(b) })).toHaveTextContent('Already gone');
    expect(results.getByRole('row', { name: new RegExp(c) })).toHaveTextContent('Failed: 503 Service Unavailable: Node node-2 holds the mapping lock');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.getByText('1 selected')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: `Select event ${c}` })).toBeChecked();
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: `Select event ${a}` })).not.toBeInTheDocument());
  });

  it('copes with events that carry no remainingRetries', async () => {
    const { remainingRetries: _dropped, ...withoutRetries } = DOCUMENTED_EVENT;
    server.use(
      http.get('*/openidm/sync/queue', () =>
        HttpResponse.json({
          result: [
            withoutRetries,
          ],
          resultCount: 8,
          pagedResultsCookie: null,
          totalPagedResultsPolicy: 'NONE',
          totalPagedResults: -1,
          remainingPagedResults: -1,
        }),
      ),
    );
    renderPage();
    await table();
    expect(screen.getByText('not sent')).toBeInTheDocument();
    expect(screen.getByText(/1 events loaded\. This is the end of the queue\./)).toBeInTheDocument();
  });

  it('shows the server message when the queue cannot be read', async () => {
    server.use(http.get('*/openidm/sync/queue', () => HttpResponse.json({ code: 403, reason: 'Forbidden', message: 'Access denied' }, { status: 403 })));
    renderPage();
    expect(await screen.findByRole('heading', { name: 'The sync queue could not be loaded' })).toBeInTheDocument();
    expect(screen.getByText('Access denied')).toBeInTheDocument();
  });

  it('shows the markup in a resource id as text', async () => {
    renderPage('/sync-queue?resourceId=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E');
    await table();
    expect(screen.getByText('managed/alpha_user/<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
