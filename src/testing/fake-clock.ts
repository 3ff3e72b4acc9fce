/**
 * Fake time for the tests that watch something change over time: polling, progress, a run that
 * ends, a report written late. With real timers such a test races the machine's load (a poll a
 * second later arrives two seconds later on a busy two-core machine); with this clock nothing moves
 * until the test moves it, so the outcome cannot depend on how fast the machine is.
 *
 * What it fakes: setTimeout/setInterval (TanStack Query's polling and batching, debounces) and Date
 * (the mock tenant's recon clock reads Date.now(), so recon runs progress with this clock too).
 * Testing Library's findBy…/waitFor then advance this clock themselves (see setup-tests.ts), so
 * their timeout is fake time, not wall time.
 */
import { act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';

export function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  return {
    /** A user whose typing and clicking move the fake clock instead of waiting on it. */
    user: userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) }),
    /** Lets `ms` of fake time pass, running what falls due (polls, their responses, renders). */
    advance: (ms: number) =>
      act(async () => {
        await vi.advanceTimersByTimeAsync(ms);
      }),
  };
}
