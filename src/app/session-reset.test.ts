/** Signing out (or another account) forgets what every feature remembers, as src/app composes them. */
import { describe, expect, it } from 'vitest';
import { recallCookie, rememberCookie } from '../features/mappings/api/cookie-memory';
import { launchedWith, rememberLaunch } from '../features/recon/api/launched-reports';
import { createQueryClient, resetSession } from '../lib/query-client';

describe('the end of a session', () => {
  it('forgets the cache and every feature’s module-level state, for that client', async () => {
    const client = createQueryClient();
    const other = createQueryClient();
    await client.fetchQuery({ queryKey: ['seen'], queryFn: () => 'data' });
    rememberCookie('true', 50, 2, 'cookie-of-page-2');
    rememberLaunch(client, 'run-1', 'persist');
    rememberLaunch(other, 'run-2', 'analyze');

    resetSession(client);

    expect(client.getQueryData(['seen'])).toBeUndefined();
    expect(recallCookie('true', 50, 2)).toBeUndefined();
    expect(launchedWith(client, 'run-1')).toBeUndefined();
    // Another client's session (another test, another tab's app) is not this one.
    expect(launchedWith(other, 'run-2')).toBe('analyze');
  });
});
