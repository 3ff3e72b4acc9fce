/** The overview against the mock tenant: what the user sees and what the server receives. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { getTenant } from '../../../mocks/tenant';
import { SEEDED_ACTIVE_MAPPING } from '../../../mocks/recon/seed';
import { useFakeClock } from '../../testing/fake-clock';
import { renderRoutes } from '../../testing/render';
import { OverviewPage } from './overview-page';
import { QUEUE_SCAN_PAGE } from './queries';

afterEach(() => server.events.removeAllListeners());

// The page's live part is a chunk it imports once the first rows are on screen. Its first import
// here is file I/O and a transform, in wall time, which the fake clock that findBy advances cannot
// wait for: it is imported once before the tests. The page still imports it asynchronously, after
// the rows, so the order is tested as it is.
beforeAll(async () => {
  await import('./overview-live');
}, 60_000);

const TABLE = 'Mappings in processing order, with their health';
const STUCK_MAPPING = 'managedAlpha_user_systemServicenowUsers';

function renderOverview(url = '/') {
  return renderRoutes(
    [
      { path: '/', element: <OverviewPage /> },
      { path: '*', element: <p>Another page</p> },
    ],
    url,
  ).router;
}

function rowOf(name: string) {
  return screen.getByRole('link', { name: new RegExp(`^${name}$`) }).closest('tr')!;
}

function figure(label: string) {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling!;
}

describe('OverviewPage', () => {
  // First in the file: the page keeps its live part once loaded, and this test is about the visit
  // that loads it.
  it('shows the first rows from the mappings alone; the runs list and the queue scan are asked for once they are on screen, and each cell says Loading… until its answer', async () => {
    const clock = useFakeClock();
    const first = getTenant().mappings[0]!.name;
    // Whether the first row was on screen when each request reached the tenant.
    const rowShown: Record<'runs' | 'scan', boolean[]> = { runs: [], scan: [] };
    const firstRowShown = () => screen.queryByRole('link', { name: new RegExp(`^${first}$`) }) !== null;
    const hold = () => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      return { gate, release };
    };
    const mappingsHeld = hold();
    const runsHeld = hold();
    server.use(
      http.get('*/openidm/sync/mappings', async () => {
        await mappingsHeld.gate;
        return undefined;
      }),
      http.get('*/openidm/recon', async () => {
        rowShown.runs.push(firstRowShown());
        await runsHeld.gate;
        return undefined;
      }),
      http.get('*/openidm/sync/queue', () => {
        rowShown.scan.push(firstRowShown());
        return undefined;
      }),
    );
    try {
      renderOverview();
      // While the first mappings page is held, nothing else is asked for, however long it takes.
      expect(await screen.findByText('Loading mappings…')).toBeInTheDocument();
      await clock.advance(5_000);
      expect(rowShown).toEqual({ runs: [], scan: [] });
      expect(figure('Active runs')).toHaveTextContent(/^Loading…$/);
      mappingsHeld.release();

      await screen.findByRole('link', { name: new RegExp(`^${first}$`) });
      await waitFor(() => expect(rowShown.runs).toHaveLength(1));
      // The runs list is held: every cell that needs it says so, none says "never".
      const cells = within(rowOf(first)).getAllByRole('cell');
      for (const column of [1, 2, 3, 5]) expect(cells[column]).toHaveTextContent(/^Loading…$/);
      expect(screen.queryByText('Never reconciled')).not.toBeInTheDocument();
      expect(figure('Active runs')).toHaveTextContent(/^Loading…$/);
      expect(figure('Mappings never reconciled')).toHaveTextContent(/^Loading…$/);
      expect(within(rowOf(first)).getByRole('button', { name: `Launch a reconciliation of ${first}…` })).toHaveAttribute('aria-disabled', 'true');
    } finally {
      mappingsHeld.release();
      runsHeld.release();
    }
    await waitFor(() => expect(figure('Active runs')).toHaveTextContent(/^1$/));
    const cells = within(rowOf(first)).getAllByRole('cell');
    expect(within(cells[1]!).getByRole('link')).toHaveAttribute('href', expect.stringMatching(/^\/recon\//));
    expect(within(cells[2]!).getByRole('link', { name: new RegExp(`^Trend of the last (\\d+ runs|run) of ${first}$`) })).toBeInTheDocument();
    expect(within(rowOf(first)).getByRole('button', { name: `Launch a reconciliation of ${first}…` })).not.toHaveAttribute('aria-disabled', 'true');
    expect(rowShown.runs.length).toBeGreaterThan(0);
    expect(rowShown.scan.length).toBeGreaterThan(0);
    expect([...rowShown.runs, ...rowShown.scan].every(Boolean)).toBe(true);
  });

  it('shows every mapping in processing order with its last run, active run and queued events', async () => {
    const requests: URL[] = [];
    server.events.on('request:start', ({ request }) => requests.push(new URL(request.url)));
    renderOverview();
    const table = await screen.findByRole('table', { name: TABLE });
    const names = getTenant().mappings.map((m) => m.name);
    const shown = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('link')[0]!.textContent);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(names.slice(0, shown.length));

    // The seeded active run: live progress and a cancel action, and no second launch.
    await waitFor(() => expect(within(rowOf(SEEDED_ACTIVE_MAPPING)).getByRole('button', { name: `Cancel the run of ${SEEDED_ACTIVE_MAPPING}` })).toBeEnabled());
    expect(within(rowOf(SEEDED_ACTIVE_MAPPING)).getByRole('button', { name: `Launch a reconciliation of ${SEEDED_ACTIVE_MAPPING}…` })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    // Queue counts, each a link to the queue filtered to them; the queue read with light fields.
    const stuck = await within(rowOf(STUCK_MAPPING)).findByRole('link', { name: /possibly stuck/ });
    const href = new URL(stuck.getAttribute('href')!, 'http://x');
    expect(href.pathname).toBe('/sync-queue');
    expect(href.searchParams.get('filter')).toMatch(new RegExp(`^\\(?/mapping eq "${STUCK_MAPPING}" and /state eq "ACQUIRED" and /createDate lt "`));
    const pending = within(rowOf(STUCK_MAPPING)).getByRole('link', { name: /pending$/ });
    expect(pending).toHaveAttribute('href', `/sync-queue?mapping=${STUCK_MAPPING}&state=PENDING`);
    const scans = requests.filter((u) => u.pathname.endsWith('/sync/queue'));
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      expect(scan.searchParams.get('_fields')).not.toMatch(/Object/);
      expect(Number(scan.searchParams.get('_pageSize'))).toBeLessThanOrEqual(QUEUE_SCAN_PAGE);
    }

    // The tenant's figures, from the same data.
    const queued = getTenant().queue.size;
    await waitFor(() => expect(figure('Queued events')).toHaveTextContent(new RegExp(`^${new Intl.NumberFormat('en').format(queued)}$`)));
    expect(figure('Active runs')).toHaveTextContent(/^1$/);
  });

  it('narrows to what needs attention with a switch kept in the URL', async () => {
    const user = userEvent.setup();
    const router = renderOverview();
    const table = await screen.findByRole('table', { name: TABLE });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(2));
    await screen.findAllByRole('link', { name: /possibly stuck/ });
    const total = getTenant().mappings.length;
    expect(screen.getByText(`${total} mappings`)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Only what needs attention' }));
    expect(router.state.location.search).toBe('?attention=1');
    const counted = await screen.findByText(new RegExp(`^\\d+ of ${total} mappings need attention$`));
    const needing = Number(counted.textContent!.split(' ')[0]);
    expect(needing).toBeGreaterThan(0);
    expect(needing).toBeLessThan(total);
    const rows = within(screen.getByRole('table', { name: TABLE }))
      .getAllByRole('row')
      .slice(1);
    const reasons = /^(Last run failed|Last run had failures|Much slower than usual|Possibly stuck events|Never reconciled)$/;
    for (const row of rows) expect(within(row).getAllByText(reasons, { selector: '.badge' }).length).toBeGreaterThan(0);
    // A mapping never reconciled and one with stuck events are among them.
    expect(within(rowOf('mapping1')).getByText('Never reconciled', { selector: '.badge' })).toBeInTheDocument();
    expect(within(rowOf(STUCK_MAPPING)).getByText('Possibly stuck events')).toBeInTheDocument();
  });
});
