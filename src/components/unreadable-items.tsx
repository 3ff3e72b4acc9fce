/**
 * What a list could not read: how many items, and for each its position, where it failed and its
 * raw JSON (as text, never as HTML). Pages render it beside the rows they could read.
 */
import { useState } from 'react';
import { rawJson, type UnreadableItem } from '../lib/tolerant-list';
import { ModalDialog } from './modal-dialog';
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

function UnreadableReason({ item, noun }: { item: UnreadableItem; noun: string }) {
  return (
    <span>
      {noun} {(item.index + 1).toLocaleString('en-US')} could not be read: {item.path ? <code>{item.path}</code> : 'the item itself'} — {item.message}
    </span>
  );
}

/**
 * One unreadable item: its position, why, and its raw JSON on demand — disclosed in place, or, in
 * a row of fixed height (`compact`), in a dialog so the row keeps its height.
 */
export function UnreadableItemRow({ item, noun = 'Item', compact = false }: { item: UnreadableItem; noun?: string; compact?: boolean }) {
  const [open, setOpen] = useState(false);
  if (compact) {
    return (
      <div className="unreadable-item unreadable-item-compact">
        <UnreadableReason item={item} noun={noun} />{' '}
        <button type="button" className="button-small" onClick={() => setOpen(true)}>
          Raw JSON
        </button>
        {open ? (
          <ModalDialog title={`${noun} ${(item.index + 1).toLocaleString('en-US')} as the server sent it`} onClose={() => setOpen(false)}>
            <pre className="unreadable-raw">{rawJson(item)}</pre>
          </ModalDialog>
        ) : null}
      </div>
    );
  }
  return (
    <div className="unreadable-item">
      <UnreadableReason item={item} noun={noun} />
      <details>
        <summary>Raw JSON</summary>
        <pre>{rawJson(item)}</pre>
      </details>
    </div>
  );
}

/**
 * The unreadable items of the pages loaded so far, numbered across them (the first item of the
 * second page of 50 is item 51), so each can be found in the server's list.
 */
export function unreadableAcrossPages(pages: readonly { result: readonly unknown[]; unreadable?: readonly UnreadableItem[] }[]): UnreadableItem[] {
  const found: UnreadableItem[] = [];
  let offset = 0;
  for (const page of pages) {
    for (const item of page.unreadable ?? []) found.push({ ...item, index: item.index + offset });
    offset += page.result.length + (page.unreadable?.length ?? 0);
  }
  return found;
}
