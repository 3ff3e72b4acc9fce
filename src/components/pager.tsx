/**
 * Cursor paging controls: first, previous, next (the server's cookie), "go to page N" (offset),
 * and the page size. Says only what is known: "of N" appears only when the total is trustworthy.
 */
import { useId, useState, type FormEvent } from 'react';
import { unavailableWhile } from '../lib/use-single-flight';
import './pager.css';

export interface PagerProps {
  label: string;
  page: number;
  pageSize: number;
  pageSizes: readonly number[];
  /** Results on this page; null while it loads. */
  shown: number | null;
  total: number | null;
  hasNext: boolean;
  busy: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onGoTo: (page: number) => void;
  onPageSize: (size: number) => void;
}

export function Pager(props: PagerProps) {
  const id = useId();
  const { page, pageSize, shown, total } = props;
  const [target, setTarget] = useState('');
  const from = (page - 1) * pageSize + 1;
  const to = (page - 1) * pageSize + (shown ?? 0);
  const pages = total === null ? null : Math.max(1, Math.ceil(total / pageSize));

  function goTo(event: FormEvent) {
    event.preventDefault();
    const n = Number(target);
    if (Number.isInteger(n) && n >= 1) props.onGoTo(n);
  }

  return (
    <nav className="pager" aria-label={props.label}>
      <p className="pager-status" aria-live="polite">
        {shown === null ? (
          `Loading page ${page}…`
        ) : (
          <>
            {shown > 0 ? `Showing ${from}–${to}` : 'Nothing on this page'}
            {total !== null ? ` of ${total}` : ''} · Page {page}
            {pages !== null ? ` of ${pages}` : ''}
            {props.busy ? ' · Refreshing…' : ''}
          </>
        )}
      </p>
      <div className="pager-controls">
        {/* aria-disabled, not disabled: the button just used keeps the focus when it becomes unavailable
            (Previous on reaching page 1, Next while the page loads or on the last page). */}
        <button type="button" {...unavailableWhile(page === 1, props.onFirst)}>
          First
        </button>
        <button type="button" {...unavailableWhile(page === 1, props.onPrevious)}>
          Previous
        </button>
        <button type="button" {...unavailableWhile(!props.hasNext || props.busy, props.onNext)}>
          Next
        </button>
        <form className="inline-form" onSubmit={goTo}>
          <label htmlFor={`${id}-goto`}>Go to page</label>
          <input id={`${id}-goto`} type="number" min={1} inputMode="numeric" value={target} onChange={(e) => setTarget(e.target.value)} className="narrow" />
          <button type="submit">Go</button>
        </form>
        <label htmlFor={`${id}-size`}>Page size</label>
        <select id={`${id}-size`} value={pageSize} onChange={(e) => props.onPageSize(Number(e.target.value))}>
          {props.pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
    </nav>
  );
}
