/**
 * The mock tenant as a plain HTTP server on loopback, so a production build can be tested over
 * real HTTP from another origin (CORS), exactly as it would talk to a real tenant.
 *
 *   npm run mock-server                 # http://127.0.0.1:4010
 *   MOCK_PORT=4011 MOCK_SCALE=large npm run mock-server
 *   MOCK_TIME_SCALE=10 npm run mock-server   # recon runs progress 10x faster
 *   MOCK_PROFILE=self-managed npm run mock-server   # behave like self-managed PingIDM (JDBC)
 *
 *   MOCK_OIDC_ISSUER=http://127.0.0.1:4304 npm run mock-server   # accept only that provider's tokens
 *
 * `POST /__mock/reset` reseeds the store (used between e2e tests; `{"skipFirst": n}` leaves out the
 * first n mappings and queued events, a tenant whose data differs); `POST /__mock/clock` with
 * `{"advanceSeconds": n}` moves the tenant's clock forward, so access tokens expire on demand.
 *
 * Faults, for the e2e fault suite: `POST /__mock/faults` with one fault (or an array of them)
 *
 *   {"path": "sync/queue", "method": "GET", "times": 2, "status": 429, "retryAfter": "120"}
 *   {"path": "recon", "method": "POST", "delayMs": 1500}             # answers normally, late
 *   {"path": "recon/", "drop": true, "times": 3}                       # closes the connection
 *   {"path": "sync/mappings", "status": 503}                           # CREST 503, no Retry-After
 *   {"path": "recon", "exact": true, "status": 200, "body": "<html>"} # a malformed 200
 *
 * makes the next `times` (default 1; 0 = until cleared) /openidm requests whose path (below
 * /openidm/, without the query) starts with `path` (or is `path`, with `exact`), and whose method
 * is `method` (default any), fail that way. `status` answers a CREST error body with that status
 * (and `Retry-After` when given), or `body` as it is; `drop` destroys the socket without an
 * answer; `delayMs` alone delays the real answer.
 * The first matching fault with requests left applies. `GET /__mock/faults` lists them with the
 * requests each has taken (`hits`); `DELETE /__mock/faults` and a reset remove them all.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { advanceClock, authHandler, MOCK_IDM_AUDIENCE, requireTokensFrom, resetClock } from './auth';
import { handlers } from './handlers';
import { getTenant, parseServerProfile, resetTenant, type ServerProfile } from './tenant';

const ALLOWED_HEADERS = 'authorization,accept,content-type,origin,x-requested-with,cache-control,accept-api-version,if-match,if-none-match';

function isLoopbackOrigin(origin: string): boolean {
  try {
    const { hostname } = new URL(origin);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

function corsHeaders(origin: string | undefined, allowed: string[]): Record<string, string> {
  if (!origin || !(allowed.includes(origin) || (allowed.length === 0 && isLoopbackOrigin(origin)))) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET,POST,PUT,DELETE,PATCH',
    'access-control-allow-headers': ALLOWED_HEADERS,
    // Retry-After is not a CORS-safelisted response header: without this the console could not read it.
    'access-control-expose-headers': 'WWW-Authenticate,content-api-version,Retry-After',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

export interface Fault {
  path: string;
  exact?: boolean;
  method?: string;
  body?: string;
  times?: number;
  status?: number;
  retryAfter?: string;
  delayMs?: number;
  drop?: boolean;
  message?: string;
}

interface ActiveFault extends Fault {
  hits: number;
}

let faults: ActiveFault[] = [];

const REASONS: Record<number, string> = {
  408: 'Request Timeout',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function takeFault(method: string, pathname: string): ActiveFault | undefined {
  const below = pathname.replace(/^\/openidm\//, '');
  if (below === pathname) return undefined;
  const fault = faults.find(
    (f) =>
      (f.exact ? below === f.path : below.startsWith(f.path)) &&
      (!f.method || f.method.toUpperCase() === method) &&
      ((f.times ?? 1) === 0 || f.hits < (f.times ?? 1)),
  );
  if (fault) fault.hits++;
  return fault;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

export interface MockServerOptions {
  port: number;
  host?: string;
  /** Origins allowed by CORS; empty = any loopback origin. */
  allowedOrigins?: string[];
  large?: boolean;
  /** Accept only JWT access tokens from this OpenID provider (MOCK_OIDC_ISSUER). */
  oidcIssuer?: string;
  /** Recon time scale (MOCK_TIME_SCALE); a reset body may set its own. */
  timeScale?: number;
  /** Which real server to behave like (MOCK_PROFILE); a reset body may set its own. */
  profile?: ServerProfile;
}

export function startMockServer(options: MockServerOptions) {
  const allowed = options.allowedOrigins ?? [];
  if (options.oidcIssuer) requireTokensFrom(options.oidcIssuer, MOCK_IDM_AUDIENCE);
  resetTenant({ large: options.large, timeScale: options.timeScale, profile: options.profile });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const origin = req.headers.origin;
      const cors = corsHeaders(origin, allowed);
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors).end();
        return;
      }
      if (url.pathname === '/__mock/reset' && req.method === 'POST') {
        const body = await readBody(req);
        const settings = body
          ? (JSON.parse(body.toString('utf8')) as { large?: boolean; timeScale?: number; reconHistory?: number; profile?: string; skipFirst?: number })
          : {};
        resetTenant({
          large: settings.large ?? options.large,
          timeScale: settings.timeScale ?? options.timeScale,
          reconHistory: settings.reconHistory,
          profile: parseServerProfile(settings.profile) ?? options.profile,
        });
        if (settings.skipFirst) {
          // Another tenant's data, for the sign-out tests: the same seed without its first mappings and events.
          const tenant = getTenant();
          tenant.mappings.splice(0, settings.skipFirst);
          for (const event of tenant.queue.events.slice(0, settings.skipFirst)) tenant.queue.delete(event._id);
        }
        resetClock();
        faults = [];
        res.writeHead(204, cors).end();
        return;
      }
      if (url.pathname === '/__mock/faults') {
        if (req.method === 'POST') {
          const body = await readBody(req);
          const added = JSON.parse(body?.toString('utf8') ?? '[]') as Fault | Fault[];
          faults.push(...(Array.isArray(added) ? added : [added]).map((fault) => ({ ...fault, hits: 0 })));
          res.writeHead(204, cors).end();
        } else if (req.method === 'DELETE') {
          faults = [];
          res.writeHead(204, cors).end();
        } else {
          res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(faults));
        }
        return;
      }
      if (url.pathname === '/__mock/health') {
        res.writeHead(200, { ...cors, 'content-type': 'text/plain' }).end('ok');
        return;
      }
      if (url.pathname === '/__mock/clock' && req.method === 'POST') {
        const body = await readBody(req);
        advanceClock((JSON.parse(body?.toString('utf8') ?? '{}') as { advanceSeconds?: number }).advanceSeconds ?? 0);
        res.writeHead(204, cors).end();
        return;
      }
      const fault = takeFault(req.method ?? 'GET', url.pathname);
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault?.drop) {
        req.socket.destroy();
        return;
      }
      if (fault?.status) {
        const reason = REASONS[fault.status] ?? 'Error';
        res
          .writeHead(fault.status, {
            ...cors,
            'content-type': 'application/json',
            ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}),
          })
          .end(fault.body ?? JSON.stringify({ code: fault.status, reason, message: fault.message ?? `Injected fault: ${reason}` }));
        return;
      }
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value);
        else if (Array.isArray(value)) headers.set(key, value.join(', '));
      }
      const request = new Request(url, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined });
      const response = await getResponse([authHandler, ...handlers], request);
      if (!response) {
        res.writeHead(404, { ...cors, 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const out: Record<string, string> = { ...cors };
      response.headers.forEach((value, key) => {
        out[key] = value;
      });
      res.writeHead(response.status, out);
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  return new Promise<typeof server>((resolve) => {
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server));
  });
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isMain) {
  const port = Number(process.env.MOCK_PORT ?? 4010);
  const allowedOrigins = (process.env.MOCK_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);
  void startMockServer({
    port,
    allowedOrigins,
    large: process.env.MOCK_SCALE === 'large',
    timeScale: Number(process.env.MOCK_TIME_SCALE) || undefined,
    oidcIssuer: process.env.MOCK_OIDC_ISSUER || undefined,
    profile: parseServerProfile(process.env.MOCK_PROFILE),
  }).then(() => {
    console.log(`Mock tenant listening on http://127.0.0.1:${port}/openidm`);
  });
}
