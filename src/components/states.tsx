/**
 * The four states every list shows, each looking different: loading, error (with the server's
 * own message, code and reason), no match for these filters, and nothing at all.
 */
import type { ReactNode } from 'react';
import { CrestError, describeError, MalformedResponseError } from '../lib/api-error';
import './states.css';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** `onRetry` adds Try again, first among the actions: every list's error offers it (see list-state.tsx). */
export function ErrorState({ title, error, onRetry, action }: { title: string; error: unknown; onRetry?: () => void; action?: ReactNode }) {
  return (
    <div className="state state-error" role="alert">
      <h2 className="state-title">{title}</h2>
      <p className="error-message">{error instanceof CrestError ? error.message : describeError(error)}</p>
      {error instanceof CrestError && error.status === 403 ? (
        <p>Your account lacks the privilege for this (403 Forbidden). Ask a tenant administrator for access to the IDM synchronization endpoints.</p>
      ) : null}
      {error instanceof CrestError ? (
        <dl className="error-facts">
          <dt>Code</dt>
          <dd>{error.code}</dd>
          <dt>Reason</dt>
          <dd>{error.reason}</dd>
          {error.detail !== undefined && error.detail !== null ? (
            <>
              <dt>Detail</dt>
              <dd>
                <pre>{JSON.stringify(error.detail, null, 2)}</pre>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {error instanceof MalformedResponseError && error.excerpt ? (
        <p className="error-excerpt">
          Body: <code>{error.excerpt}</code>
        </p>
      ) : null}
      {onRetry || action ? (
        <div className="state-actions">
          {onRetry ? (
            <button type="button" onClick={onRetry}>
              Try again
            </button>
          ) : null}
          {action}
        </div>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <h2 className="state-title">{title}</h2>
      {children}
    </div>
  );
}

/** The buttons under every filter form. */
export function FilterFormActions({ onClear }: { onClear: () => void }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button-primary">
        Apply filter
      </button>
      <button type="button" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
