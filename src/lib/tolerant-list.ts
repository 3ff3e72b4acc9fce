/**
 * Lists are read item by item: one record of an unexpected shape must never blank a page. Each item
 * is checked against its schema on its own; the items that pass are kept, and each one that does
 * not is reported with where it failed (the schema path) and its raw JSON, so the page can show it
 * as "could not be read" beside the others. Envelopes, ids and cursors stay strict: the console
 * acts on them.
 */
import * as z from 'zod/mini';

export interface UnreadableItem {
  /** Position in the server's list (0-based). */
  index: number;
  /** Where in the item the schema failed, e.g. `progress.source.existing.total` ('' = the item itself). */
  path: string;
  /** The schema's message, e.g. "Invalid input: expected string, received number". */
  message: string;
  /** The item as the server sent it. */
  raw: unknown;
}

export interface ItemsRead<T> {
  items: T[];
  unreadable: UnreadableItem[];
}

/** Checks each item of `raw` against `item`, keeping the ones that pass and reporting the others. */
export function readItems<T>(raw: readonly unknown[], item: z.ZodMiniType<T>): ItemsRead<T> {
  const items: T[] = [];
  const unreadable: UnreadableItem[] = [];
  raw.forEach((value, index) => {
    const result = item.safeParse(value);
    if (result.success) {
      items.push(result.data);
      return;
    }
    const issue = result.error.issues[0];
    const path = issue?.path ?? [];
    unreadable.push({ index, path: path.map(String).join('.'), message: issue ? describeIssue(issue, valueAt(value, path)) : 'invalid', raw: value });
  });
  return { items, unreadable };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The type of what came, with its value when it is short enough to help. */
function received(value: unknown): string {
  return typeof value === 'string' && value.length <= 40 ? `string ${JSON.stringify(value)}` : typeName(value);
}

/** zod/mini carries no messages of its own ("Invalid input"): say what was expected and what came. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, received ${typeName(value)}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  // The only patterns the readers check are counts sent as strings (recon schemas).
  if (issue.code === 'invalid_format')
    return `expected ${issue.format === 'regex' ? 'a string of digits' : `a ${issue.format} string`}, received ${received(value)}`;
  if (issue.code === 'invalid_union') {
    // A field that accepts variants (a total as string or number): name every type accepted.
    const expected = issue.errors.flatMap((branch) =>
      branch.flatMap((inner) => {
        if (inner.path.length > 0) return [];
        if (inner.code === 'invalid_type') return [inner.expected];
        if (inner.code === 'invalid_format') return [inner.format === 'regex' ? 'a string of digits' : `a ${inner.format} string`];
        return [];
      }),
    );
    if (expected.length === issue.errors.length) return `expected ${[...new Set(expected)].join(' | ')}, received ${received(value)}`;
  }
  return issue.message;
}

/**
 * An array read item by item: the output is `{ items, unreadable }`. The array itself must be an
 * array (a page without one is malformed as a whole).
 */
export function tolerantArray<T>(item: z.ZodMiniType<T>) {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((raw: unknown[]) => readItems(raw, item)),
  );
}

/** The raw JSON of an unreadable item, indented, for a "show raw JSON" disclosure. */
export function rawJson(item: UnreadableItem): string {
  try {
    return JSON.stringify(item.raw, null, 2) ?? String(item.raw);
  } catch {
    return String(item.raw);
  }
}
