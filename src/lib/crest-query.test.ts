import { describe, expect, it } from 'vitest';
import { pagingParams, queryResultSchema, trustedTotal } from './crest-query';
import * as z from 'zod/mini';

const page = (count: number, cookie: string | null, total?: number, policy = 'EXACT') => ({
  result: Array.from({ length: count }, (_, i) => i),
  pagedResultsCookie: cookie,
  totalPagedResults: total,
  totalPagedResultsPolicy: policy,
});

describe('trustedTotal', () => {
  it('does not believe the documented server, which reports the size of the page', () => {
    expect(trustedTotal(page(2, 'mapping7', 2), 0)).toBeNull();
    expect(trustedTotal(page(50, 'x', 50), 50)).toBeNull();
  });

  it('knows the total on the last page', () => {
    expect(trustedTotal(page(1, null, 1), 2)).toBe(3);
    expect(trustedTotal(page(0, null, 0), 0)).toBe(0);
  });

  it('does not guess on an empty page past the end', () => {
    expect(trustedTotal(page(0, null, 0), 100)).toBeNull();
  });

  it('believes an EXACT total that agrees with the cursor, and nothing else', () => {
    expect(trustedTotal(page(2, 'x', 61), 0)).toBe(61);
    expect(trustedTotal(page(2, 'x', 61, 'NONE'), 0)).toBeNull();
    expect(trustedTotal(page(2, 'x', -1, 'NONE'), 0)).toBeNull();
  });
});

describe('pagingParams', () => {
  it('sends the cookie when known, the offset otherwise', () => {
    expect(pagingParams({ pageSize: 10, cookie: 'abc', offset: 20 })).toEqual({ _pageSize: 10, _pagedResultsCookie: 'abc', _pagedResultsOffset: undefined });
    expect(pagingParams({ pageSize: 10, offset: 20 })).toEqual({ _pageSize: 10, _pagedResultsCookie: undefined, _pagedResultsOffset: 20 });
    expect(pagingParams({ pageSize: 10, offset: 0 })).toEqual({ _pageSize: 10, _pagedResultsCookie: undefined, _pagedResultsOffset: undefined });
  });
});

describe('queryResultSchema', () => {
  const schema = queryResultSchema(z.looseObject({ _id: z.string(), total: z.string() }));

  it('keeps the items that fit and reports each one that does not, with its position and path', () => {
    const page = schema.parse({
      result: [
        { _id: 'a', total: '1' },
        { _id: 'b', total: 40 },
        { _id: 'c', total: '3' },
      ],
      pagedResultsCookie: 'c',
    });
    expect(page.result.map((r) => r._id)).toEqual(['a', 'c']);
    expect(page.unreadable).toEqual([{ index: 1, path: 'total', message: 'expected string, received number', raw: { _id: 'b', total: 40 } }]);
    expect(page.pagedResultsCookie).toBe('c');
  });

  it('stays strict about the envelope the console pages by', () => {
    expect(schema.safeParse({ result: {} }).success).toBe(false);
    expect(schema.safeParse({ result: [], pagedResultsCookie: 3 }).success).toBe(false);
  });

  it('counts unreadable items in the total on the last page', () => {
    const page = schema.parse({ result: [{ _id: 'a', total: '1' }, null], pagedResultsCookie: null });
    expect(trustedTotal(page, 10)).toBe(12);
  });
});
