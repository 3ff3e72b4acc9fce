/**
 * Every unit test runs on a fake clock (installed by setup-tests.ts before each test): setTimeout,
 * setInterval and Date only move when the test, Testing Library or user-event moves them. So:
 *
 * - what happens over time (polling, progress, a run that ends, a late report) happens when the
 *   test lets fake time pass, not when the machine gets round to it;
 * - findBy…/waitFor give up after 4 s of fake time (they advance it themselves in small steps,
 *   running what falls due), however long the machine takes to do the work in between.
 *
 * The mock tenant's recon clock reads Date.now(), so recon runs progress with this clock too.
 * Not faked: queueMicrotask, setImmediate and the like, which MSW and React's scheduler use.
 */
import { act } from '@testing-library/react';
import { vi } from 'vitest';

export function installFakeClock(): void {
  if (!vi.isFakeTimers()) vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/** For tests that let time pass explicitly (the clock is already installed for every test). */
export function useFakeClock() {
  installFakeClock();
  return {
    /** Lets `ms` of fake time pass, running what falls due (polls, their responses, renders). */
    advance: (ms: number) =>
      act(async () => {
        await vi.advanceTimersByTimeAsync(ms);
      }),
  };
}
