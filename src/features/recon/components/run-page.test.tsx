/**
 * One run's page against the mock tenant: honest progress, results, cancel, errors, completion.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { server } from '../../../../mocks/node';
import { LONG_MAPPING, QUICK_MAPPING, SEEDED_ACTIVE_MAPPING } from '../../../../mocks/recon/seed';
import { getTenant, resetTenant } from '../../../../mocks/tenant';
import { useFakeClock } from '../../../testing/fake-clock';
import { TEST_TENANT_URL } from '../../../testing/setup-tests';
import { renderRecon } from '../test-utils';

async function launch(mapping: string): Promise<string> {
  const response = await fetch(`${TEST_TENANT_URL}/openidm/recon?_action=recon&mapping=${mapping}`, { method: 'POST' });
  return ((await response.json()) as { _id: string })._id;
}

function finishedRun(mapping = QUICK_MAPPING) {
  return getTenant().recon.runs.filter((r) => r.mapping === mapping)[0]!;
}

describe('Recon run page', () => {
  it('hides the situations with no entries when asked, in the URL, and says how many it hid', async () => {
    const user = userEvent.setup();
    const run = finishedRun();
    const { router } = renderRecon(`/recon/${run.id}`);
    const chart = await screen.findByRole('table', { name: 'Situations found' });
    const rows = within(chart).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(13);
    const empty = rows.filter((row) => within(row).getAllByRole('cell')[0]!.textContent === '0').length;
    expect(empty).toBeGreaterThan(1);
    expect(empty).toBeLessThan(13);

    await user.click(screen.getByRole('checkbox', { name: 'Hide situations with no entries' }));
    expect(router.state.location.search).toBe('?hideEmpty=1');
    const shorter = screen.getByRole('table', { name: `Situations found (${empty} situations with no entries hidden)` });
    const shown = within(shorter).getAllByRole('row').slice(1);
    expect(shown).toHaveLength(13 - empty);
    for (const row of shown) expect(within(row).getAllByRole('cell')[0]).not.toHaveTextContent(/^0$/);

    await user.click(screen.getByRole('checkbox', { name: 'Hide situations with no entries' }));
    expect(router.state.location.search).toBe('');
    expect(within(screen.getByRole('table', { name: 'Situations found' })).getAllByRole('row')).toHaveLength(14);
  });

  it('shows unknown totals as indeterminate bars, never 0%', async () => {
    const id = await launch(LONG_MAPPING);
    renderRecon(`/recon/${id}`);
    expect(await screen.findByRole('heading', { name: `Run of ${LONG_MAPPING}` })).toBeInTheDocument();
    const source = screen.getByRole('progressbar', { name: 'Source entries: total not known yet' });
    expect(source).not.toHaveAttribute('value');
    expect(source).not.toHaveAttribute('aria-valuenow');
    expect(screen.getAllByText('0 processed, total not known yet')).toHaveLength(3);
    expect(screen.getByText('Running')).toBeInTheDocument();
    expect(screen.getByText('not known in this stage')).toBeInTheDocument();
  });

  it('shows processed of total, throughput and time left once the source phase runs', async () => {
    const id = await launch(LONG_MAPPING);
    getTenant().recon.clock.advance(10_000);
    renderRecon(`/recon/${id}`);
    const source = await screen.findByRole('progressbar', { name: 'Source entries' });
    expect(source).toHaveAttribute('max', '48000');
    expect(Number(source.getAttribute('value'))).toBeGreaterThan(600);
    expect(screen.getByText('reconciling source entries')).toBeInTheDocument();
    // A second poll a second later gives a measured throughput and a time left.
    expect(await screen.findByText(/^\d+ entries\/s$/)).toBeInTheDocument();
    expect(screen.getByText(/^about \d+ min \d\d s$/)).toBeInTheDocument();
  });

  it('shows a finished run: situations with their meaning, status, durations, parameters', async () => {
    const run = finishedRun();
    renderRecon(`/recon/${run.id}`);
    const chart = await screen.findByRole('table', { name: 'Situations found' });
    expect(within(chart).getAllByRole('row')).toHaveLength(14);
    expect(within(chart).getByRole('rowheader', { name: /ABSENT No link and no correlating target entry/ })).toBeInTheDocument();
    expect(screen.getByText('Succeeded', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Time spent per operation' })).toBeInTheDocument();
    expect(screen.getByText('Source query')).toBeInTheDocument();
    expect(screen.getByText(/"resourceName": "system\/hrdb\/employee"/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).not.toBeInTheDocument();
  });

  it('asks before canceling, sends one request for a double click, then shows Canceling and Canceled', async () => {
    const user = userEvent.setup();
    const canceled: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') canceled.push(new URL(request.url).search);
    });
    const active = getTenant().recon.runs.find((r) => r.mapping === SEEDED_ACTIVE_MAPPING)!;
    renderRecon(`/recon/${active.id}`);
    await user.click(await screen.findByRole('button', { name: 'Cancel run' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this reconciliation?' });
    expect(within(dialog).getByRole('button', { name: 'Keep it running' })).toHaveFocus();
    expect(canceled).toEqual([]);
    await user.dblClick(within(dialog).getByRole('button', { name: 'Cancel the run' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(canceled).toEqual(['?_action=cancel']);
    expect(await screen.findByText('Canceling', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByText('aborting reconciling')).toBeInTheDocument();
    getTenant().recon.clock.advance(2_000);
    expect(await screen.findByText('Canceled', { selector: '.badge' })).toBeInTheDocument();
    // Announced in a live region.
    expect(screen.getByText(`The reconciliation of ${SEEDED_ACTIVE_MAPPING} finished: canceled.`).closest('[role="status"]')).not.toBeNull();
  });

  it('announces completion when a watched run ends, then stops polling', async () => {
    resetTenant({ timeScale: 10 });
    const { advance } = useFakeClock();
    const seen: string[] = [];
    const id = await launch(QUICK_MAPPING);
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes(id)) seen.push(request.url);
    });
    renderRecon(`/recon/${id}`);
    expect(await screen.findByText('Running', { selector: '.badge' })).toBeInTheDocument();
    const status = await screen.findByText(`The reconciliation of ${QUICK_MAPPING} finished: succeeded.`);
    expect(status.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.getByRole('table', { name: 'Situations found' })).toBeInTheDocument();
    const polls = seen.length;
    await advance(1_500);
    expect(seen.length).toBe(polls);
  });

  it('announces stage changes and quarters of the phase politely, not every poll', async () => {
    resetTenant({ timeScale: 10 });
    const { advance } = useFakeClock();
    const id = await launch(LONG_MAPPING);
    renderRecon(`/recon/${id}`);
    expect(await screen.findByRole('heading', { name: `Run of ${LONG_MAPPING}` })).toBeInTheDocument();
    const region = screen.getAllByRole('status').find((el) => el.getAttribute('aria-atomic') === 'true')!;
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent(/^$/);
    const heard: string[] = [];
    let polls = 0;
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.endsWith(`/recon/${id}`)) polls++;
    });
    for (let i = 0; i < 40; i++) {
      await advance(1_000);
      const text = region.textContent ?? '';
      if (text && text !== heard.at(-1)) heard.push(text);
    }
    expect(heard).toContain('Stage: reconciling source entries.');
    expect(heard.some((text) => /^Source entries: 25% \([\d,]+ of 48,000\)\.$/.test(text))).toBe(true);
    for (const text of heard) expect(text).toMatch(/^(Stage: .+\.|(Source|Target) entries: (25|50|75|100)% \(.+\)\.)$/);
    // Many polls, few words.
    expect(polls).toBeGreaterThan(heard.length * 3);
  });

  it('reads a finished run once: leaving and coming back does not fetch it again', async () => {
    const run = finishedRun();
    const reads: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.endsWith(`/recon/${run.id}`)) reads.push(request.method);
    });
    const { router } = renderRecon(`/recon/${run.id}`);
    expect(await screen.findByRole('table', { name: 'Situations found' })).toBeInTheDocument();
    expect(document.title).toBe(`Run of ${QUICK_MAPPING} · IDM Sync Console`);
    await router.navigate('/recon');
    expect(await screen.findByRole('heading', { name: 'Reconciliation runs' })).toBeInTheDocument();
    await router.navigate(`/recon/${run.id}`);
    expect(await screen.findByRole('table', { name: 'Situations found' })).toBeInTheDocument();
    expect(reads).toEqual(['GET']);
  });

  it("shows the server's message for an unknown run", async () => {
    renderRecon('/recon/no-such-run');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This run could not be loaded');
    expect(alert).toHaveTextContent('Reconciliation with id no-such-run not found.');
    expect(alert).toHaveTextContent('404');
    expect(screen.getByRole('link', { name: 'All reconciliation runs' })).toBeInTheDocument();
  });

  it('compares two runs of the same mapping, differences marked', async () => {
    const user = userEvent.setup();
    const runs = getTenant().recon.runs.filter((r) => r.mapping === getTenant().recon.runs[0]!.mapping);
    expect(runs.length).toBeGreaterThan(1);
    const { router } = renderRecon(`/recon/${runs[0]!.id}`);
    const select = await screen.findByLabelText('Other run');
    await waitFor(() => expect(within(select).getAllByRole('option').length).toBe(runs.length));
    await user.selectOptions(select, runs[1]!.id);
    expect(router.state.location.search).toBe(`?compare=${runs[1]!.id}`);
    const table = await screen.findByRole('table', { name: 'Situations, this run and the other' });
    expect(within(table).getAllByRole('row')).toHaveLength(14);
    expect(table.querySelectorAll('.compare-differs').length).toBeGreaterThan(0);
    expect(screen.getByRole('table', { name: 'Status, this run and the other' })).toBeInTheDocument();
  });
});
