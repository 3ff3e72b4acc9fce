/**
 * The runtime configuration: `config.json` beside `index.html`, read once at start, so one build
 * serves any tenant (or the built-in mock tenant for a demo).
 */
import * as z from 'zod/mini';

const authSchema = z.discriminatedUnion('mode', [
  /** No sign-in: the mock tenant, or a reverse proxy that adds credentials itself. */
  z.strictObject({ mode: z.literal('none') }),
  /** The user pastes an access token (e.g. one a service account obtained). */
  z.strictObject({ mode: z.literal('token') }),
  /** OAuth 2.0 authorization code with PKCE against the tenant's authorization server. */
  z.strictObject({
    mode: z.literal('oauth'),
    /** The OpenID provider, e.g. https://<tenant>/am/oauth2 (AIC root realm). */
    issuer: z.url(),
    clientId: z.string().check(z.minLength(1)),
    /** Space-separated; must include fr:idm:* on AIC. */
    scope: z.optional(z.string()),
    /** Extra parameters for the authorization request, e.g. a resource indicator. */
    extraQueryParams: z.optional(z.record(z.string(), z.string())),
  }),
]);

export const runtimeConfigSchema = z.strictObject({
  /** Origin of the tenant, e.g. https://openam-acme-use1.forgeblocks.com. Empty = this origin. */
  tenantUrl: z.string(),
  /** Run on the built-in mock tenant in the browser (demo deploys, development). */
  mock: z.optional(z.boolean()),
  /** Mock tenant size: "large" seeds 10,000 mappings for benchmarks. */
  mockScale: z.optional(z.enum(['default', 'large'])),
  /** Which real server the mock tenant behaves like: "aic" (default) or "self-managed" (PingIDM on JDBC). */
  mockProfile: z.optional(z.enum(['aic', 'self-managed'])),
  /** How users sign in. Default: none on the mock tenant, an access token otherwise. */
  auth: z.optional(authSchema),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
export type AuthConfig = z.infer<typeof authSchema>;

/** The sign-in settings in force, with the default filled in. */
export function authConfigOf(config: RuntimeConfig): AuthConfig {
  return config.auth ?? (config.mock ? { mode: 'none' } : { mode: 'token' });
}

export const EXAMPLE_CONFIG = `{
  "tenantUrl": "https://openam-example-euw1.forgeblocks.com",
  "auth": {
    "mode": "oauth",
    "issuer": "https://openam-example-euw1.forgeblocks.com/am/oauth2",
    "clientId": "idm-sync-console",
    "scope": "openid profile fr:idm:*"
  }
}`;

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

let current: RuntimeConfig | null = null;

export function getRuntimeConfig(): RuntimeConfig {
  if (!current) throw new Error('The runtime configuration has not been loaded yet');
  return current;
}

export function setRuntimeConfig(config: RuntimeConfig): void {
  current = config;
}

function validateTenantUrl(value: string): string | null {
  if (value === '') return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"tenantUrl" must be an http(s) URL, not ${url.protocol}`;
    return null;
  } catch {
    return `"tenantUrl" is not a URL: ${JSON.stringify(value)}`;
  }
}

export function parseRuntimeConfig(raw: unknown, url: string): RuntimeConfig {
  const result = runtimeConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const where = issue.path.length ? `"${issue.path.join('.')}"` : 'the file';
      return `${where}: ${issue.message}`;
    });
    throw new ConfigError(`${url} is not a valid configuration. ${problems.join('; ')}`, url);
  }
  const urlProblem = validateTenantUrl(result.data.tenantUrl);
  if (urlProblem) throw new ConfigError(`${url}: ${urlProblem}`, url);
  return { ...result.data, tenantUrl: result.data.tenantUrl.replace(/\/+$/, '') };
}

export async function loadRuntimeConfig(url = `${import.meta.env.BASE_URL}config.json`): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (error) {
    throw new ConfigError(`${url} could not be fetched: ${(error as Error).message}`, url);
  }
  if (!response.ok) throw new ConfigError(`${url} could not be loaded: the server answered ${response.status}`, url);
  const text = await response.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${url} is not valid JSON: ${(error as Error).message}`, url);
  }
  const config = parseRuntimeConfig(raw, url);
  setRuntimeConfig(config);
  return config;
}
