/**
 * Errors the fetch layer can raise. A CREST error body ({code, reason, message, detail}) becomes
 * a {@link CrestError} that keeps every field the server sent, so pages can show the server's own
 * words instead of "Internal Error".
 */
export type ApiErrorKind = 'crest' | 'malformed' | 'network';

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

  constructor(init: { status: number; code: number; reason: string; message: string; detail?: unknown }) {
    super(init.message);
    this.name = 'CrestError';
    this.status = init.status;
    this.code = init.code;
    this.reason = init.reason;
    this.detail = init.detail;
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

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
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
