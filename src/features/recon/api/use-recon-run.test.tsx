/** A run's page opened from the runs list: what the list knows shows at once, then the run's own answers. */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LONG_MAPPING } from '../../../../mocks/recon/seed';
import { getTenant } from '../../../../mocks/tenant';
import { paths } from '../../../config/paths';
import { TEST_TENANT_URL } from '../../../testing/setup-tests';
import { renderRecon } from '../test-utils';

describe('a run opened from the runs list', () => {
  it('shows the run the list knows, then keeps following it', async () => {
    const response = await fetch(`${TEST_TENANT_URL}/openidm/recon?_action=recon&mapping=${LONG_MAPPING}`, { method: 'POST' });
    const { _id: id } = (await response.json()) as { _id: string };
    const { router } = renderRecon(paths.recon);
    expect(await screen.findByRole('table', { name: 'Reconciliation runs, newest first' })).toBeInTheDocument();
    await act(() => router.navigate(paths.reconRun(id)));
    expect(await screen.findByRole('heading', { name: `Run of ${LONG_MAPPING}` })).toBeInTheDocument();
    getTenant().recon.clock.advance(10_000);
    expect(await screen.findByRole('progressbar', { name: 'Source entries' })).toBeInTheDocument();
    expect(screen.getByText('Running')).toBeInTheDocument();
  });
});
