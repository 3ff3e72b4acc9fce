import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Filter } from './ast';
import { eq, printFilter, quoteString, sw } from './build';
import { matchesFilter } from './evaluate';
import { checkFilter, FilterSyntaxError, parseFilter } from './parse';

const cmp = (operator: string, pointer: string, value: string | number | boolean): Filter => ({ type: 'comparison', operator, pointer, value });

describe('parseFilter', () => {
  it('reads the documented examples', () => {
    expect(parseFilter('true')).toEqual({ type: 'literal', value: true });
    expect(parseFilter("/source eq 'source1'")).toEqual(cmp('eq', '/source', 'source1'));
    expect(parseFilter('/source sw "managed/"')).toEqual(cmp('sw', '/source', 'managed/'));
    expect(parseFilter('remainingRetries lt 2')).toEqual(cmp('lt', '/remainingRetries', 2));
  });

  it('reads both quote styles and backslash escapes', () => {
    expect(parseFilter(`/name eq 'O\\'Brien'`)).toEqual(cmp('eq', '/name', "O'Brien"));
    expect(parseFilter(`/name eq "te\\"st"`)).toEqual(cmp('eq', '/name', 'te"st'));
    expect(parseFilter(`/name eq "back\\\\slash"`)).toEqual(cmp('eq', '/name', 'back\\slash'));
    expect(parseFilter(`/name eq "it's ( ) and or"`)).toEqual(cmp('eq', '/name', "it's ( ) and or"));
  });

  it('gives ! over and over or, and honours parentheses', () => {
    const a = cmp('eq', '/a', 1);
    const b = cmp('eq', '/b', 2);
    const c = cmp('eq', '/c', 3);
    expect(parseFilter('/a eq 1 or /b eq 2 and /c eq 3')).toEqual({ type: 'or', operands: [a, { type: 'and', operands: [b, c] }] });
    expect(parseFilter('(/a eq 1 or /b eq 2) and /c eq 3')).toEqual({ type: 'and', operands: [{ type: 'or', operands: [a, b] }, c] });
    expect(parseFilter('! (/a eq 1) and /b eq 2')).toEqual({ type: 'and', operands: [{ type: 'not', operand: a }, b] });
    expect(parseFilter('!(/a eq 1)')).toEqual({ type: 'not', operand: a });
  });

  it('treats keywords and operators case-insensitively', () => {
    expect(parseFilter('/a EQ 1 AND /b Pr OR TRUE')).toEqual({
      type: 'or',
      operands: [
        { type: 'and', operands: [cmp('eq', '/a', 1), { type: 'presence', pointer: '/b' }] },
        { type: 'literal', value: true },
      ],
    });
  });

  it('reads numbers and booleans as the server does', () => {
    expect(parseFilter('/n eq 1.5')).toEqual(cmp('eq', '/n', 1.5));
    expect(parseFilter('/n eq -3')).toEqual(cmp('eq', '/n', -3));
    expect(parseFilter('/b eq false')).toEqual(cmp('eq', '/b', false));
  });

  it.each([
    ['', 'The filter is empty', 0],
    ['/source eq', 'The filter ends too early: expected a value after "eq"', 10],
    ['/source eq bad', 'Expected a value after "eq" but found bad', 11],
    ['/source "x"', 'Expected an operator', 8],
    ['/name eq "open', 'This string is never closed', 9],
    ['(/a eq 1', 'This parenthesis is never closed', 0],
    ['/a eq 1)', 'this closing parenthesis has no opening one', 7],
    ['/a eq 1 /b eq 2', 'expected and, or or the end of the filter', 8],
    ['and /a eq 1', 'Expected a condition before "and"', 0],
    ['/a eq "x\\', 'lone backslash', 8],
  ])('refuses %j, pointing at the problem', (filter, message, position) => {
    const check = checkFilter(filter);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.error).toBeInstanceOf(FilterSyntaxError);
    expect(check.error.message).toContain(message);
    expect(check.error.position).toBe(position);
  });
});

describe('printFilter', () => {
  it('quotes and escapes whatever the user typed', () => {
    expect(quoteString(`O'Brien "the" \\`)).toBe(`"O'Brien \\"the\\" \\\\"`);
    expect(printFilter(eq('/source', "system/csv_o'neil/person"))).toBe(`/source eq "system/csv_o'neil/person"`);
    expect(printFilter(sw('/name', 'a\\b'))).toBe('/name sw "a\\\\b"');
  });
});

// Arbitrary filters over safe field names and any string values, numbers and booleans.
const pointer = fc.stringMatching(/^\/[a-zA-Z_][a-zA-Z0-9_]{0,8}(\/[a-zA-Z0-9_]{1,6})?$/);
const value = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(`'`, `"`, '\\', ' and ', '(', ')', '!', 'true', `'\\"`),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.boolean(),
);
const filterArb: fc.Arbitrary<Filter> = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('comparison' as const), operator: fc.constantFrom('eq', 'co', 'sw', 'lt', 'le', 'gt', 'ge'), pointer, value }),
    fc.record({ type: fc.constant('presence' as const), pointer }),
    fc.record({ type: fc.constant('literal' as const), value: fc.boolean() }),
    fc.record({ type: fc.constant('not' as const), operand: tie('filter') }),
    fc.record({ type: fc.constantFrom('and' as const, 'or' as const), operands: fc.array(tie('filter'), { minLength: 2, maxLength: 3 }) }),
  ),
})).filter;

/** -0 prints as 0; the server cannot tell them apart either. */
function normalise(filter: Filter): Filter {
  if (filter.type === 'comparison' && Object.is(filter.value, -0)) return { ...filter, value: 0 };
  if (filter.type === 'not') return { ...filter, operand: normalise(filter.operand) };
  if (filter.type === 'and' || filter.type === 'or') return { ...filter, operands: filter.operands.map(normalise) };
  return filter;
}

describe('build → parse', () => {
  it('whatever is built parses back to the same filter', () => {
    fc.assert(
      fc.property(filterArb, (filter) => {
        expect(parseFilter(printFilter(filter))).toEqual(normalise(filter));
      }),
      { numRuns: 500 },
    );
  });

  it('whatever is built matches the same objects as the original', () => {
    const objectArb = fc.dictionary(fc.stringMatching(/^[a-z]{1,2}$/), fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -5, max: 5 }), fc.boolean()));
    const simplePointer = fc.stringMatching(/^\/[a-z]{1,2}$/);
    const simple = fc.record({
      type: fc.constant('comparison' as const),
      operator: fc.constantFrom('eq', 'co', 'sw', 'lt', 'ge'),
      pointer: simplePointer,
      value: fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -5, max: 5 })),
    });
    const compound = fc.record({ type: fc.constantFrom('and' as const, 'or' as const), operands: fc.array(simple, { minLength: 2, maxLength: 3 }) });
    fc.assert(
      fc.property(compound, objectArb, (filter, object) => {
        expect(matchesFilter(parseFilter(printFilter(filter)), object)).toBe(matchesFilter(filter, object));
      }),
      { numRuns: 300 },
    );
  });
});

describe('matchesFilter', () => {
  it('matches arrays when any element matches, and pr means present and not null', () => {
    const object = { objectClass: ['top', 'person'], nodeId: null, mail: 'a@example.com' };
    expect(matchesFilter(parseFilter('/objectClass eq "person"'), object)).toBe(true);
    expect(matchesFilter(parseFilter('/nodeId pr'), object)).toBe(false);
    expect(matchesFilter(parseFilter('/mail pr and !(/mail sw "b")'), object)).toBe(true);
    expect(matchesFilter(parseFilter('/missing eq "x"'), object)).toBe(false);
  });
});
