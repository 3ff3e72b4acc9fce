/**
 * A semantic `<table>` whose body is virtualized (TanStack Virtual): only the rows in view are in
 * the DOM, with spacer rows above and below keeping the scroll height, so hundreds of thousands of
 * rows stay smooth while screen readers still get a real table (aria-rowcount/aria-rowindex).
 */
import { tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';

const features = tableFeatures({});
export type VirtualTableFeatures = typeof features;

export interface VirtualTableProps<T extends RowData> {
  caption: string;
  columns: ColumnDef<VirtualTableFeatures, T, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- column value types differ per column, as in TanStack's own examples
  data: T[];
  getRowId: (row: T) => string;
  busy?: boolean;
  /** Height of the scrolling area in pixels. */
  height?: number;
  /** Estimated row height in pixels. */
  rowHeight?: number;
  /** Called when the user scrolls within `endThreshold` rows of the end (for "load more"). */
  onEndReached?: () => void;
  endThreshold?: number;
  /** The number of rows in the whole list when known (for aria-rowcount); unknown = -1. */
  totalRows?: number;
  rowClassName?: (row: T) => string | undefined;
  /**
   * Keep the first visible row where it is when rows before it come or go (e.g. pages dropped
   * from memory at the top of an infinite list, or loaded back), instead of letting the content
   * jump under the reader.
   */
  keepScrollAnchor?: boolean;
}

export function VirtualTable<T extends RowData>(props: VirtualTableProps<T>) {
  const { caption, columns, data, getRowId, busy = false, height = 560, rowHeight = 40, onEndReached, endThreshold = 10 } = props;
  const table = useTable({ features, columns, data, getRowId: (row: T) => getRowId(row) });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoize; this component is not compiled.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]!.id,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1]!.index : -1;
  const columnCount = table.getAllLeafColumns().length;

  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastIndex >= rows.length - 1 - endThreshold) onEndReached();
  }, [lastIndex, rows.length, endThreshold, onEndReached]);

  // The first visible row and how far the view is scrolled past its start, as of the last render.
  const anchor = useRef<{ id: string; index: number; within: number } | null>(null);
  const keepScrollAnchor = props.keepScrollAnchor ?? false;
  useLayoutEffect(() => {
    if (!keepScrollAnchor) return;
    const offset = virtualizer.scrollOffset ?? 0;
    const previous = anchor.current;
    if (previous && rows[previous.index]?.id !== previous.id) {
      const index = rows.findIndex((row) => row.id === previous.id);
      const start = index >= 0 ? virtualizer.getOffsetForIndex(index, 'start')?.[0] : undefined;
      if (index >= 0 && start !== undefined) {
        virtualizer.scrollToOffset(start + previous.within);
        anchor.current = { id: previous.id, index, within: previous.within };
        return;
      }
    }
    const first = items.find((item) => item.end > offset);
    anchor.current = first ? { id: rows[first.index]!.id, index: first.index, within: offset - first.start } : null;
  });

  const top = items.length ? items[0]!.start : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div ref={scrollRef} className="table-scroll virtual-scroll" style={{ maxHeight: height }} tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" aria-busy={busy} aria-rowcount={props.totalRows ?? -1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={columnCount} style={{ height: top }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr key={row.id} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2} className={props.rowClassName?.(row.original)}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={columnCount} style={{ height: bottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
