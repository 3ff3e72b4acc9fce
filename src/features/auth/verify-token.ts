import * as z from 'zod/mini';
import { CrestError } from '../../lib/api-error';
import { getAccessToken, setAccessToken } from '../../lib/auth-token';
import { request } from '../../lib/http';

/**
 * Asks the tenant whether it accepts a token, with the cheapest query there is. Only a 401 means
 * no: a 403 is a valid token for an account without the privilege, which pages then explain.
 */
export async function verifyToken(token: string): Promise<void> {
  const previous = getAccessToken();
  setAccessToken(token);
  try {
    await request({ path: 'sync/mappings', query: { _queryFilter: 'false', _pageSize: 1 }, schema: z.unknown() });
  } catch (error) {
    if (error instanceof CrestError && error.status === 403) return;
    throw error;
  } finally {
    setAccessToken(previous);
  }
}
