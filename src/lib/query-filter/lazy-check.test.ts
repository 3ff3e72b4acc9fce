import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { filterErrorNow, filterErrorSoon, useFilterError } from './lazy-check';

// One file, one module instance: the grammar is not loaded until the first check below asks for it.
describe('the lazily loaded filter check', () => {
  it('knows an empty filter is fine without the grammar, and waits for it for anything else', async () => {
    expect(filterErrorNow('')).toBeNull();
    expect(filterErrorNow('/name eq "x"')).toBeUndefined();

    const { result, rerender } = renderHook(({ text }) => useFilterError(text), { initialProps: { text: '/name eq' } });
    // Not known yet: a page sends nothing and shows no error while the grammar loads.
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).not.toBeUndefined());
    expect(result.current?.message).toMatch(/expected a value after "eq"/);
    expect(result.current?.position).toBe(8);

    // Loaded once, every later check is synchronous, and the same text gives the same answer.
    const first = result.current;
    rerender({ text: '/name eq' });
    expect(result.current).toBe(first);
    rerender({ text: '/name eq "x"' });
    expect(result.current).toBeNull();
    expect(filterErrorNow('/name eq')?.message).toMatch(/expected a value/);
    await expect(filterErrorSoon('/name eq "x" or')).resolves.toMatchObject({ message: expect.stringMatching(/ends too early/) });
  });
});
