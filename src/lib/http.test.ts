import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { server } from '../../mocks/node';
import { TEST_TENANT_URL } from '../testing/setup-tests';
import { CrestError, describeError, MalformedResponseError, NetworkError } from './api-error';
import { onUnauthorized, setAccessToken } from './auth-token';
import { curlCommand, request } from './http';

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
    const wrongShape = await request({ path: 'sync/mappings', schema: z.object({ result: z.array(z.object({ name: z.string() })) }) }).catch(
      (e: unknown) => e,
    );
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
