import { useEffect, useRef, useState } from 'react';
import { describeError } from '../../lib/api-error';
import { useSession } from './session';
import { TokenForm } from './token-form';

/**
 * Shown over the page when the tenant answers 401. The page stays mounted underneath, so nothing
 * the user typed is lost; signing in again brings back what failed.
 */
export function SessionExpiredDialog() {
  const session = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="session-expired-title" aria-describedby="session-expired-text">
      <h2 id="session-expired-title">Your session has expired</h2>
      <p id="session-expired-text">The tenant no longer accepts your sign-in (401). Sign in again to carry on where you are; nothing on this page is lost.</p>
      {session.auth.mode === 'oauth' ? (
        <div className="form-actions">
          <button
            type="button"
            className="button-primary"
            onClick={() => session.signInWithPopup().catch((failure: unknown) => setError(`Sign-in did not complete: ${describeError(failure)}`))}
          >
            Sign in again
          </button>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : (
        <TokenForm submitLabel="Sign in again" onAccepted={session.signInWithToken} />
      )}
    </dialog>
  );
}
