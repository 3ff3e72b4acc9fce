import { useQuery } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useSearchParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { server } from '../../mocks/node';
import { getTenant } from '../../mocks/tenant';
import { queryResultSchema } from '../lib/crest-query';
import { request } from '../lib/http';
import { renderRoute } from '../testing/render';
import { TEST_TENANT_URL } from '../testing/setup-tests';
import { ListState } from './list-state';

const MAPPINGS_URL = `${TEST_TENANT_URL}/openidm/sync/mappings`;
const pageSchema = queryResultSchema(z.object({ _id: z.string(), name: z.string() }));

/** A list the way a page writes one: a real query to the mock tenant, its filter in the URL. */
function MappingList() {
  const [searchParams, setSearchParams] = useSearchParams();
  const name = searchParams.get('name') ?? '';
  const filter = name ? `/name eq "${name}"` : 'true';
  const invalid = name.includes('"');
  const query = useQuery({
    queryKey: ['list-state-test', filter],
    queryFn: ({ signal }) => request({ path: 'sync/mappings', query: { _queryFilter: filter, _pageSize: 5 }, schema: pageSchema, signal }),
    enabled: !invalid,
  });
  return (
    <>
      <button type="button" onClick={() => void query.refetch()}>
        Refresh
      </button>
      <ListState
        query={query}
        data={query.data}
        invalidFilter={invalid}
        loading="Loading mappings…"
        error={{ title: 'The mappings could not be loaded', staleTitle: 'The mappings could not be refreshed' }}
        isEmpty={query.data !== undefined && query.data.result.length + (query.data.unreadable?.length ?? 0) === 0}
        isFiltered={name !== ''}
        empty={{ title: 'No mappings are configured', body: <p>This tenant has none.</p> }}
        noMatch={{ title: 'No mappings match these filters', filter, onClear: () => setSearchParams({}) }}
        unreadable={{ items: query.data?.unreadable ?? [], noun: 'mapping', plural: 'mappings', total: query.data?.result.length }}
        header={(page) => <p>{page.result.length} shown</p>}
      >
        {(page) => (
          <ul aria-label="Mappings">
            {page.result.map((m) => (
              <li key={m._id}>{m.name}</li>
            ))}
          </ul>
        )}
      </ListState>
    </>
  );
}

const renderList = (url = '/list') => renderRoute('/list', <MappingList />, url);

/** Records the `_queryFilter` of every mappings request the tenant receives. */
function sentFilters(): string[] {
  const sent: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/sync/mappings')) sent.push(url.searchParams.get('_queryFilter') ?? '');
  });
  return sent;
}

describe('ListState', () => {
  it('shows an accessible loading state, then the rows the tenant sent', async () => {
    renderList();
    expect(screen.getByRole('status')).toHaveTextContent('Loading mappings…');
    const list = await screen.findByRole('list', { name: 'Mappings' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(
      getTenant()
        .mappings.slice(0, 5)
        .map((m) => m.name),
    );
    expect(screen.getByText('5 shown')).toBeInTheDocument();
    expect(screen.queryByText('Loading mappings…')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows the server's message, code and reason, and Try again asks the tenant again", async () => {
    let calls = 0;
    server.use(
      http.get(MAPPINGS_URL, () => {
        calls++;
        return calls === 1
          ? HttpResponse.json({ code: 500, reason: 'Internal Server Error', message: 'Repository is restarting' }, { status: 500 })
          : undefined;
      }),
    );
    renderList();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The mappings could not be loaded' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('Repository is restarting');
    expect(alert).toHaveTextContent('500');
    expect(alert).toHaveTextContent('Internal Server Error');
    expect(screen.queryByRole('list', { name: 'Mappings' })).not.toBeInTheDocument();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Mappings' })).toBeInTheDocument();
    expect(calls).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the last answer when a refresh fails, with a notice carrying the server message', async () => {
    renderList();
    await screen.findByRole('list', { name: 'Mappings' });
    server.use(
      http.get(MAPPINGS_URL, () => HttpResponse.json({ code: 500, reason: 'Internal Server Error', message: 'Script error in onMapping' }, { status: 500 })),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The mappings could not be refreshed' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('Script error in onMapping');
    expect(within(screen.getByRole('list', { name: 'Mappings' })).getAllByRole('listitem')).toHaveLength(5);
  });

  it('says the tenant has nothing, without offering to clear a filter', async () => {
    getTenant().mappings = [];
    renderList();
    expect(await screen.findByRole('heading', { name: 'No mappings are configured' })).toBeInTheDocument();
    expect(screen.getByText('This tenant has none.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
    expect(screen.queryByText('No mappings match these filters')).not.toBeInTheDocument();
  });

  it('says nothing matches the filter it sent, and clearing it lists everything again', async () => {
    const sent = sentFilters();
    const { router } = renderList('/list?name=nothing-like-this');
    const heading = await screen.findByRole('heading', { name: 'No mappings match these filters' });
    const state = heading.parentElement!;
    expect(state).toHaveTextContent('Filter sent: /name eq "nothing-like-this"');
    expect(screen.queryByText('No mappings are configured')).not.toBeInTheDocument();
    await userEvent.click(within(state).getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('list', { name: 'Mappings' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(sent).toEqual(['/name eq "nothing-like-this"', 'true']);
    server.events.removeAllListeners();
  });

  it('lists the items it could not read, with where and why, beside the others', async () => {
    server.use(
      http.get(MAPPINGS_URL, () =>
        HttpResponse.json({
          result: [
            { _id: 'a', name: 'first' },
            { _id: 'b', name: 42 },
            { _id: 'c', name: 'third' },
          ],
          resultCount: 3,
          pagedResultsCookie: null,
        }),
      ),
    );
    renderList();
    const list = await screen.findByRole('list', { name: 'Mappings' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['first', 'third']);
    const unreadable = screen.getByRole('status', { name: 'mapping that could not be read' });
    expect(unreadable).toHaveTextContent('1 mapping could not be read (of 2 on this page); the others are shown as usual.');
    expect(unreadable).toHaveTextContent('Item 2 could not be read: name');
    await userEvent.click(within(unreadable).getByText('Raw JSON'));
    expect(within(unreadable).getByText(/"name": 42/)).toBeVisible();
  });

  it('refuses a filter that cannot be sent, and asks the tenant nothing', async () => {
    const sent = sentFilters();
    renderList('/list?name=a%22b');
    expect(screen.getByRole('heading', { name: 'This filter cannot be sent' })).toBeInTheDocument();
    expect(screen.queryByText('Loading mappings…')).not.toBeInTheDocument();
    expect(sent).toEqual([]);
    server.events.removeAllListeners();
  });
});
