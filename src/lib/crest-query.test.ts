import { describe, expect, it } from 'vitest';
import { pagingParams, trustedTotal } from './crest-query';

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
