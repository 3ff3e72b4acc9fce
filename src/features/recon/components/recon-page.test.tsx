/**
 * The Recon page against the mock tenant: what a user sees and what the server receives.
 */
import { focusManager } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../../mocks/node';
import { QUICK_MAPPING, SEEDED_ACTIVE_MAPPING } from '../../../../mocks/recon/seed';
import { getTenant, resetTenant } from '../../../../mocks/tenant';
import { TEST_TENANT_URL } from '../../../testing/setup-tests';
import { paths } from '../../../config/paths';
import { renderRecon } from '../test-utils';

function recordRequests() {
  const seen: { method: string; url: URL }[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push({ method: request.method, url: new URL(request.url) });
  });
  return seen;
}

/**
 * Waits until the mapping picker lists the mappings for the whole typed prefix: the search is
 * debounced, and the choices of a shorter prefix are replaced (new elements) when it catches up.
 */
async function searched(dialog: HTMLElement, prefix: string) {
  await within(dialog).findByText(new RegExp(`starting with “${prefix}”`));
}

const table = () => screen.findByRole('table', { name: 'Reconciliation runs, newest first' });

/** The data rows once the virtualized table has laid them out. */
async function dataRows() {
  const found = await table();
  await waitFor(() => expect(within(found).getAllByRole('row').length).toBeGreaterThan(1));
  return within(found).getAllByRole('row').slice(1);
}

describe('Recon page', () => {
  it('reads the runs one by one: a total sent as a number shows, a run it cannot read is one line with why and its raw JSON', async () => {
    const user = userEvent.setup();
    const answer = (await (await fetch(`${TEST_TENANT_URL}/openidm/recon`)).json()) as { reconciliations: Record<string, any>[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- the test edits arbitrary JSON
    const finished = answer.reconciliations.find((r) => r.state === 'SUCCESS')!;
    finished.progress.source.existing.total = Number(finished.progress.source.existing.total);
    delete finished.ended;
    const broken = { _id: 'broken-run', mapping: 'mapping1', state: 'SUCCESS', progress: { source: { existing: { processed: 'many', total: '3' } } } };
    answer.reconciliations.splice(3, 0, broken);
    server.use(http.get(`${TEST_TENANT_URL}/openidm/recon`, () => HttpResponse.json(answer)));
    renderRecon('/recon');

    await dataRows();
    expect(screen.getByText(/^42 runs/)).toBeInTheDocument();
    const unreadable = screen.getByRole('status', { name: 'run that could not be read' });
    expect(unreadable).toHaveTextContent('1 run could not be read (of 43 on this page); the others are shown as usual.');
    expect(unreadable).toHaveTextContent('Item 4 could not be read: progress.source.existing.processed — expected a string of digits, received string "many"');
    await user.click(within(unreadable).getByText('Raw JSON'));
    expect(within(unreadable).getByText(/"_id": "broken-run"/)).toBeVisible();
  });

  it('lists the runs newest first, the active one with a progress bar', async () => {
    renderRecon('/recon');
    const rows = await dataRows();
    expect(rows.length).toBeGreaterThan(5);
    const first = rows[0]!;
    // The mapping's name opens the run, named for the run it opens and how it stands.
    const runLink = within(first).getByRole('link', { name: new RegExp(`^Run \\S+ of ${SEEDED_ACTIVE_MAPPING}, running$`) });
    expect(runLink).toHaveTextContent(SEEDED_ACTIVE_MAPPING);
    const runId = /^Run (\S+) of/.exec(runLink.getAttribute('aria-label')!)![1]!;
    expect(runLink).toHaveAttribute('href', paths.reconRun(runId));
    expect(within(first).getByText('Running')).toBeInTheDocument();
    expect(within(first).getByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByText(/42 runs · 1 active, updating live/)).toBeInTheDocument();
  });

  it('announces a run that finishes while the list is open', async () => {
    resetTenant({ timeScale: 10 });
    const user = userEvent.setup();
    renderRecon('/recon');
    await dataRows();
    await user.click(screen.getByRole('button', { name: 'Launch a reconciliation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Launch a reconciliation' });
    await user.type(within(dialog).getByLabelText('Find by the start of its name'), QUICK_MAPPING);
    await searched(dialog, QUICK_MAPPING);
    await user.click(await within(dialog).findByRole('radio', { name: new RegExp(`^${QUICK_MAPPING}`) }));
    await user.click(within(dialog).getByRole('button', { name: `Launch full run of ${QUICK_MAPPING}` }));
    await screen.findByText(/Started a reconciliation of/);
    // Move the tenant's clock past the run's end rather than wait for it.
    getTenant().recon.clock.advance(60_000);
    const notice = await screen.findByText(`The reconciliation of ${QUICK_MAPPING} finished: succeeded.`);
    expect(notice.closest('[aria-live="polite"]')).not.toBeNull();
  });

  it('marks the runs that kept a per-record report, linking to their records', async () => {
    const seen = recordRequests();
    // The seeded runs that kept a report: every fourth, every twelfth an analysis.
    const kept = new Map(
      getTenant()
        .recon.runs.filter((r) => r.plan.persistAssociations)
        .map((r) => [r.id, r.plan.analyze ? 'Analysis' : 'Report']),
    );
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

  it('self-managed: marks only the reports the server still keeps, never one it cannot open', async () => {
    resetTenant({ profile: 'self-managed' });
    // The engine keeps each mapping's latest report and latest analysis; older ones are gone.
    const persisted = getTenant().recon.runs.filter((r) => r.plan.persistAssociations);
    const latest = new Map(persisted.map((r) => [`${r.mapping}|${String(r.plan.analyze)}`, r]));
    const kept = new Map([...latest.values()].map((r) => [r.id, r.plan.analyze ? 'Analysis' : 'Report']));
    const older = persisted.find((r) => !kept.has(r.id))!;
    expect(older).toBeDefined();
    // That mapping's runs, all in view.
    renderRecon(`/recon?mapping=${older.mapping}`);
    const rows = await dataRows();
    await waitFor(() => expect(screen.getAllByRole('link', { name: /^(Analysis|Per-record report) of the run of / }).length).toBeGreaterThan(0));
    let gone = 0;
    for (const row of rows) {
      const id = decodeURIComponent(within(row).getAllByRole('link')[0]!.getAttribute('href')!.split('/').pop()!);
      const marker = within(row).queryByRole('link', { name: /^(Analysis|Per-record report) of the run of / });
      expect(marker?.textContent ?? null).toBe(kept.get(id) ?? null);
      if (!kept.has(id) && persisted.some((r) => r.id === id)) gone++;
    }
    expect(gone).toBeGreaterThan(0);
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
    await searched(dialog, 'systemHrdb');
    expect(await within(dialog).findByText('3 mappings starting with “systemHrdb”')).toBeInTheDocument();
    expect(seen.some((r) => r.url.searchParams.get('_queryFilter') === '/name sw "systemHrdb"')).toBe(true);
    await user.click(within(dialog).getByRole('radio', { name: new RegExp(`^${QUICK_MAPPING}`) }));
    await user.click(within(dialog).getByRole('button', { name: `Launch full run of ${QUICK_MAPPING}` }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const launches = seen.filter((r) => r.method === 'POST');
    expect(launches.map((r) => r.url.search)).toEqual([`?_action=recon&mapping=${QUICK_MAPPING}`]);
    expect(screen.getByText(/Started a reconciliation of/)).toHaveTextContent(`Started a reconciliation of ${QUICK_MAPPING}. Follow the run`);
    const rows = await dataRows();
    expect(within(rows[0]!).getByRole('link', { name: new RegExp(`^Run .+ of ${QUICK_MAPPING}, running$`) })).toHaveTextContent(QUICK_MAPPING);
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
    await searched(dialog, 'systemHrdb');
    await user.click(await within(dialog).findByRole('radio', { name: new RegExp(`^${QUICK_MAPPING}`) }));
    await user.click(within(dialog).getByRole('radio', { name: 'One source entry, by its id' }));
    await user.click(within(dialog).getByRole('button', { name: 'Launch run for one entry' }));
    expect(within(dialog).getByText('Enter the id of the source entry to reconcile.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Source entry id'), 'emp 42/x');
    await user.click(within(dialog).getByRole('button', { name: 'Launch run for emp 42/x' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const launch = seen.find((r) => r.method === 'POST')!;
    expect(Object.fromEntries(launch.url.searchParams)).toEqual({ _action: 'reconById', mapping: QUICK_MAPPING, id: 'emp 42/x', ids: 'emp 42/x' });
  });

  it('says so before launching when the mapping already has an active run', async () => {
    const user = userEvent.setup();
    renderRecon('/recon');
    await table();
    await user.click(screen.getByRole('button', { name: 'Launch a reconciliation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Launch a reconciliation' });
    await user.type(within(dialog).getByLabelText('Find by the start of its name'), SEEDED_ACTIVE_MAPPING);
    await searched(dialog, SEEDED_ACTIVE_MAPPING);
    await user.click(await within(dialog).findByRole('radio', { name: new RegExp(`^${SEEDED_ACTIVE_MAPPING}`) }));
    // The dialog reads the runs list afresh as it opens: the warning shows once that answer is in.
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(`${SEEDED_ACTIVE_MAPPING} already has a run in progress`);
    expect(within(dialog).getByRole('button', { name: `Launch full run of ${SEEDED_ACTIVE_MAPPING}` })).toBeDisabled();
  });

  it("shows the server's message when the launch is refused", async () => {
    const user = userEvent.setup();
    const { client } = renderRecon('/recon');
    await table();
    await user.click(screen.getByRole('button', { name: 'Launch a reconciliation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Launch a reconciliation' });
    await user.type(within(dialog).getByLabelText('Find by the start of its name'), 'systemHrdb');
    await searched(dialog, 'systemHrdb');
    await user.click(await within(dialog).findByRole('radio', { name: new RegExp(`^${QUICK_MAPPING}`) }));
    // Someone else starts the same mapping between two polls of the runs list: the list polls
    // about once a second, so hold it (as a hidden tab does) to keep the console's view stale.
    focusManager.setFocused(false);
    try {
      await waitFor(() => expect(client.isFetching()).toBe(0));
      await fetch(`${TEST_TENANT_URL}/openidm/recon?_action=recon&mapping=${QUICK_MAPPING}`, { method: 'POST' });
      await user.click(within(dialog).getByRole('button', { name: `Launch full run of ${QUICK_MAPPING}` }));
      const alert = await within(dialog).findByRole('alert');
      expect(alert).toHaveTextContent('The reconciliation could not be launched');
      expect(alert).toHaveTextContent(`A reconciliation of mapping ${QUICK_MAPPING} is already running`);
      expect(alert).toHaveTextContent('409');
    } finally {
      focusManager.setFocused(undefined);
    }
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("shows each run's succeeded and failed record counts as columns, as the server sent them", async () => {
    const answer = (await (await fetch(`${TEST_TENANT_URL}/openidm/recon`)).json()) as {
      reconciliations: { _id: string; statusSummary?: { SUCCESS: number; FAILURE: number } }[];
    };
    const summaries = new Map(answer.reconciliations.map((r) => [r._id, r.statusSummary]));
    renderRecon('/recon?state=SUCCESS');
    const rows = await dataRows();
    const headers = within(await table())
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers.slice(0, 4)).toEqual(['Run of mapping', 'State', 'Succeeded', 'Failed']);
    let withFailures = 0;
    for (const row of rows) {
      const id = /^Run (\S+) of /.exec(within(row).getAllByRole('link')[0]!.getAttribute('aria-label')!)![1]!;
      const summary = summaries.get(id)!;
      const cells = within(row).getAllByRole('cell');
      expect(cells[2]).toHaveTextContent(new RegExp(`^${summary.SUCCESS.toLocaleString('en')}$`));
      expect(cells[3]).toHaveTextContent(new RegExp(`^${summary.FAILURE.toLocaleString('en')}$`));
      if (summary.FAILURE > 0) withFailures++;
    }
    expect(withFailures).toBeGreaterThan(0);
  });

  it('a tenant without recon/assoc: the list loads without an error about it and marks no report', async () => {
    const seen = recordRequests();
    server.use(
      http.get(`${TEST_TENANT_URL}/openidm/recon/assoc`, () =>
        HttpResponse.json({ code: 404, reason: 'Not Found', message: 'Resource recon/assoc not found' }, { status: 404 }),
      ),
    );
    renderRecon('/recon');
    await dataRows();
    await waitFor(() => expect(seen.some((r) => r.url.pathname === '/openidm/recon/assoc')).toBe(true));
    await waitFor(() => expect(screen.queryByText(/^\d+ runs/)).toBeInTheDocument());
    expect(screen.queryByText(/recon\/assoc not found/)).not.toBeInTheDocument();
    expect(screen.queryByText(/could not be checked/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^(Analysis|Per-record report) of the run of / })).not.toBeInTheDocument();
    // Asked once for this load, not retried.
    expect(seen.filter((r) => r.url.pathname === '/openidm/recon/assoc')).toHaveLength(1);
  });

  it('says what a launch does to the named target, and the button says which launch', async () => {
    const user = userEvent.setup();
    const target = getTenant().mappings.find((m) => m.name === QUICK_MAPPING)!.target;
    renderRecon('/recon');
    await table();
    await user.click(screen.getByRole('button', { name: 'Launch a reconciliation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Launch a reconciliation' });
    expect(within(dialog).getByRole('button', { name: 'Launch' })).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Find by the start of its name'), 'systemHrdb');
    await searched(dialog, 'systemHrdb');
    await user.click(await within(dialog).findByRole('radio', { name: new RegExp(`^${QUICK_MAPPING}`) }));

    // The target is named once the mapping's lookup answers ("its target" until then).
    const effect = await within(dialog).findByText(/^A full run applies the policies of/);
    await waitFor(() =>
      expect(effect).toHaveTextContent(
        `A full run applies the policies of ${QUICK_MAPPING} to every source and target entry and may create, update, delete or unlink objects in ${target}.`,
      ),
    );
    expect(within(dialog).getByText(/this dialog does not check the mapping's policies/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: `Launch full run of ${QUICK_MAPPING}` })).toBeEnabled();

    await user.click(within(dialog).getByRole('radio', { name: /^Analysis only/ }));
    expect(within(dialog).getByRole('button', { name: `Launch analysis of ${QUICK_MAPPING}` })).toBeEnabled();
    expect(within(dialog).getByText(/and reports what each would get: it changes nothing in/)).toHaveTextContent(`it changes nothing in ${target}.`);

    await user.click(within(dialog).getByRole('radio', { name: 'One source entry, by its id' }));
    expect(within(dialog).getByRole('button', { name: 'Launch run for one entry' })).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Source entry id'), 'emp-7');
    expect(within(dialog).getByRole('button', { name: 'Launch run for emp-7' })).toBeEnabled();
    expect(within(dialog).getByText(/to the source entry/)).toHaveTextContent(
      `This applies the policies of ${QUICK_MAPPING} to the source entry emp-7 only and may create, update, delete or unlink objects in ${target}.`,
    );
  });
});
