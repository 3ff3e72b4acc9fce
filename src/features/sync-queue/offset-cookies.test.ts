/**
 * Offset cookies after deletions: the rebased pages read on from exactly where a fresh read of the
 * server's list would, so nothing is skipped or read twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOffsetCookie, removeRows, shiftCookie, type CookiePage } from './offset-cookies';

/** The list paged the way a JDBC repository pages it: a numeric offset after every full page. */
function pagesOf(list: readonly number[], pageSize: number, count: number): CookiePage<number>[] {
  const pages: CookiePage<number>[] = [];
  for (let i = 0; i < count; i++) {
    const start = i * pageSize;
    const rows = list.slice(start, start + pageSize);
    pages.push({ cookie: i === 0 ? undefined : String(start), rows, next: rows.length === pageSize ? String(start + pageSize) : null });
  }
  return pages;
}

describe('offset cookies', () => {
  it('recognises offsets and leaves opaque cookies alone', () => {
    expect(isOffsetCookie('300')).toBe(true);
    expect(isOffsetCookie('MjAyNi0xMS0yMFQxNTozMToyMy4xMjNafGFiYw==')).toBe(false);
    expect(shiftCookie('300', 2)).toBe('298');
    expect(shiftCookie('MjAy', 2)).toBe('MjAy');
    expect(shiftCookie(undefined, 2)).toBeUndefined();
  });

  it('after removing loaded rows, the next cookie reads on from the first row not yet loaded (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 30 }),
        fc.func(fc.boolean()),
        (pageSize, loaded, extra, removes) => {
          const list = Array.from({ length: pageSize * loaded + extra }, (_, i) => i);
          const pages = pagesOf(list, pageSize, loaded);
          const gone = new Set(pages.flatMap((p) => p.rows).filter((row) => removes(row)));
          const rebased = removeRows(pages, (row) => gone.has(row));
          // The server after the deletions, read from each rebased cookie.
          const remaining = list.filter((row) => !gone.has(row));
          const loadedRows = rebased.flatMap((p) => p.rows);
          rebased.forEach((page, i) => {
            const start = page.cookie === undefined ? 0 : Number(page.cookie);
            expect(remaining.slice(start, start + page.rows.length)).toEqual(page.rows);
            if (i > 0) expect(page.cookie).toBe(rebased[i - 1]!.next);
          });
          const last = rebased.at(-1)!;
          if (last.next) expect(remaining.slice(Number(last.next))).toEqual(remaining.slice(loadedRows.length));
        },
      ),
    );
  });
});
