/**
 * An object's content as an attribute table. Every value is rendered as text (never as HTML):
 * strings as they are (quotes only for the empty string), lists one item per line, empty lists
 * and objects said to be empty, nested objects as nested tables, null as "null".
 */
import type { ReactNode } from 'react';
import '../linked-resources.css';

export function ValueView({ value }: { value: unknown }): ReactNode {
  if (value === null) return <span className="value-null">null</span>;
  if (value === undefined) return <span className="muted">not set</span>;
  if (typeof value === 'string') return value === '' ? <span className="value-empty">"" (empty string)</span> : <span className="value-text">{value}</span>;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return <span className="mono">{String(value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="value-empty">empty list</span>;
    return (
      <ol className="value-list" aria-label={`List of ${value.length}`}>
        {value.map((item, index) => (
          <li key={index}>
            <ValueView value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return <span className="value-empty">empty object</span>;
    return <AttributeTable entries={entries} nested />;
  }
  return <span>{String(value)}</span>;
}

export function AttributeTable({ entries, caption, nested = false }: { entries: [string, unknown][]; caption?: string; nested?: boolean }) {
  return (
    <table className={nested ? 'attribute-table attribute-table-nested' : 'attribute-table'}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      {nested ? null : (
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
      )}
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th scope="row" className="mono">
              {key}
            </th>
            <td>
              <ValueView value={value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `_id` first, then the attributes in the server's order. */
export function ContentTable({ content, caption }: { content: Record<string, unknown>; caption: string }) {
  const entries = Object.entries(content);
  const ordered = [...entries.filter(([k]) => k === '_id'), ...entries.filter(([k]) => k !== '_id')];
  if (ordered.length === 0) return <p className="muted">The object has no attributes.</p>;
  return <AttributeTable entries={ordered} caption={caption} />;
}
