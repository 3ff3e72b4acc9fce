/**
 * One request per activation of a mutating control (launch, cancel, delete). A double click, two
 * clicks dispatched in one task, or Enter held down while the page is busy all reach the handler
 * before React has re-rendered the button as disabled; a flag in state would still read "idle" for
 * the second one. This flag is a ref, set synchronously in the handler, so the second activation
 * sends nothing until the first has its answer.
 */
import { useCallback, useRef, type MouseEvent } from 'react';

export function useSingleFlight(): (send: () => Promise<unknown>) => void {
  const inFlight = useRef(false);
  return useCallback((send: () => Promise<unknown>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    let sent: Promise<unknown>;
    try {
      sent = send();
    } catch (error) {
      inFlight.current = false;
      throw error;
    }
    // A failure is the mutation's to show (its error state); here it only ends the flight.
    void sent
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = false;
      });
  }, []);
}

/**
 * Props for a button that is unavailable for a while (busy, or nothing to go to) but may hold the
 * focus: a `disabled` button drops the focus to `<body>` the moment it is disabled, so this one is
 * `aria-disabled` (announced as unavailable, still focusable) and its click does nothing, a submit
 * included. The synchronous guard against a second request stays useSingleFlight's, inside
 * `onClick`: `unavailable` comes from the last render and may be a render late.
 */
export function unavailableWhile(unavailable: boolean, onClick?: (event: MouseEvent<HTMLButtonElement>) => void) {
  return {
    'aria-disabled': unavailable || undefined,
    onClick: (event: MouseEvent<HTMLButtonElement>) => {
      if (unavailable) {
        event.preventDefault();
        return;
      }
      onClick?.(event);
    },
  };
}
