/**
 * Vitest set-up: every test talks to the mock tenant through MSW's Node server, unhandled requests
 * fail the test, and each test starts from a freshly seeded tenant.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { server } from '../../mocks/node';
import { resetTenant } from '../../mocks/tenant';
import { setRuntimeConfig } from '../config/runtime-config';
import { setAccessToken } from '../lib/auth-token';
import { releaseHolds } from '../lib/http';
import { installFakeClock } from './fake-clock';

export const TEST_TENANT_URL = 'https://tenant.example.test';

// findBy…/waitFor wait up to 4 s, not 1 s: Vitest runs test files side by side on a 2-core machine.
configure({ asyncUtilTimeout: 4_000 });

// Every test runs on a fake clock (src/testing/fake-clock.ts). Testing Library's waitFor/findBy
// drive fake timers themselves, in steps of fake time, but only when they see Jest's global: give
// them the one call they use.
Object.assign(globalThis, { jest: { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) } });

// user-event waits between steps with setTimeout: every instance, set up or direct, moves the fake
// clock instead of waiting on it (a test may still pass its own options).
vi.mock('@testing-library/user-event', async (importOriginal) => {
  const { default: userEvent } = await importOriginal<typeof import('@testing-library/user-event')>();
  const advanceTimers = (ms: number) => {
    if (vi.isFakeTimers()) vi.advanceTimersByTime(ms);
  };
  const setup: typeof userEvent.setup = (options) => userEvent.setup({ advanceTimers, ...options });
  const direct = Object.fromEntries(
    Object.keys(userEvent).map((name) => [
      name,
      // The direct API (userEvent.click(element)) is a one-off set-up followed by the call.
      name === 'setup' ? setup : (...args: unknown[]) => (setup() as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args),
    ]),
  );
  return { default: direct };
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  installFakeClock();
  resetTenant({});
  setRuntimeConfig({ tenantUrl: TEST_TENANT_URL });
  setAccessToken(null);
  // A 429/503 in one test must not hold the endpoint in the next.
  releaseHolds();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  server.resetHandlers();
});
afterAll(() => server.close());

// jsdom has no layout: give elements a size so TanStack Virtual renders rows in component tests
// (it sizes the viewport from clientHeight/clientWidth and measures rows by offsetHeight).
for (const [property, size] of [
  ['clientHeight', 800],
  ['clientWidth', 1200],
  ['offsetHeight', 800],
  ['offsetWidth', 1200],
] as const) {
  Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => size });
}

// jsdom has <dialog> but not its methods: open and close as the browser would, minus the top layer.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
  this.dispatchEvent(new Event('close'));
};

// jsdom has no layout, so nothing to scroll: scrolling an element into view does nothing.
Element.prototype.scrollIntoView = function scrollIntoView() {};
