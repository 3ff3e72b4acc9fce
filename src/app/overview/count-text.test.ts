import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countText } from './count-text';

describe('countText', () => {
  it('writes a count as Intl.NumberFormat("en") does', () => {
    const intl = new Intl.NumberFormat('en');
    fc.assert(
      fc.property(fc.nat({ max: 2_000_000_000 }), (n) => {
        expect(countText(n)).toBe(intl.format(n));
      }),
    );
    expect(countText(0)).toBe('0');
    expect(countText(999)).toBe('999');
    expect(countText(10_000)).toBe('10,000');
    expect(countText(1_234_567)).toBe('1,234,567');
  });
});
