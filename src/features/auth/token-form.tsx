import { useId, useState, type FormEvent } from 'react';
import { CrestError, describeError } from '../../lib/api-error';
import { verifyToken } from './verify-token';
import './auth.css';

/** The access-token field, checked against the tenant before it is kept. */
export function TokenForm({ onAccepted, submitLabel }: { onAccepted: (token: string) => void; submitLabel: string }) {
  const id = useId();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (!value) {
      setError('Paste an access token first.');
      return;
    }
    setChecking(true);
    setError(null);
    try {
      await verifyToken(value);
      onAccepted(value);
    } catch (failure) {
      setError(
        failure instanceof CrestError && failure.status === 401
          ? `The tenant refused this token (401 ${failure.reason}: ${failure.message}). It may have expired, or lack the fr:idm:* scope.`
          : describeError(failure),
      );
    } finally {
      setChecking(false);
    }
  }

  return (
    <form className="token-form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={`${id}-token`}>Access token</label>
        <input
          id={`${id}-token`}
          type="password"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-help`}
        />
        {error ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : (
          <p id={`${id}-help`} className="hint">
            A bearer token with the <code>fr:idm:*</code> scope. It is kept for this tab only and sent only to the tenant.
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={checking}>
          {checking ? 'Checking…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
