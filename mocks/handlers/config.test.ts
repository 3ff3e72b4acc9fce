/** Where each server profile keeps mapping configuration (idm-api.md §2.1, §10). */
import { describe, expect, it } from 'vitest';
import { TEST_TENANT_URL } from '../../src/testing/setup-tests';
import { getTenant, resetTenant } from '../tenant';

const get = async (path: string) => {
  const response = await fetch(`${TEST_TENANT_URL}/openidm/${path}`, { headers: { 'Accept-API-Version': 'resource=1.0' } });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- the test reads arbitrary JSON
};

describe('mapping configuration per server profile', () => {
  it('aic: config/sync holds the sync.json mappings and a null entry; one mapping is only a full sync/mappings item', async () => {
    resetTenant({ profile: 'aic' });
    const sync = await get('config/sync');
    expect(sync.status).toBe(200);
    expect(sync.body.mappings.filter((m: unknown) => m === null)).toHaveLength(1);
    expect(sync.body.mappings.some((m: { name?: string } | null) => m?.name === 'managedBravo_role_systemAdGroups')).toBe(false);
    expect((await get('config/mapping/managedBravo_role_systemAdGroups')).status).toBe(404);
    const listed = await get(`sync/mappings?_queryFilter=${encodeURIComponent('/name eq "managedBravo_role_systemAdGroups"')}`);
    expect(listed.body.result[0]).toMatchObject({
      _id: 'managedBravo_role_systemAdGroups',
      source: 'managed/bravo_role',
      target: 'system/ad/group',
      policies: expect.any(Array),
    });
    // Other items stay summaries.
    const other = await get(`sync/mappings?_queryFilter=${encodeURIComponent('/name eq "managedUser_systemLdapAccounts"')}`);
    expect(Object.keys(other.body.result[0])).toEqual(['_id', 'name', 'source', 'target', 'sourceRouteReady', 'targetRouteReady']);
  });

  it('self-managed: config/sync answers 404 and every mapping is its own config/mapping/<name>', async () => {
    resetTenant({ profile: 'self-managed' });
    expect(await get('config/sync')).toEqual({ status: 404, body: { code: 404, reason: 'Not Found', message: "Resource 'config/sync' not found" } });
    for (const mapping of getTenant().mappings) {
      const { status, body } = await get(`config/mapping/${encodeURIComponent(mapping.name)}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ _id: `mapping/${mapping.name}`, name: mapping.name, source: mapping.source, target: mapping.target });
    }
  });
});
