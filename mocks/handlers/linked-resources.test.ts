/** getLinkedResources on the mock tenant never checks that the object exists, in either profile (idm-api.md §10). */
import { describe, expect, it } from 'vitest';
import { TEST_TENANT_URL } from '../../src/testing/setup-tests';
import { resetTenant, SERVER_PROFILES } from '../tenant';

const linked = async (resourceName: string) => {
  const response = await fetch(`${TEST_TENANT_URL}/openidm/sync?${new URLSearchParams({ _action: 'getLinkedResources', resourceName })}`, {
    method: 'POST',
    headers: { 'Accept-API-Version': 'resource=1.0' },
  });
  return { status: response.status, body: (await response.json()) as unknown };
};

describe.each(SERVER_PROFILES)('POST sync?_action=getLinkedResources (%s)', (profile) => {
  it('answers [] for an object it does not hold, in a known or an unknown collection, as for one without links', async () => {
    resetTenant({ profile });
    expect(await linked('managed/alpha_user/00000000-0000-4000-8000-000000000000')).toEqual({ status: 200, body: [] });
    expect(await linked('managed/no_such_type/1')).toEqual({ status: 200, body: [] });
    expect(await linked('managed/alpha_user/9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a')).toEqual({ status: 200, body: [] });
    const seed = await linked('managed/realm-name_user/42f8a60e-2019-4110-a10d-7231c3578e2b');
    expect(seed.status).toBe(200);
    expect(seed.body).toHaveLength(1);
  });
});
