/**
 * Access-token checks for the mock tenant when it runs as an HTTP server next to a real OpenID
 * provider: like AIC, every /openidm call needs a bearer JWT from that provider (signature,
 * issuer, audience, expiry checked), else 401; a token whose subject has no IDM admin role gets
 * 403. Tests can move the tenant's clock forward to make tokens expire.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { http } from 'msw';
import { CrestFailure } from './crest';

/** The audience of the access tokens the tenant accepts (the provider's resource indicator). */
export const MOCK_IDM_AUDIENCE = 'https://idm.mock.test/openidm';

interface TenantAuth {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

let auth: TenantAuth | null = null;
let clockSkewSeconds = 0;

export function requireTokensFrom(issuer: string, audience: string): void {
  auth = { issuer, audience, keys: createRemoteJWKSet(new URL(`${issuer}/jwks`)) };
}

export function advanceClock(seconds: number): void {
  clockSkewSeconds += seconds;
}

export function resetClock(): void {
  clockSkewSeconds = 0;
}

async function check(request: Request): Promise<CrestFailure | null> {
  if (!auth) return null;
  const header = request.headers.get('authorization') ?? '';
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  if (!token) return new CrestFailure(401, 'Access Denied');
  try {
    const { payload } = await jwtVerify(token, auth.keys, {
      issuer: auth.issuer,
      audience: auth.audience,
      currentDate: new Date(Date.now() + clockSkewSeconds * 1000),
    });
    const scopes = String(payload.scope ?? '').split(' ');
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    if (!scopes.includes('fr:idm:*') || !roles.includes('internal/role/openidm-admin')) return new CrestFailure(403, 'Access denied');
    return null;
  } catch {
    return new CrestFailure(401, 'Access Denied');
  }
}

/** Put first in the handler list: answers 401/403 itself, or lets the request through. */
export const authHandler = http.all('*/openidm/*', async ({ request }) => {
  const failure = await check(request);
  return failure ? failure.toResponse() : undefined;
});
