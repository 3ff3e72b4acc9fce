/**
 * A real OpenID provider on loopback (panva's oidc-provider) for the sign-in e2e tests: the
 * console signs in against it with authorization code + PKCE, and the mock tenant accepts only
 * the JWT access tokens it issues (audience `MOCK_IDM_AUDIENCE`).
 *
 *   OIDC_PORT=4304 OIDC_REDIRECT_ORIGINS=http://127.0.0.1:4305 [OIDC_ACCESS_TOKEN_TTL=600] npx tsx mocks/oidc-provider.ts
 *
 * Accounts: any login works (the provider's development login page); the login `viewer` has no
 * IDM privilege. Machine clients (client credentials, like AIC service accounts): `service-account`
 * and `no-privilege`, secret `secret`.
 */
import Provider, { type Configuration } from 'oidc-provider';
import { MOCK_IDM_AUDIENCE } from './auth';
export const IDM_SCOPE = 'fr:idm:*';

/** Access tokens live this long (OIDC_ACCESS_TOKEN_TTL seconds); short lifetimes let tests watch renewal. */
const accessTokenTTL = Number(process.env.OIDC_ACCESS_TOKEN_TTL ?? 600);

export function createProvider(issuer: string, redirectOrigins: string[]) {
  const redirects = redirectOrigins.flatMap((origin) =>
    ['/', '/console/'].flatMap((base) => [`${origin}${base}auth/callback`, `${origin}${base}auth/popup-callback`]),
  );
  const postLogout = redirectOrigins.flatMap((origin) => [`${origin}/`, `${origin}/console/`]);
  const configuration: Configuration = {
    clients: [
      {
        client_id: 'idm-sync-console',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: redirects,
        post_logout_redirect_uris: postLogout,
        scope: `openid profile offline_access ${IDM_SCOPE}`,
      },
      { client_id: 'service-account', client_secret: 'secret', grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: IDM_SCOPE },
      { client_id: 'no-privilege', client_secret: 'secret', grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: IDM_SCOPE },
    ],
    scopes: ['openid', 'profile', 'offline_access', IDM_SCOPE],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = `<!doctype html><html><head><title>Sign out</title></head><body><h1>Sign out of the mock provider?</h1>${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></body></html>`;
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => MOCK_IDM_AUDIENCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({ scope: IDM_SCOPE, audience: MOCK_IDM_AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL }),
      },
    },
    // The console is a first-party client: no consent page.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId) return undefined;
      const existing = ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId });
      grant.addOIDCScope(`openid profile offline_access ${IDM_SCOPE}`);
      grant.addResourceScope(MOCK_IDM_AUDIENCE, IDM_SCOPE);
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, name: sub === 'viewer' ? 'Vic Viewer' : `${sub.charAt(0).toUpperCase()}${sub.slice(1)} Admin`, preferred_username: sub }),
    }),
    // IDM authorizes by role: `viewer` and `no-privilege` hold none, so the tenant answers 403.
    extraTokenClaims: async (_ctx, token) => {
      const principal = 'accountId' in token && token.accountId ? token.accountId : token.clientId;
      return { roles: principal === 'viewer' || principal === 'no-privilege' ? [] : ['internal/role/openidm-admin'] };
    },
    ttl: { AccessToken: accessTokenTTL, ClientCredentials: accessTokenTTL, IdToken: 600, Session: 3600, Grant: 3600, Interaction: 600 },
    clientBasedCORS: () => true,
    cookies: { keys: ['mock-provider-cookie-key'] },
  };
  return new Provider(issuer, configuration);
}

if (process.argv[1]?.endsWith('oidc-provider.ts')) {
  const port = Number(process.env.OIDC_PORT ?? 4304);
  const origins = (process.env.OIDC_REDIRECT_ORIGINS ?? 'http://127.0.0.1:5173').split(',').filter(Boolean);
  const issuer = `http://127.0.0.1:${port}`;
  const provider = createProvider(issuer, origins);
  provider.listen(port, '127.0.0.1');
  console.log(`Mock OpenID provider at ${issuer} (redirects to ${origins.join(', ')})`);
}
