/**
 * What a queued event changes: its `oldObject` and `newObject` compared attribute by attribute
 * (top-level attributes, as IDM's own sync compares them), so the console can show them side by
 * side with the changed ones marked. Values are compared by content, whatever order their keys
 * came in.
 */

export type AttributeStatus = 'changed' | 'added' | 'removed' | 'same';

export interface AttributeChange {
  name: string;
  status: AttributeStatus;
  /** The value before; undefined = the attribute was absent (or there was no old object). */
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted, so equal values always print the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Every attribute of either object, in the order the objects list them (old first, then what only
 * the new one has). A create (no old object) marks every attribute added, a delete every one removed.
 */
export function compareObjects(oldObject: Record<string, unknown> | null, newObject: Record<string, unknown> | null): AttributeChange[] {
  const names = [...new Set([...Object.keys(oldObject ?? {}), ...Object.keys(newObject ?? {})])];
  return names.map((name) => {
    const hadIt = oldObject !== null && Object.hasOwn(oldObject, name);
    const hasIt = newObject !== null && Object.hasOwn(newObject, name);
    const before = hadIt ? oldObject[name] : undefined;
    const after = hasIt ? newObject[name] : undefined;
    const status: AttributeStatus = !hadIt ? 'added' : !hasIt ? 'removed' : canonicalJson(before) === canonicalJson(after) ? 'same' : 'changed';
    return { name, status, before, after };
  });
}

/** A value as text for the side-by-side view: strings as they are, anything else as indented JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}
