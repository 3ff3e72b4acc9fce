import { describe, expect, it } from 'vitest';
import { createQueryClient } from './query-client';

describe('what follows an answer', () => {
  it('runs what follows an answer with the data it replaced, after the answer is stored', async () => {
    const client = createQueryClient();
    const seen: [unknown, unknown, unknown][] = [];
    let answer = 1;
    const options = {
      queryKey: ['counted'],
      queryFn: () => answer++,
      meta: { afterAnswer: (previous: unknown, next: unknown) => seen.push([previous, next, client.getQueryData(['counted'])]) },
    };
    await client.fetchQuery(options);
    await client.fetchQuery({ ...options, staleTime: 0 });
    expect(seen).toEqual([
      [undefined, 1, 1],
      [1, 2, 2],
    ]);
  });
});
