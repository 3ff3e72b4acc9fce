/**
 * One list's states, in one order, for every page that lists something — the way Keycloak's
 * `KeycloakDataTable` owns loading, error, empty and no-match for its pages (`ListEmptyState`),
 * so a page passes only its texts, its table and what truly differs:
 *
 * 1. loading — the first answer is awaited (an accessible status);
 * 2. error — nothing has been read yet (or nothing is left to show): the server's own message,
 *    code and reason, with Try again (and the page's own way out, e.g. Clear filters);
 * 3. otherwise the last good answer, and above it, when a refetch failed, a notice that says so
 *    (the page keeps what it had: a failed refresh must not blank it);
 * 4. then the page's header (counts, result heading), the "N could not be read" block, and
 *    either the empty state (nothing there), the no-match state (a filter left nothing, with a
 *    way to clear it) or the rows; then the page's footer (pager, "load more").
 */
import type { ReactNode } from 'react';
import type { UnreadableItem } from '../lib/tolerant-list';
import { EmptyState, ErrorState, LoadingState } from './states';
import { UnreadableItems } from './unreadable-items';

/** The parts of a TanStack Query result (plain or infinite) the ladder reads. */
interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

interface Message {
  title: string;
  body?: ReactNode;
}

interface NoMatch extends Message {
  /** The filter as sent to the server, shown so the user sees what matched nothing. */
  filter?: string;
  /** Clears the page's filter; no button when the page offers none. */
  onClear?: () => void;
}

/** Elements, or a function that makes them from the answer when they need it. */
type Slot<T> = ReactNode | ((data: T) => ReactNode);

function fill<T>(slot: Slot<T>, data: T): ReactNode {
  return typeof slot === 'function' ? slot(data) : slot;
}

interface ListStateProps<T> {
  query: ListQuery;
  /** The answer to show: the query's data, kept while a refetch fails. */
  data: T | undefined;
  /** The page's filter is malformed and was not sent: says so instead of asking. */
  invalidFilter?: boolean;
  /** Status text while the first answer is awaited. */
  loading: string;
  /** Shown instead of the empty or no-match state while the page knows more is on its way. */
  stillLoading?: string;
  error: {
    title: string;
    /** Whether trying again could help (a 404 for a missing object cannot): default true. */
    retry?: boolean;
    /** The page's own ways out, beside Try again. */
    actions?: ReactNode;
    /** Heading of the notice above the last answer when a refetch fails (default: `title`). */
    staleTitle?: string;
  };
  /**
   * Whether there is anything to show beside an error (default: `data` is there); a page whose
   * last answer held nothing readable shows the error with Try again instead.
   */
  hasData?: boolean;
  /** Nothing to list: the empty state, or the no-match one when `isFiltered`. */
  isEmpty: boolean;
  /** A filter applies: an empty list then means nothing matched it. */
  isFiltered?: boolean;
  empty: Message;
  noMatch?: NoMatch;
  /** The items that could not be read, numbered as the server listed them. */
  unreadable?: { items: readonly UnreadableItem[]; noun: string; plural: string; total?: number };
  /** Shown with the answer, above the unreadable items and the rows (counts, a result heading). */
  header?: Slot<T>;
  /** Shown with the answer, below the rows (pager, "load more"). */
  footer?: Slot<T>;
  /** The rows. */
  children: Slot<T>;
}

export function ListState<T>(props: ListStateProps<T>) {
  const { query, data, error } = props;
  const hasData = props.hasData ?? data !== undefined;
  // A disabled query is pending too: a filter that was never sent must not look like loading.
  if (props.invalidFilter) {
    return (
      <EmptyState title="This filter cannot be sent">
        <p>Correct the query filter above, or clear it.</p>
      </EmptyState>
    );
  }
  if (query.isPending) return <LoadingState label={props.loading} />;
  if (query.isError && !hasData) {
    return (
      <ErrorState title={error.title} error={query.error} onRetry={error.retry === false ? undefined : () => void query.refetch()} action={error.actions} />
    );
  }
  if (data === undefined) return null;
  return (
    <>
      {query.isError ? <ErrorState title={error.staleTitle ?? error.title} error={query.error} /> : null}
      {fill(props.header, data)}
      {props.unreadable ? (
        <UnreadableItems
          items={props.unreadable.items}
          noun={props.unreadable.items.length === 1 ? props.unreadable.noun : props.unreadable.plural}
          total={props.unreadable.total}
        />
      ) : null}
      {!props.isEmpty ? fill(props.children, data) : props.stillLoading ? <LoadingState label={props.stillLoading} /> : <Nothing {...props} />}
      {fill(props.footer, data)}
    </>
  );
}

function Nothing({ isFiltered, noMatch, empty }: Pick<ListStateProps<unknown>, 'isFiltered' | 'noMatch' | 'empty'>) {
  const shown = isFiltered && noMatch ? noMatch : empty;
  return (
    <EmptyState title={shown.title}>
      {shown.body}
      {shown === noMatch && noMatch.filter !== undefined ? (
        <p>
          Filter sent: <code>{noMatch.filter}</code>
        </p>
      ) : null}
      {shown === noMatch && noMatch.onClear ? (
        <button type="button" onClick={noMatch.onClear}>
          Clear filters
        </button>
      ) : null}
    </EmptyState>
  );
}
