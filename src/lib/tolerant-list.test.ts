import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { readItems, tolerantArray } from './tolerant-list';

const run = z.looseObject({ _id: z.string(), total: z.string() });

describe('readItems', () => {
  it('keeps the items that validate and reports the others with their path and raw JSON', () => {
    const raw = [{ _id: 'a', total: '1' }, { _id: 'b', total: 40 }, 'junk', { _id: 'c', total: '?' }];
    const { items, unreadable } = readItems(raw, run);
    expect(items.map((item) => item._id)).toEqual(['a', 'c']);
    expect(unreadable).toEqual([
      { index: 1, path: 'total', message: expect.stringMatching(/expected string/), raw: { _id: 'b', total: 40 } },
      { index: 2, path: '', message: expect.stringMatching(/expected object/), raw: 'junk' },
    ]);
  });

  it('any valid items plus one broken item: every valid item is kept, in order', () => {
    const valid = fc.record({ _id: fc.string(), total: fc.string() });
    const broken = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.record({ _id: fc.integer(), total: fc.string() }),
      fc.record({ _id: fc.string(), total: fc.integer() }),
    );
    fc.assert(
      fc.property(fc.array(valid), broken, fc.nat(), (items, bad, at) => {
        const position = items.length ? at % (items.length + 1) : 0;
        const raw = [...items.slice(0, position), bad, ...items.slice(position)];
        const read = readItems(raw, run);
        expect(read.items).toEqual(items);
        expect(read.unreadable.map((item) => item.index)).toEqual([position]);
      }),
    );
  });
});

describe('tolerantArray', () => {
  it('still refuses a list that is not an array', () => {
    expect(tolerantArray(run).safeParse({ not: 'an array' }).success).toBe(false);
    expect(tolerantArray(run).parse([{ _id: 'a', total: '1' }, 3])).toMatchObject({ items: [{ _id: 'a' }], unreadable: [{ index: 1 }] });
  });
});
