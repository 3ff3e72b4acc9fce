/**
 * Errors the fetch layer can raise. A CREST error body ({code, reason, message, detail}) becomes
 * a {@link CrestError} that keeps every field the server sent, so pages can show the server's own
 * words instead of "Internal Error".
 */
import { formatDateTime, getTimeZoneChoice } from './time-format';

export type ApiErrorKind = 'crest' | 'malformed' | 'network' | 'offline' | 'held';

export abstract class ApiError extends Error {
  abstract readonly kind: ApiErrorKind;
  /** HTTP status, 0 when the server was never reached. */
  abstract readonly status: number;
}

export class CrestError extends ApiError {
  readonly kind = 'crest' as const;
  readonly status: number;
  readonly code: number;
  readonly reason: string;
  readonly detail: unknown;
  /** For a 429 or 503: when the console may ask this endpoint again (epoch ms). */
  readonly retryAt: number | undefined;

  constructor(init: { status: number; code: number; reason: string; message: string; detail?: unknown; retryAt?: number | undefined }) {
    super(init.message);
    this.name = 'CrestError';
    this.status = init.status;
    this.code = init.code;
    this.reason = init.reason;
    this.detail = init.detail;
    this.retryAt = init.retryAt;
  }
}

/** The server answered, but not with what the console expected (not JSON, or the wrong shape). */
export class MalformedResponseError extends ApiError {
  readonly kind = 'malformed' as const;
  readonly status: number;
  readonly excerpt: string;

  constructor(message: string, status: number, excerpt: string) {
    super(message);
    this.name = 'MalformedResponseError';
    this.status = status;
    this.excerpt = excerpt;
  }
}

export class NetworkError extends ApiError {
  readonly kind = 'network' as const;
  readonly status = 0;

  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** The browser says it is offline, so the console sent nothing (a mutation is never deferred). */
export class OfflineError extends ApiError {
  readonly kind = 'offline' as const;
  readonly status = 0;

  constructor() {
    super('The browser is offline: nothing was sent to the tenant. Try again when the connection is back.');
    this.name = 'OfflineError';
  }
}

/**
 * The tenant asked the console to wait (429 or 503, with or without `Retry-After`), and that time
 * has not come yet: the request was not sent. `until` is when the console will try again.
 */
export class HeldError extends ApiError {
  readonly kind = 'held' as const;
  readonly status: number;
  readonly until: number;

  constructor(init: { status: number; until: number; serverMessage: string }) {
    super(`The tenant asked to wait (${init.status}: ${init.serverMessage}); nothing was sent before ${formatDateTime(init.until, getTimeZoneChoice())}.`);
    this.name = 'HeldError';
    this.status = init.status;
    this.until = init.until;
  }
}

/**
 * Whether asking again could give a different answer: the tenant being down, busy or unreachable
 * can pass; a body that is not what the console reads, or a 4xx the server meant, cannot.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof MalformedResponseError || error instanceof OfflineError) return false;
  if (error instanceof HeldError || error instanceof NetworkError) return true;
  if (error instanceof CrestError) return error.status >= 500 || error.status === 408 || error.status === 429;
  return false;
}

/** A one-line description a person can act on, e.g. "400 Bad Request: Invalid query filter". */
export function describeError(error: unknown): string {
  if (error instanceof CrestError) return `${error.code} ${error.reason}: ${error.message}`;
  if (error instanceof MalformedResponseError) {
    return error.status ? `${error.status}: ${error.message}` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
