import { useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { describeError } from '../../lib/api-error';
import { useSession } from './session';
import { TokenForm } from './token-form';
import './auth.css';

/**
 * Shown over the page when the tenant answers 401. The page stays mounted underneath, so nothing
 * the user typed is lost; signing in again brings back what failed. Closing it leaves the page as
 * it is; the next 401 brings it back.
 */
export function SessionExpiredDialog() {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);

  return (
    <ModalDialog title="Your session has expired" onClose={session.dismissExpired}>
      <p>The tenant no longer accepts your sign-in (401). Sign in again to carry on where you are; nothing on this page is lost.</p>
      {session.auth.mode === 'oauth' ? (
        <p className="hint">
          Signing in opens a small window. If it does not appear, sign in in this tab instead: the page reloads where you are, but unsaved input is lost.
        </p>
      ) : null}
      {session.auth.mode === 'oauth' ? (
        <div className="form-actions">
          <button
            type="button"
            className="button-primary"
            data-autofocus
            onClick={() => session.signInWithPopup().catch((failure: unknown) => setError(`Sign-in did not complete: ${describeError(failure)}`))}
          >
            Sign in again
          </button>
          {/* A closed or blocked popup cannot always be told apart from one still signing in, so the
              way out is always offered. */}
          <button type="button" onClick={() => void session.signInWithRedirect()}>
            Sign in in this tab instead
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
    </ModalDialog>
  );
}
