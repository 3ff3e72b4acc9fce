/**
 * The one function that talks to the tenant. It adds the CREST headers and the bearer token,
 * checks every response against a schema, and turns every failure into an {@link ApiError}.
 *
 * It is also where the console keeps the tenant's requests to wait: after a 429 or 503 an endpoint
 * (the path, whatever the query or method) is held until its `Retry-After` (seconds or a date) or,
 * without one, for a backoff that doubles with each refusal (1 s up to 60 s). A request to a held
 * endpoint is not sent at all, whoever asks (auto-refresh, run polling, a retry, a button): it fails
 * at once with a {@link HeldError} that says until when. While the browser says it is offline
 * nothing is sent either ({@link OfflineError}), so no mutation is ever queued to go out later.
 */
import type { ZodMiniType } from 'zod/mini';
import { getRuntimeConfig } from '../config/runtime-config';
import { CrestError, HeldError, MalformedResponseError, NetworkError, OfflineError } from './api-error';
import { getAccessToken, notifyUnauthorized } from './auth-token';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below `/openidm/`, e.g. `sync/mappings`. Segments are encoded by the caller. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: ZodMiniType<T>;
  signal?: AbortSignal;
}

export const API_VERSION_HEADER = 'resource=1.0';

/** Encodes one path segment (a mapping name, an event id) for use in `path`. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const tenantUrl = getRuntimeConfig().tenantUrl || window.location.origin;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const search = params.toString();
  return `${tenantUrl}/openidm/${path}${search ? `?${search}` : ''}`;
}

function isCrestErrorBody(body: unknown): body is { code: number; reason?: string; message: string; detail?: unknown } {
  if (body === null || typeof body !== 'object') return false;
  const record = body as Record<string, unknown>;
  return typeof record.code === 'number' && typeof record.message === 'string';
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
}

export interface Hold {
  /** The endpoint: the request path below `/openidm/`, without its query. */
  endpoint: string;
  /** Epoch ms before which nothing is sent to the endpoint. */
  until: number;
  status: number;
  /** The server's own message with the refusal. */
  message: string;
  /** Whether the time came from the server's `Retry-After` (else it is the console's backoff). */
  fromServer: boolean;
  /** Refusals in a row, for the backoff. */
  refusals: number;
}

const holds = new Map<string, Hold>();
const holdListeners = new Set<() => void>();
const MAX_BACKOFF_MS = 60_000;
/** A `Retry-After` beyond this is taken as this: a typo on the server must not block the console for a day. */
const MAX_RETRY_AFTER_MS = 3_600_000;

function emitHolds(): void {
  for (const listener of holdListeners) listener();
}

/** The endpoints held now (expired holds are kept until the next answer, for the backoff count). */
export function activeHolds(now = Date.now()): Hold[] {
  return [...holds.values()].filter((hold) => hold.until > now);
}

export function onHoldsChange(listener: () => void): () => void {
  holdListeners.add(listener);
  return () => holdListeners.delete(listener);
}

/** "Try now": the user overrides every wait; the next refusal starts the backoff again. */
export function releaseHolds(): void {
  if (holds.size === 0) return;
  holds.clear();
  emitHolds();
}

/** `Retry-After` as epoch ms: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return now + Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(date, now), now + MAX_RETRY_AFTER_MS);
}

function hold(endpoint: string, status: number, message: string, retryAfter: number | undefined, now: number): number {
  const refusals = (holds.get(endpoint)?.refusals ?? 0) + 1;
  const until = retryAfter ?? now + Math.min(1000 * 2 ** (refusals - 1), MAX_BACKOFF_MS);
  holds.set(endpoint, { endpoint, until, status, message, fromServer: retryAfter !== undefined, refusals });
  emitHolds();
  return until;
}

function clearHold(endpoint: string): void {
  if (holds.delete(endpoint)) emitHolds();
}

/** Whether the browser says it has no network (it can only be sure of that, never of the opposite). */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

export async function request<T>(options: RequestOptions<T>): Promise<T> {
  const { method = 'GET', path, query, body, schema, signal } = options;
  const url = buildUrl(path, query);
  if (isOffline()) throw new OfflineError();
  const held = holds.get(path);
  if (held && held.until > Date.now()) throw new HeldError({ status: held.status, until: held.until, serverMessage: held.message });
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-API-Version': API_VERSION_HEADER,
  };
  const token = getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'omit',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    const origin = getRuntimeConfig().tenantUrl || window.location.origin;
    throw new NetworkError(`Could not reach the tenant at ${origin}: ${(error as Error).message}`);
  }

  const text = await response.text();
  let json: unknown;
  let parsed = false;
  if (text !== '') {
    try {
      json = JSON.parse(text);
      parsed = true;
    } catch {
      parsed = false;
    }
  }

  if (!response.ok) {
    if (response.status === 401) notifyUnauthorized();
    const reason = response.statusText || 'Error';
    const crest = parsed && isCrestErrorBody(json) ? json : null;
    const message = crest
      ? crest.message
      : text
        ? `The server answered ${response.status} ${reason}: ${excerptOf(text)}`
        : `The server answered ${response.status} ${reason} with no message`;
    let retryAt: number | undefined;
    if (response.status === 429 || response.status === 503) {
      const now = Date.now();
      retryAt = hold(path, response.status, message, parseRetryAfter(response.headers.get('Retry-After'), now), now);
    } else {
      clearHold(path);
    }
    throw new CrestError({
      status: response.status,
      code: crest ? crest.code : response.status,
      reason: crest ? (crest.reason ?? response.statusText) : reason,
      message,
      detail: crest?.detail,
      retryAt,
    });
  }
  clearHold(path);

  if (!parsed) {
    throw new MalformedResponseError(
      text === '' ? `${method} ${path} answered with an empty body` : `${method} ${path} answered with a body that is not JSON: ${excerptOf(text)}`,
      response.status,
      excerptOf(text),
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new MalformedResponseError(
      `${method} ${path} answered with an unexpected shape${where}: ${issue?.message ?? 'invalid'}`,
      response.status,
      excerptOf(text),
    );
  }
  return result.data;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The same request as a curl command, for "copy as curl". The token is never included: the
 * command says `<access-token>` where it goes.
 */
export function curlCommand(options: Omit<RequestOptions<unknown>, 'schema' | 'signal'>): string {
  const { method = 'GET', path, query, body } = options;
  const lines = [
    'curl',
    `--header 'Authorization: Bearer <access-token>'`,
    `--header 'Accept-API-Version: ${API_VERSION_HEADER}'`,
    ...(body !== undefined ? [`--header 'Content-Type: application/json'`] : []),
    `--request ${method}`,
    shellQuote(buildUrl(path, query)),
    ...(body !== undefined ? [`--data ${shellQuote(JSON.stringify(body))}`] : []),
  ];
  return lines.join(' \\\n  ');
}
