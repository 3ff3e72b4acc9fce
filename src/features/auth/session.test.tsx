import { QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getAccessToken, notifyUnauthorized, setAccessToken } from '../../lib/auth-token';
import { createQueryClient } from '../../lib/query-client';
import { SessionProvider, useSession, type SessionValue } from './session';

const jwt = (claims: object) => `h.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.s`;

function renderSession(onSessionEnd: () => void) {
  const current: { value: SessionValue | null } = { value: null };
  function Probe() {
    current.value = useSession();
    return null;
  }
  render(
    <QueryClientProvider client={createQueryClient()}>
      <SessionProvider auth={{ mode: 'token' }} initial={{ status: 'signed-in' }} onSessionEnd={onSessionEnd}>
        <Probe />
      </SessionProvider>
    </QueryClientProvider>,
  );
  return () => current.value!;
}

describe('SessionProvider', () => {
  it('forgets the session when another account signs in over an expired one, not when the same account does, and on sign-out', async () => {
    setAccessToken(jwt({ iss: 'https://am', sub: 'ada', exp: 1 }));
    const onSessionEnd = vi.fn();
    const session = renderSession(onSessionEnd);

    act(() => notifyUnauthorized());
    expect(session().expired).toBe(true);
    act(() => session().signInWithToken(jwt({ iss: 'https://am', sub: 'ada', exp: 2 })));
    expect(session().expired).toBe(false);
    expect(onSessionEnd).not.toHaveBeenCalled();

    act(() => notifyUnauthorized());
    act(() => session().signInWithToken(jwt({ iss: 'https://am', sub: 'grace', exp: 2 })));
    expect(onSessionEnd).toHaveBeenCalledTimes(1);
    expect(session().expired).toBe(false);

    await act(() => session().signOut());
    expect(onSessionEnd).toHaveBeenCalledTimes(2);
    expect(session().status).toBe('signed-out');
    expect(getAccessToken()).toBeNull();
  });
});
