import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { server } from '../../../../mocks/node';
import { QUICK_MAPPING, SEEDED_ACTIVE_MAPPING } from '../../../../mocks/recon/seed';
import { getTenant } from '../../../../mocks/tenant';
import { renderRecon } from '../test-utils';

describe('MappingReconPanel', () => {
  it("lists the mapping's runs newest first, each linking to its page", async () => {
    const runs = getTenant()
      .recon.runs.filter((r) => r.mapping === QUICK_MAPPING)
      .sort((a, b) => b.startedAt - a.startedAt);
    renderRecon(`/mappings/${QUICK_MAPPING}`);
    const table = await screen.findByRole('table', { name: `Recent runs of ${QUICK_MAPPING}, newest first` });
    const links = within(table).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(runs.slice(0, 5).map((r) => `/recon/${r.id}`));
    expect(screen.getByRole('link', { name: `All runs of this mapping (${runs.length})` })).toHaveAttribute('href', `/recon?mapping=${QUICK_MAPPING}`);
  });

  it('launches with the mapping preselected', async () => {
    const user = userEvent.setup();
    const posts: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') posts.push(new URL(request.url).search);
    });
    renderRecon(`/mappings/${QUICK_MAPPING}`);
    await user.click(await screen.findByRole('button', { name: 'Launch a reconciliation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Launch a reconciliation' });
    expect(within(dialog).getByText(QUICK_MAPPING)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: `Launch full run of ${QUICK_MAPPING}` }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts).toEqual([`?_action=recon&mapping=${QUICK_MAPPING}`]);
    expect(await screen.findByText('Running', { selector: '.badge' })).toBeInTheDocument();
    // Unavailable while the run is active, and still holding the focus it got back from the dialog.
    const launch = screen.getByRole('button', { name: 'Launch a reconciliation…' });
    expect(launch).toHaveAttribute('aria-disabled', 'true');
    expect(launch).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Cancel run' })).toBeEnabled();
  });

  it('offers cancel, not launch, while the mapping has an active run', async () => {
    renderRecon(`/mappings/${SEEDED_ACTIVE_MAPPING}`);
    expect(await screen.findByRole('button', { name: 'Cancel run' })).toBeEnabled();
    const launch = screen.getByRole('button', { name: 'Launch a reconciliation…' });
    expect(launch).toHaveAttribute('aria-disabled', 'true');
    // Unavailable: a click opens nothing.
    await userEvent.setup().click(launch);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
