/**
 * A column's `header` or `cell`, rendered in place. TanStack's FlexRender renders a column's
 * function as a component type: columns rebuilt when their inputs change (each poll of the runs,
 * a selection, the queue's clock, the URL) bring new functions, so new types, and React remounts
 * every cell: its DOM is rebuilt, and a focused button in it (a row's Cancel or Delete, a
 * checkbox just ticked) drops the focus to <body>. Here the function is called inside one stable
 * component, so cells update in place and keep the focus. (A hook inside a column function, which
 * none has, would still be called in the same order for the same cell.)
 */
import type { ReactNode } from 'react';

export function ColumnContent<C>({ render, context }: { render: unknown; context: C }): ReactNode {
  return typeof render === 'function' ? (render as (context: C) => ReactNode)(context) : (render as ReactNode);
}
