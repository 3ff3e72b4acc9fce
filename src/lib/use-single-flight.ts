/**
 * One request per activation of a mutating control (launch, cancel, delete). A double click, two
 * clicks dispatched in one task, or Enter held down while the page is busy all reach the handler
 * before React has re-rendered the button as disabled; a flag in state would still read "idle" for
 * the second one. This flag is a ref, set synchronously in the handler, so the second activation
 * sends nothing until the first has its answer.
 */
import { useCallback, useRef } from 'react';

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
