/**
 * What a list could not read: how many items, and for each its position, where it failed and its
 * raw JSON (as text, never as HTML). Pages render it beside the rows they could read.
 */
import { rawJson, type UnreadableItem } from '../lib/tolerant-list';
import './unreadable-items.css';

export function UnreadableItems({ items, noun, total }: { items: readonly UnreadableItem[]; noun: string; total?: number }) {
  if (items.length === 0) return null;
  const count = items.length;
  return (
    <section className="unreadable-items" role="status" aria-label={`${noun} that could not be read`}>
      <p className="unreadable-summary">
        {count === 1 ? `1 ${noun} could not be read` : `${count.toLocaleString('en-US')} ${noun} could not be read`}
        {total !== undefined ? ` (of ${total.toLocaleString('en-US')} on this page)` : ''}; the others are shown as usual.
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.index}>
            <UnreadableItemRow item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One unreadable item: its position, why, and its raw JSON on demand. */
export function UnreadableItemRow({ item }: { item: UnreadableItem }) {
  return (
    <div className="unreadable-item">
      <span>
        Item {(item.index + 1).toLocaleString('en-US')} could not be read: {item.path ? <code>{item.path}</code> : 'the item itself'} — {item.message}
      </span>
      <details>
        <summary>Raw JSON</summary>
        <pre>{rawJson(item)}</pre>
      </details>
    </div>
  );
}
