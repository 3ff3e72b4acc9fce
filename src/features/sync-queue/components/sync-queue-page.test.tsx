/** The sync-queue page against the mock tenant: what the user sees and what the server receives. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../../mocks/node';
import { changeOf, DOCUMENTED_EVENT, NANOSECOND_EVENT_ID } from '../../../../mocks/data/queue';
import { getTenant, resetTenant, SERVER_PROFILES } from '../../../../mocks/tenant';
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
      expect(seen.at(-1)!.searchParams.get('_queryFilter')).toBe(
        '/mapping eq "managedAlpha_user_systemServicenowUsers" and /state eq "ACQUIRED" and /remainingRetries lt 2',
      ),
    );
    expect(router.state.location.search).toBe('?mapping=managedAlpha_user_systemServicenowUsers&state=ACQUIRED&retriesBelow=2');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Queued synchronization events' })).queryAllByText('PENDING')).toHaveLength(0));
    expect(within(screen.getByRole('table', { name: 'Queued synchronization events' })).getAllByText('ACQUIRED').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Possibly stuck').length).toBeGreaterThan(0);
  });

  it('flags events with few retries left as possibly stuck, saying why', async () => {
    renderPage('/sync-queue?retriesBelow=1&state=PENDING');
    const rows = within(await table())
      .getAllByRole('row')
      .slice(1);
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
    const [a, b, c] = getTenant()
      .queue.events.slice(0, 3)
      .map((e) => e._id) as [string, string, string];
    for (const id of [a, b, c]) await user.click(screen.getByRole('checkbox', { name: `Select event ${id}` }));
    expect(screen.getByText('3 selected')).toBeInTheDocument();

    getTenant().queue.delete(b);
    server.use(
      http.delete(`*/openidm/sync/queue/${c}`, () =>
        HttpResponse.json({ code: 503, reason: 'Service Unavailable', message: 'Node node-2 holds the mapping lock' }, { status: 503 }),
      ),
    );

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
          result: [withoutRetries],
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

describe('SyncQueuePage on a real server', () => {
  it('asks only for the fields the table shows', async () => {
    const seen = requestsTo('/openidm/sync/queue');
    renderPage();
    await table();
    expect(seen[0]!.searchParams.get('_fields')).toBe('_id,_rev,mapping,resourceId,syncAction,state,resourceCollection,nodeId,createDate,remainingRetries');
  });

  it('shows an event it cannot read as a row that says why, with its raw JSON, and counts it', async () => {
    const broken = { ...DOCUMENTED_EVENT, _id: 'b', mapping: ['not', 'a', 'name'] };
    server.use(
      http.get('*/openidm/sync/queue', () =>
        HttpResponse.json({
          result: [{ ...DOCUMENTED_EVENT, _id: 'a' }, broken, { ...DOCUMENTED_EVENT, _id: 'c', createDate: '2026-11-20T15:31:23.123456789Z' }],
          resultCount: 3,
          pagedResultsCookie: null,
          totalPagedResultsPolicy: 'NONE',
          totalPagedResults: -1,
          remainingPagedResults: -1,
        }),
      ),
    );
    renderPage();
    const rows = within(await table())
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('a');
    expect(rows[1]).toHaveTextContent('Event 2 could not be read: mapping — expected string, received array');
    // The event with nanoseconds reads and shows its date.
    expect(within(rows[2]!).getByRole('time')).toHaveAttribute('datetime', '2026-11-20T15:31:23.123456789Z');
    expect(screen.getByText(/2 events loaded\. 1 event could not be read \(shown as rows that say why\)\. This is the end of the queue\./)).toBeInTheDocument();
    // What could be read still works: its Delete button is there, the broken row has none.
    expect(screen.getByRole('button', { name: 'Delete event a' })).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button', { name: /delete/i })).toBeNull();
    // Its raw JSON opens in a dialog, so the row keeps its fixed height.
    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Raw JSON' }));
    const dialog = await screen.findByRole('dialog', { name: 'Event 2 as the server sent it' });
    expect(dialog.querySelector('pre')).toHaveTextContent('"not",');
  });
  it('takes an empty page as the end even when it comes with a cookie: no endless "load more"', async () => {
    const seen = requestsTo('/openidm/sync/queue');
    server.use(
      http.get('*/openidm/sync/queue', ({ request }) => {
        const cookie = new URL(request.url).searchParams.get('_pagedResultsCookie');
        const result = cookie ? [] : [{ ...DOCUMENTED_EVENT, _id: 'a' }];
        return HttpResponse.json({
          result,
          resultCount: result.length,
          pagedResultsCookie: String(Number(cookie ?? 0) + 1),
          totalPagedResultsPolicy: 'NONE',
          totalPagedResults: -1,
          remainingPagedResults: -1,
        });
      }),
    );
    renderPage();
    await table();
    // One row fills no screen: the table asks for the next page by itself.
    expect(await screen.findByText(/^1 events loaded\. This is the end of the queue\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Load more events/ })).not.toBeInTheDocument();
    expect(seen.map((u) => u.searchParams.get('_pagedResultsCookie'))).toEqual([null, '1']);
  });
});

describe.each(SERVER_PROFILES)('SyncQueuePage on a %s server', (profile) => {
  beforeEach(() => {
    resetTenant({ profile });
  });

  it('opens one event to show its old and new values side by side, changed ones marked, fetched for that event only', async () => {
    const user = userEvent.setup();
    const seen = requestsTo('/openidm/sync/queue');
    const router = renderPage();
    await table();
    const event = getTenant()
      .queue.events.slice(0, 15)
      .find((e) => e.syncAction === 'notifyUpdate')!;
    const { oldObject, newObject } = changeOf(event);
    const changed = Object.keys(newObject!).filter((k) => JSON.stringify(newObject![k]) !== JSON.stringify(oldObject![k]));
    const before = seen.length;

    await user.click(screen.getByRole('button', { name: event._id }));
    const dialog = await screen.findByRole('dialog', { name: 'Change carried by a queued event' });
    expect(router.state.location.search).toBe(`?event=${event._id}`);
    expect(await within(dialog).findByText(`${changed.length} of ${Object.keys(newObject!).length} attributes changed.`)).toBeInTheDocument();
    // One request, for this event only, with its objects.
    expect(seen.slice(before).map((u) => [u.searchParams.get('_queryFilter'), u.searchParams.get('_fields')])).toEqual([
      [`/_id eq "${event._id}"`, '_id,oldObject,newObject'],
    ]);

    const values = within(within(dialog).getByRole('table', { name: 'Old and new values of each attribute' }));
    const marked = values.getAllByRole('row').slice(1);
    expect(marked.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(changed.map((name) => `${name}Changed`));
    const first = changed[0]!;
    const row = values.getByRole('row', { name: new RegExp(`^${first}`) });
    expect(row).toHaveTextContent(
      String(typeof oldObject![first] === 'string' ? oldObject![first] : JSON.stringify(oldObject![first], null, 2))
        .replace(/\s+/g, ' ')
        .trim(),
    );

    // Every attribute on demand, unchanged ones unmarked.
    await user.click(within(dialog).getByRole('checkbox', { name: 'Only changed attributes' }));
    expect(values.getAllByRole('row')).toHaveLength(Object.keys(newObject!).length + 1);
    expect(values.getByRole('row', { name: /^userName/ })).not.toHaveTextContent('Changed');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('opens an event from the URL, and says so when it has left the queue', async () => {
    renderPage(`/sync-queue?event=${NANOSECOND_EVENT_ID}`);
    const dialog = await screen.findByRole('dialog', { name: 'Change carried by a queued event' });
    expect(await within(dialog).findByText(/attributes changed\.$/)).toBeInTheDocument();
    getTenant().queue.delete(DOCUMENTED_EVENT._id);
    renderPage(`/sync-queue?event=${DOCUMENTED_EVENT._id}`);
    expect(await screen.findByText('This event is no longer in the sync queue: a node processed it, or it was deleted.')).toBeInTheDocument();
  });

  it('ends the list quietly when the last page is exactly full', async () => {
    const user = userEvent.setup();
    const seen = requestsTo('/openidm/sync/queue');
    const mapping = 'managedAlpha_user_systemAdAccounts';
    const ofMapping = () => getTenant().queue.events.filter((e) => e.mapping === mapping);
    // Exactly two full pages for this mapping.
    for (const event of ofMapping().slice(200)) getTenant().queue.delete(event._id);
    expect(ofMapping()).toHaveLength(200);
    renderPage(`/sync-queue?mapping=${mapping}`);
    await table();
    await user.click(screen.getByRole('button', { name: 'Load more events' }));
    expect(await screen.findByText(/^200 events loaded/)).toBeInTheDocument();
    if (profile === 'self-managed') {
      // The JDBC server hands out a cookie after the full page; the empty page it leads to ends the list.
      await user.click(screen.getByRole('button', { name: 'Load more events' }));
      expect(seen.at(-1)!.searchParams.get('_pagedResultsCookie')).toBe('200');
    }
    expect(await screen.findByText(/^200 events loaded\. This is the end of the queue\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Load more events/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Queued synchronization events' })).queryByText(/could not be read/)).toBeNull();
    expect(seen.filter((u) => u.searchParams.has('_pagedResultsCookie'))).toHaveLength(profile === 'self-managed' ? 2 : 1);
  });

  it('after a deletion, "load more" reads on from the first event not yet loaded: nothing skipped, nothing twice', async () => {
    const user = userEvent.setup();
    const seen = requestsTo('/openidm/sync/queue');
    const firstIds: string[] = [];
    server.events.on('response:mocked', ({ request, response }) => {
      if (new URL(request.url).searchParams.has('_pagedResultsCookie'))
        void response
          .clone()
          .json()
          .then((body: { result: { _id: string }[] }) => firstIds.push(body.result[0]!._id));
    });
    const original = getTenant()
      .queue.events.slice(0, 201)
      .map((e) => e._id);
    renderPage();
    await table();
    await user.click(screen.getByRole('button', { name: `Delete event ${original[1]}` }));
    // Hold the refetch that follows the deletion, so "load more" runs on the cursors in memory.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('*/openidm/sync/queue', async ({ request }) => {
        if (!new URL(request.url).searchParams.has('_pagedResultsCookie')) await gate;
        return undefined;
      }),
    );
    try {
      const dialog = screen.getByRole('dialog', { name: 'Delete queued event' });
      await user.click(within(dialog).getByRole('button', { name: 'Delete event' }));
      expect(await within(dialog).findByText('Finished: 1 deleted, 0 already gone, 0 failed.')).toBeInTheDocument();
      await user.click(within(dialog).getByRole('button', { name: 'Close' }));
      await user.click(screen.getByRole('button', { name: 'Load more events' }));
      expect(await screen.findByText(/^199 events loaded/)).toBeInTheDocument();
    } finally {
      release();
    }
    const next = seen.filter((u) => u.searchParams.has('_pagedResultsCookie'));
    expect(next).toHaveLength(1);
    if (profile === 'self-managed') expect(next[0]!.searchParams.get('_pagedResultsCookie')).toBe('99');
    await waitFor(() => expect(firstIds).toEqual([original[100]]));
  });
});
