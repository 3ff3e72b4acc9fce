/**
 * The mock tenant answers sync/mappings exactly as the documentation's examples do, field for
 * field (the seed's cookie and offset paging examples), and refuses what the server refuses.
 */
import { describe, expect, it } from 'vitest';
import { TEST_TENANT_URL } from '../../src/testing/setup-tests';
import { resetTenant } from '../tenant';

const base = `${TEST_TENANT_URL}/openidm/sync/mappings`;
const get = (query: string) => fetch(`${base}?${query}`, { headers: { 'Accept-API-Version': 'resource=1.0' } });

const mapping = (id: string, target: string) => ({
  _id: id,
  source: 'source1',
  target,
  name: id,
  sourceRouteReady: false,
  targetRouteReady: false,
});

describe('GET sync/mappings', () => {
  it('reproduces the documented cookie paging example', async () => {
    const first = await get("_queryFilter=/source+eq+'source1'&_pageSize=2");
    expect(first.headers.get('content-api-version')).toBe('protocol=2.1,resource=1.0');
    expect(await first.json()).toEqual({
      result: [mapping('mapping1', 'target1'), mapping('mapping4', 'target0')],
      resultCount: 2,
      pagedResultsCookie: 'mapping7',
      totalPagedResultsPolicy: 'EXACT',
      totalPagedResults: 2,
      remainingPagedResults: -1,
    });
    const second = await get("_queryFilter=/source+eq+'source1'&_pageSize=2&_pagedResultsCookie=mapping7");
    expect(await second.json()).toEqual({
      result: [mapping('mapping7', 'target3')],
      resultCount: 1,
      pagedResultsCookie: null,
      totalPagedResultsPolicy: 'EXACT',
      totalPagedResults: 1,
      remainingPagedResults: -1,
    });
  });

  it('reproduces the documented offset paging example', async () => {
    const first = await (await get("_queryFilter=/source+eq+'source1'&_pageSize=2&_pagedResultsOffset=0")).json();
    expect(first).toEqual({
      result: [mapping('mapping1', 'target1'), mapping('mapping4', 'target0')],
      resultCount: 2,
      pagedResultsCookie: 'mapping7',
      totalPagedResultsPolicy: 'EXACT',
      totalPagedResults: 2,
      remainingPagedResults: -1,
    });
    const second = await (await get("_queryFilter=/source+eq+'source1'&_pageSize=2&_pagedResultsOffset=2")).json();
    expect(second).toEqual({
      result: [mapping('mapping7', 'target3')],
      resultCount: 1,
      pagedResultsCookie: null,
      totalPagedResultsPolicy: 'EXACT',
      totalPagedResults: 1,
      remainingPagedResults: -1,
    });
  });

  it('returns every mapping in processing order with _queryFilter=true', async () => {
    const body = (await (await get('_queryFilter=true')).json()) as { result: { name: string }[]; pagedResultsCookie: null };
    expect(body.result.length).toBeGreaterThanOrEqual(60);
    expect(body.result[0]!.name).toBe('systemHrdb_managedUser');
    expect(body.pagedResultsCookie).toBeNull();
  });

  it('evaluates filters with the CREST grammar, escapes included', async () => {
    const body = (await (await get(`_queryFilter=${encodeURIComponent(`/source sw "system/csv_o'neil" and !(/target eq 'managed/bravo_user')`)}`)).json()) as {
      result: { name: string }[];
    };
    expect(body.result.map((m) => m.name)).toEqual(['systemCsvPersons_managedAlpha_user']);
  });

  it('sorts by _sortKeys', async () => {
    const body = (await (await get(`_queryFilter=/source+eq+'source1'&_sortKeys=-target`)).json()) as { result: { name: string }[] };
    expect(body.result.map((m) => m.name)).toEqual(['mapping7', 'mapping1', 'mapping4']);
  });

  it.each([
    ['_queryFilter=/source+eq+bad', 400, "Invalid query filter '/source eq bad'"],
    ['_pageSize=2', 400, 'Query request must specify a _queryFilter, _queryId or _queryExpression'],
    ['_queryFilter=true&_pageSize=two', 400, "The value 'two' for parameter '_pageSize' could not be parsed as a valid integer"],
    ['_queryFilter=true&_queryFilter=false', 400, 'The parameter _queryFilter is single-valued but was given 2 values'],
    ['_queryFilter=true&_pageSize=2&_pagedResultsCookie=nope', 400, "The paged results cookie 'nope' is not valid for this query"],
  ])('answers %s with a CREST %i', async (query, code, message) => {
    const response = await get(query);
    expect(response.status).toBe(code);
    expect(await response.json()).toEqual({ code, reason: 'Bad Request', message });
  });

  it('answers an unknown endpoint with a CREST 404', async () => {
    const response = await fetch(`${TEST_TENANT_URL}/openidm/sync/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 404, reason: 'Not Found', message: "Resource 'sync/nothing-here' not found" });
  });

  it('has 10,000 mappings in large-data mode', async () => {
    resetTenant({ large: true });
    const body = (await (await get('_queryFilter=true&_pageSize=1&_pagedResultsOffset=9999')).json()) as { result: unknown[]; pagedResultsCookie: null };
    expect(body.result).toHaveLength(1);
    expect(body.pagedResultsCookie).toBeNull();
  });
});
