import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { server } from '../../mocks/node';
import { TEST_TENANT_URL } from '../testing/setup-tests';
import { CrestError, describeError, HeldError, isRetryable, MalformedResponseError, NetworkError, OfflineError } from './api-error';
import { onUnauthorized, setAccessToken } from './auth-token';
import { activeHolds, curlCommand, parseRetryAfter, releaseHolds, request } from './http';
import { retryDelay } from './query-client';

const anything = z.unknown();

function capture(path: string, response: () => Response) {
  const seen: Request[] = [];
  server.use(
    http.all(`${TEST_TENANT_URL}/openidm/${path}`, ({ request: req }) => {
      seen.push(req.clone());
      return response();
    }),
  );
  return seen;
}

describe('request', () => {
  it('sends the CREST version header, JSON accept, and no Authorization without a token', async () => {
    const seen = capture('sync/mappings', () => HttpResponse.json({ result: [] }));
    await request({ path: 'sync/mappings', query: { _queryFilter: "/name eq 'x'", _pageSize: 2, skip: undefined }, schema: anything });
    const sent = seen[0]!;
    expect(sent.headers.get('accept-api-version')).toBe('resource=1.0');
    expect(sent.headers.get('accept')).toBe('application/json');
    expect(sent.headers.get('authorization')).toBeNull();
    const url = new URL(sent.url);
    expect(url.searchParams.get('_queryFilter')).toBe("/name eq 'x'");
    expect(url.searchParams.get('_pageSize')).toBe('2');
    expect(url.searchParams.has('skip')).toBe(false);
  });

  it('sends the bearer token and a JSON body when given', async () => {
    setAccessToken('tok-123');
    const seen = capture('sync', () => HttpResponse.json([]));
    await request({ method: 'POST', path: 'sync', query: { _action: 'x' }, body: { a: 1 }, schema: anything });
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer tok-123');
    expect(seen[0]!.headers.get('content-type')).toBe('application/json');
    expect(await seen[0]!.json()).toEqual({ a: 1 });
  });

  it('turns a CREST error body into a CrestError with every field', async () => {
    capture('sync/mappings', () =>
      HttpResponse.json({ code: 403, reason: 'Forbidden', message: 'Access denied', detail: { privilege: 'sync' } }, { status: 403 }),
    );
    const error = await request({ path: 'sync/mappings', schema: anything }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrestError);
    expect(error).toMatchObject({ status: 403, code: 403, reason: 'Forbidden', message: 'Access denied', detail: { privilege: 'sync' } });
    expect(describeError(error)).toBe('403 Forbidden: Access denied');
  });

  it('explains an error whose body is not JSON (a gateway page)', async () => {
    capture('recon', () => new HttpResponse('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await request({ path: 'recon', schema: anything }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrestError);
    expect((error as CrestError).message).toBe('The server answered 502 Bad Gateway: <html>Bad gateway</html>');
  });

  it('reports a success body that is not JSON, or not the expected shape, as malformed', async () => {
    capture('recon', () => new HttpResponse('OK', { status: 200 }));
    const notJson = await request({ path: 'recon', schema: anything }).catch((e: unknown) => e);
    expect(notJson).toBeInstanceOf(MalformedResponseError);
    expect((notJson as Error).message).toBe('GET recon answered with a body that is not JSON: OK');

    capture('sync/mappings', () => HttpResponse.json({ result: [{ name: 1 }] }));
    const wrongShape = await request({ path: 'sync/mappings', schema: z.object({ result: z.array(z.object({ name: z.string() })) }) }).catch((e: unknown) => e);
    expect(wrongShape).toBeInstanceOf(MalformedResponseError);
    expect((wrongShape as Error).message).toMatch(/^GET sync\/mappings answered with an unexpected shape at result\.0\.name/);
  });

  it('tolerates extra fields the server adds', async () => {
    capture('recon', () => HttpResponse.json({ _id: 'x', state: 'ACTIVE', extra: true }));
    const result = await request({ path: 'recon', schema: z.object({ _id: z.string(), state: z.string() }) });
    expect(result).toEqual({ _id: 'x', state: 'ACTIVE' });
  });

  it('reports an unreachable tenant as a network error naming it', async () => {
    server.use(http.all(`${TEST_TENANT_URL}/openidm/recon`, () => HttpResponse.error()));
    const error = await request({ path: 'recon', schema: anything }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain(`Could not reach the tenant at ${TEST_TENANT_URL}`);
  });

  it('tells the sign-in layer about a 401', async () => {
    capture('recon', () => HttpResponse.json({ code: 401, reason: 'Unauthorized', message: 'Access Denied' }, { status: 401 }));
    let told = 0;
    const stop = onUnauthorized(() => told++);
    await request({ path: 'recon', schema: anything }).catch(() => undefined);
    stop();
    expect(told).toBe(1);
  });
});

describe('waiting when the tenant asks', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const tooMany = (retryAfter?: string) => () =>
    HttpResponse.json(
      { code: 429, reason: 'Too Many Requests', message: 'Rate limit exceeded' },
      { status: 429, headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter } },
    );

  it('sends nothing to an endpoint before its Retry-After, then sends again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    const seen = capture('recon', tooMany('120'));
    const first = await request({ path: 'recon', schema: anything }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(CrestError);
    expect((first as CrestError).retryAt).toBe(Date.parse('2026-01-01T10:02:00Z'));

    vi.setSystemTime(new Date('2026-01-01T10:01:59Z'));
    const held = await request({ method: 'POST', path: 'recon', query: { _action: 'recon' }, schema: anything }).catch((e: unknown) => e);
    expect(held).toBeInstanceOf(HeldError);
    expect((held as HeldError).until).toBe(Date.parse('2026-01-01T10:02:00Z'));
    expect((held as Error).message).toContain('Rate limit exceeded');
    expect(seen).toHaveLength(1);

    // Another endpoint is not held.
    const other = capture('sync/mappings', () => HttpResponse.json({ result: [] }));
    await request({ path: 'sync/mappings', schema: anything });
    expect(other).toHaveLength(1);

    vi.setSystemTime(new Date('2026-01-01T10:02:00Z'));
    await request({ path: 'recon', schema: anything }).catch(() => undefined);
    expect(seen).toHaveLength(2);
  });

  it('backs off without Retry-After, doubling, and a success or "try now" ends the wait', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.parse('2026-01-01T10:00:00Z');
    vi.setSystemTime(start);
    const seen = capture('recon', () => HttpResponse.json({ code: 503, reason: 'Service Unavailable', message: 'busy' }, { status: 503 }));
    await request({ path: 'recon', schema: anything }).catch(() => undefined);
    expect(activeHolds()[0]).toMatchObject({ endpoint: 'recon', until: start + 1000, status: 503, fromServer: false });
    vi.setSystemTime(start + 1000);
    await request({ path: 'recon', schema: anything }).catch(() => undefined);
    expect(activeHolds()[0]?.until).toBe(start + 3000);
    expect(seen).toHaveLength(2);

    releaseHolds();
    expect(activeHolds()).toEqual([]);
    capture('recon', () => HttpResponse.json({}));
    await request({ path: 'recon', schema: anything });
    expect(activeHolds()).toEqual([]);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(now + 30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 10:05:00 GMT', now)).toBe(now + 300_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('sends nothing while the browser is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const seen = capture('recon', () => HttpResponse.json({}));
    const error = await request({ method: 'POST', path: 'recon', query: { _action: 'recon' }, schema: anything }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
    expect((error as Error).message).toBe('The browser is offline: nothing was sent to the tenant. Try again when the connection is back.');
    expect(seen).toHaveLength(0);
  });

  it('retries only what could improve, and never before the tenant said', () => {
    expect(isRetryable(new MalformedResponseError('x', 200, 'x'))).toBe(false);
    expect(isRetryable(new CrestError({ status: 400, code: 400, reason: 'Bad Request', message: 'x' }))).toBe(false);
    expect(isRetryable(new CrestError({ status: 404, code: 404, reason: 'Not Found', message: 'x' }))).toBe(false);
    for (const status of [408, 429, 500, 503]) expect(isRetryable(new CrestError({ status, code: status, reason: '', message: 'x' }))).toBe(true);
    expect(isRetryable(new NetworkError('x'))).toBe(true);
    const now = 1_000_000;
    expect(retryDelay(0, new NetworkError('x'), now)).toBe(1000);
    expect(retryDelay(2, new NetworkError('x'), now)).toBe(4000);
    expect(retryDelay(0, new CrestError({ status: 429, code: 429, reason: '', message: 'x', retryAt: now + 90_000 }), now)).toBe(90_000);
    expect(retryDelay(0, new HeldError({ status: 503, until: now + 5000, serverMessage: 'x' }), now)).toBe(5000);
  });
});

describe('curlCommand', () => {
  it('writes the request as curl, with a placeholder instead of the token', async () => {
    setAccessToken('secret-token');
    const command = curlCommand({ path: 'sync/mappings', query: { _queryFilter: `/name eq "O'Brien"`, _pageSize: 2 } });
    expect(command).toBe(
      [
        'curl',
        `--header 'Authorization: Bearer <access-token>'`,
        `--header 'Accept-API-Version: resource=1.0'`,
        '--request GET',
        `'${TEST_TENANT_URL}/openidm/sync/mappings?_queryFilter=%2Fname+eq+%22O%27Brien%22&_pageSize=2'`,
      ].join(' \\\n  '),
    );
    expect(command).not.toContain('secret-token');
  });

  it('includes a JSON body, quoted for the shell', () => {
    const command = curlCommand({ method: 'POST', path: 'recon', query: { _action: 'recon' }, body: { note: "it's" } });
    expect(command).toContain(`--header 'Content-Type: application/json'`);
    expect(command).toContain(`--data '{"note":"it'\\''s"}'`);
  });
});
