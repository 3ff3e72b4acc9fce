import { useState } from 'react';
import { APP_NAME, usePageTitle } from '../../components/use-page-title';
import { describeError } from '../../lib/api-error';
import { useSession } from './session';
import { TokenForm } from './token-form';
import './auth.css';

export function SignInPage({ tenant }: { tenant: string }) {
  usePageTitle(`Sign in to ${APP_NAME}`);
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  return (
    <main className="sign-in" id="main">
      <h1>Sign in to {APP_NAME}</h1>
      <p className="muted">
        Tenant: <span className="mono">{tenant}</span>
      </p>
      {session.notice ? <p role="status">{session.notice}</p> : null}
      {session.auth.mode === 'oauth' ? (
        <>
          <button
            type="button"
            className="button-primary"
            onClick={() => session.signInWithRedirect().catch((failure: unknown) => setError(`Could not start the sign-in: ${describeError(failure)}`))}
          >
            Sign in with your tenant account
          </button>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </>
      ) : (
        <TokenForm submitLabel="Sign in" onAccepted={session.signInWithToken} />
      )}
    </main>
  );
}
