/** The mapping route as the app composes it: the mapping page with the recon panel and the queue's own link. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { routes } from '../../config/paths';
import { renderRoutes } from '../../testing/render';
import { MappingDetailRoute } from './mapping-detail-route';

describe('the mapping route', () => {
  it('links its queued events to the queue, filtered by the mapping', async () => {
    renderRoutes([{ path: routes.mapping, element: <MappingDetailRoute /> }], '/mappings/managedUser_systemLdapAccounts');
    const link = await within(await screen.findByRole('region', { name: 'Sync queue' })).findByRole('link', { name: /queued events/ });
    expect(link).toHaveAttribute('href', '/sync-queue?mapping=managedUser_systemLdapAccounts');
    expect(link.textContent).toMatch(/^(\d+ queued events|More than 500 queued events)$/);
  });
});
