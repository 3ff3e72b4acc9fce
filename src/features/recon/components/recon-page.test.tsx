/**
 * The Recon page against the mock tenant: what a user sees and what the server receives.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { server } from '../../../../mocks/node';
import { QUICK_MAPPING, SEEDED_ACTIVE_MAPPING } from '../../../../mocks/recon/seed';
import { getTenant, resetTenant } from '../../../../mocks/tenant';
import { TEST_TENANT_URL } from '../../../testing/setup-tests';
import { renderRecon } from '../test-utils';


function recordRequests() {
  const seen: { method: string; url: URL }[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push({ method: request.method, url: new URL(request.url) });
  });
  return seen;
}

const table = () => screen.findByRole('table', { name: 'Reconciliation runs, newest first' });

/** The data rows once the virtualized table has laid them out. */
async function dataRows() {
  const found = await table();
  await waitFor(() => expect(within(found).getAllByRole('row').length).toBeGreaterThan(1));
  return within(found).getAllByRole('row').slice(1);
}

describe('Recon page', () => {
  it('lists the runs newest first, the active one with a progress bar', async () => {
    renderRecon('/recon');
    const rows = await dataRows();
    expect(rows.length).toBeGreaterThan(5);
    const first = rows[0]!;
    expect(within(first).getByRole('link', { name: SEEDED_ACTIVE_MAPPING })).toHaveAttribute('href', `/mappings/${SEEDED_ACTIVE_MAPPING}`);
    expect(within(first).getByText('Running')).toBeInTheDocument();
    expect(within(first).getByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByText(/42 runs · 1 active, updating live/)).toBeInTheDocument();
  });

  it('polls the active runs one by one, not the whole list every second', async () => {
    const active = getTenant().recon.runs.find((r) => r.mapping === SEEDED_ACTIVE_MAPPING)!;
    const seen = recordRequests();
    renderRecon('/recon');
    await dataRows();
    const reads = (path: string) => seen.filter((r) => r.url.pathname.endsWith(path)).length;
    await waitFor(() => expect(reads(`/recon/${active.id}`)).toBeGreaterThanOrEqual(3), { timeout: 4_000 });
    expect(reads('/openidm/recon')).toBe(1);
  });

  it('announces a run that finishes while the list is open', async () => {
    resetTenant({ timeScale: 10 });
    const user = userEvent.setup();
    renderRecon('/recon');
    await dataRows();
    await user.click(screen.getByRole('button', { name: 'Launch a reconciliation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Launch a reconciliation' });
    await user.type(within(dialog).getByLabelText('Find by the start of its name'), QUICK_MAPPING);
    await user.click(await within(dialog).findByRole('radio', { name: new RegExp(`^${QUICK_MAPPING}`) }));
    await user.click(within(dialog).getByRole('button', { name: 'Launch' }));
    const notice = await screen.findByText(`The reconciliation of ${QUICK_MAPPING} finished: succeeded.`, {}, { timeout: 4_000 });
    expect(notice.closest('[aria-live="polite"]')).not.toBeNull();
  });

  it('marks the runs that kept a per-record report, linking to their records', async () => {
    const seen = recordRequests();
    // The seeded runs that kept a report: every fourth, every twelfth an analysis.
    const kept = new Map((getTenant().recon.runs.filter((r) => r.plan.persistAssociations)).map((r) => [r.id, r.plan.analyze ? 'Analysis' : 'Report']));
    expect(kept.size).toBeGreaterThan(5);
    renderRecon('/recon?state=SUCCESS');
    const rows = await dataRows();
    await waitFor(() => expect(screen.getAllByRole('link', { name: /^(Analysis|Per-record report) of the run of / }).length).toBeGreaterThan(0));
    for (const row of rows) {
      const id = within(row).getAllByRole('link')[0]!.getAttribute('href')!.split('/').pop()!;
      const marker = within(row).queryByRole('link', { name: /^(Analysis|Per-record report) of the run of / });
      expect(marker?.textContent ?? null).toBe(kept.get(decodeURIComponent(id)) ?? null);
      if (marker) expect(marker).toHaveAttribute('href', `/recon/${id}#records`);
    }
    const asked = seen.find((r) => r.url.pathname === '/openidm/recon/assoc')!;
    expect(Object.fromEntries(asked.url.searchParams)).toEqual({ _queryFilter: 'true', _fields: '_id,isAnalysis', _pageSize: '500' });
  });

  it('filters by mapping and state, in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderRecon('/recon?state=FAILED');
    await table();
    expect(screen.getByLabelText('State')).toHaveValue('FAILED');
    for (const row of await dataRows()) expect(within(row).getByText('Failed')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('State'), '');
    await user.type(screen.getByLabelText('Mapping name contains'), 'zzz-nothing');
    expect(router.state.location.search).toBe('?mapping=zzz-nothing');
    expect(await screen.findByText('No runs match these filters')).toBeInTheDocument();
    await user.click(within(screen.getByRole('search', { name: 'Filter runs' })).getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
    await table();
  });

  it('launches a full run from a paged, searchable picker; the run shows at once', async () => {
    const user = userEvent.setup();
    const seen = recordRequests();
    renderRecon('/recon');
    await table();
    await user.click(screen.getByRole('button', { name: 'Launch a reconciliation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Launch a reconciliation' });
    const choices = await within(dialog).findByRole('radiogroup', { name: 'Mappings' });
    expect(within(choices).getAllByRole('radio')).toHaveLength(20);
    await user.click(within(dialog).getByRole('button', { name: 'More mappings' }));
    await waitFor(() => expect(within(choices).getAllByRole('radio')).toHaveLength(40));
    const pages = seen.filter((r) => r.url.pathname.endsWith('/sync/mappings'));
    expect(pages.map((r) => [r.url.searchParams.get('_pageSize'), r.url.searchParams.get('_pagedResultsCookie')])).toEqual([
      ['20', null],
      ['20', expect.any(String)],
    ]);

    await user.type(within(dialog).getByLabelText('Find by the start of its name'), 'systemHrdb');
    expect(await within(dialog).findByText('3 mappings starting with “systemHrdb”')).toBeInTheDocument();
    expect(seen.some((r) => r.url.searchParams.get('_queryFilter') === '/name sw "systemHrdb"')).toBe(true);
    await user.click(within(dialog).getByRole('radio', { name: new RegExp(`^${QUICK_MAPPING}`) }));
    await user.click(within(dialog).getByRole('button', { name: 'Launch' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const launches = seen.filter((r) => r.method === 'POST');
    expect(launches.map((r) => r.url.search)).toEqual([`?_action=recon&mapping=${QUICK_MAPPING}`]);
    expect(screen.getByText(/Started a reconciliation of/)).toHaveTextContent(`Started a reconciliation of ${QUICK_MAPPING}. Follow the run`);
    const rows = await dataRows();
    expect(within(rows[0]!).getByRole('link', { name: QUICK_MAPPING })).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Running')).toBeInTheDocument();
  });

  it('launches one source entry by id', async () => {
    const user = userEvent.setup();
    const seen = recordRequests();
    renderRecon('/recon');
    await table();
    await user.click(screen.getByRole('button', { name: 'Launch a reconciliation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Launch a reconciliation' });
    await user.type(within(dialog).getByLabelText('Find by the start of its name'), 'systemHrdb');
    await user.click(await within(dialog).findByRole('radio', { name: new RegExp(`^${QUICK_MAPPING}`) }));
    await user.click(within(dialog).getByRole('radio', { name: 'One source entry, by its id' }));
    await user.click(within(dialog).getByRole('button', { name: 'Launch' }));
    expect(within(dialog).getByText('Enter the id of the source entry to reconcile.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Source entry id'), 'emp 42/x');
    await user.click(within(dialog).getByRole('button', { name: 'Launch' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const launch = seen.find((r) => r.method === 'POST')!;
    expect(Object.fromEntries(launch.url.searchParams)).toEqual({ _action: 'reconById', mapping: QUICK_MAPPING, id: 'emp 42/x' });
  });

  it('says so before launching when the mapping already has an active run', async () => {
    const user = userEvent.setup();
    renderRecon('/recon');
    await table();
    await user.click(screen.getByRole('button', { name: 'Launch a reconciliation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Launch a reconciliation' });
    await user.type(within(dialog).getByLabelText('Find by the start of its name'), SEEDED_ACTIVE_MAPPING);
    await user.click(await within(dialog).findByRole('radio', { name: new RegExp(`^${SEEDED_ACTIVE_MAPPING}`) }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(`${SEEDED_ACTIVE_MAPPING} already has a run in progress`);
    expect(within(dialog).getByRole('button', { name: 'Launch' })).toBeDisabled();
  });

  it("shows the server's message when the launch is refused", async () => {
    const user = userEvent.setup();
    renderRecon('/recon');
    await table();
    await user.click(screen.getByRole('button', { name: 'Launch a reconciliation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Launch a reconciliation' });
    await user.type(within(dialog).getByLabelText('Find by the start of its name'), 'systemHrdb');
    await user.click(await within(dialog).findByRole('radio', { name: new RegExp(`^${QUICK_MAPPING}`) }));
    // Someone else starts the same mapping meanwhile.
    await fetch(`${TEST_TENANT_URL}/openidm/recon?_action=recon&mapping=${QUICK_MAPPING}`, { method: 'POST' });
    await user.click(within(dialog).getByRole('button', { name: 'Launch' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The reconciliation could not be launched');
    expect(alert).toHaveTextContent(`A reconciliation of mapping ${QUICK_MAPPING} is already running`);
    expect(alert).toHaveTextContent('409');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
