/**
 * The one function that talks to the tenant. It adds the CREST headers and the bearer token,
 * checks every response against a schema, and turns every failure into an {@link ApiError}.
 */
import type { ZodMiniType } from 'zod/mini';
import { getRuntimeConfig } from '../config/runtime-config';
import { CrestError, MalformedResponseError, NetworkError } from './api-error';
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

export async function request<T>(options: RequestOptions<T>): Promise<T> {
  const { method = 'GET', path, query, body, schema, signal } = options;
  const url = buildUrl(path, query);
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
    if (parsed && isCrestErrorBody(json)) {
      throw new CrestError({
        status: response.status,
        code: json.code,
        reason: json.reason ?? response.statusText,
        message: json.message,
        detail: json.detail,
      });
    }
    const reason = response.statusText || 'Error';
    throw new CrestError({
      status: response.status,
      code: response.status,
      reason,
      message: text ? `The server answered ${response.status} ${reason}: ${excerptOf(text)}` : `The server answered ${response.status} ${reason} with no message`,
    });
  }

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
