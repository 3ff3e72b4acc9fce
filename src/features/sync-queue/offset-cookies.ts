/**
 * Cursors the way a SQL-backed server hands them out. On self-managed IDM with a JDBC repository
 * the queue's `_pagedResultsCookie` is the numeric offset of the next page (idm-api.md §10,
 * JDBCRepoService): deleting events moves every later event up, so an offset remembered from
 * before the deletion would skip as many events as were removed ahead of it. Opaque cookies (AIC's)
 * name a position and are left alone.
 */

/** A cookie that is a plain non-negative integer is an offset; no opaque cookie looks like one. */
export function isOffsetCookie(cookie: string | null | undefined): cookie is string {
  return typeof cookie === 'string' && /^\d+$/.test(cookie);
}

/** An offset cookie moved up by `removed` events that were ahead of it; any other cookie as it is. */
export function shiftCookie<C extends string | null | undefined>(cookie: C, removed: number): C {
  if (removed === 0 || !isOffsetCookie(cookie)) return cookie;
  return String(Math.max(0, Number(cookie) - removed)) as C;
}

export interface CookiePage<T> {
  /** The cookie that fetched this page (none for the first page: offset 0). */
  cookie: string | undefined;
  /** The rows of the page in the server's order. */
  rows: readonly T[];
  /** The cookie of the next page. */
  next: string | null | undefined;
}

/**
 * Consecutive pages after `removed` rows left the server: each page without those rows, and every
 * offset cookie moved up by the number of removed rows that stood before it. The pages must be
 * consecutive (each page's `cookie` the previous page's `next`), as an infinite list keeps them.
 */
export function removeRows<T>(pages: readonly CookiePage<T>[], isRemoved: (row: T) => boolean): CookiePage<T>[] {
  let before = 0;
  return pages.map((page) => {
    const cookie = shiftCookie(page.cookie, before);
    const rows = page.rows.filter((row) => !isRemoved(row));
    before += page.rows.length - rows.length;
    return { cookie, rows, next: shiftCookie(page.next, before) };
  });
}
