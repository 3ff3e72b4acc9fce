/** Comparing an event's old and new objects: what is marked changed is exactly what changed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, compareObjects, displayValue } from './event-change';

const objects = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue(), { maxKeys: 12 });

describe('compareObjects', () => {
  it('marks only the attributes that differ, whatever the key order of nested values', () => {
    const before = { userName: 'ana', mail: 'ana@example.com', preferences: { updates: true, marketing: false }, roles: ['a', 'b'] };
    const after = { userName: 'ana', mail: 'ana.b@example.com', preferences: { marketing: false, updates: true }, roles: ['b', 'a'], city: 'Lisbon' };
    expect(compareObjects(before, after).map((c) => [c.name, c.status])).toEqual([
      ['userName', 'same'],
      ['mail', 'changed'],
      ['preferences', 'same'],
      ['roles', 'changed'],
      ['city', 'added'],
    ]);
  });

  it('a create adds every attribute, a delete removes every one', () => {
    expect(compareObjects(null, { a: 1, b: null }).map((c) => c.status)).toEqual(['added', 'added']);
    expect(compareObjects({ a: 1 }, null)).toEqual([{ name: 'a', status: 'removed', before: 1, after: undefined }]);
  });

  it('an object compared with itself has nothing changed (property)', () => {
    fc.assert(
      fc.property(objects, (object) => {
        const copy = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
        return compareObjects(object, copy).every((c) => c.status === 'same');
      }),
    );
  });

  it('marks exactly the attributes that were set to a different value (property)', () => {
    fc.assert(
      fc.property(objects, fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 4 }), fc.jsonValue(), (object, names, value) => {
        const after: Record<string, unknown> = { ...object };
        for (const name of names) after[name] = value;
        const expected = new Set(names.filter((n) => !Object.hasOwn(object, n) || canonicalJson(object[n]) !== canonicalJson(value)));
        const marked = new Set(
          compareObjects(object, after)
            .filter((c) => c.status !== 'same')
            .map((c) => c.name),
        );
        expect(marked).toEqual(expected);
      }),
    );
  });
});

describe('displayValue', () => {
  it('shows strings as they are and anything else as JSON, markup included as text', () => {
    expect(displayValue('<b>x</b>')).toBe('<b>x</b>');
    expect(displayValue(null)).toBe('null');
    expect(displayValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(displayValue(undefined)).toBe('');
  });
});
