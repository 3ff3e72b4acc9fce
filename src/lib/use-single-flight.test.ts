import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { accountOf } from './auth-token';
import { useSingleFlight } from './use-single-flight';

describe('useSingleFlight', () => {
  it('sends once for activations before the answer, and again after it', async () => {
    const { result } = renderHook(() => useSingleFlight());
    let sent = 0;
    let answer: () => void = () => {};
    const send = () => {
      sent++;
      return new Promise<void>((resolve) => {
        answer = resolve;
      });
    };
    // Same task, no render in between: what a double click on a busy page does.
    result.current(send);
    result.current(send);
    result.current(send);
    expect(sent).toBe(1);
    answer();
    await Promise.resolve();
    await Promise.resolve();
    result.current(send);
    expect(sent).toBe(2);
  });

  it('a failed send ends the flight too', async () => {
    const { result } = renderHook(() => useSingleFlight());
    let sent = 0;
    result.current(() => {
      sent++;
      return Promise.reject(new Error('refused'));
    });
    // Let the rejection settle (every test runs on the fake clock).
    await vi.advanceTimersByTimeAsync(0);
    result.current(() => {
      sent++;
      return Promise.resolve();
    });
    expect(sent).toBe(2);
  });
});

describe('accountOf', () => {
  const jwt = (claims: object) => `h.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.s`;

  it('tells accounts apart by the issuer and subject of a JWT, and knows nothing of opaque tokens', () => {
    expect(accountOf(jwt({ iss: 'https://am', sub: 'ada', exp: 1 }))).toBe(accountOf(jwt({ iss: 'https://am', sub: 'ada', exp: 2 })));
    expect(accountOf(jwt({ iss: 'https://am', sub: 'ada' }))).not.toBe(accountOf(jwt({ iss: 'https://am', sub: 'grace' })));
    expect(accountOf('opaque-token')).toBeNull();
    expect(accountOf(null)).toBeNull();
  });
});
