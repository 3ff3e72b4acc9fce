/**
 * Remembers the cookies the server has handed out, per query, so "previous" can follow the
 * server's cursor instead of falling back to offsets. Kept for the session only: forgotten with
 * the query cache on sign-out or a change of account (they are the previous account's cursors).
 * The mappings feature's only module-level state.
 */
import { forgetOnSessionEnd } from '../../../lib/query-client';

const cookies = new Map<string, string>();
forgetOnSessionEnd(() => cookies.clear());

function key(filter: string, pageSize: number, page: number): string {
  return JSON.stringify([filter, pageSize, page]);
}

export function rememberCookie(filter: string, pageSize: number, page: number, cookie: string): void {
  cookies.set(key(filter, pageSize, page), cookie);
}

export function recallCookie(filter: string, pageSize: number, page: number): string | undefined {
  return cookies.get(key(filter, pageSize, page));
}
