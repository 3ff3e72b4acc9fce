/**
 * A semantic `<table>` whose body is virtualized (TanStack Virtual): only the rows in view are in
 * the DOM, with spacer rows above and below keeping the scroll height, so hundreds of thousands of
 * rows stay smooth while screen readers still get a real table (aria-rowcount/aria-rowindex).
 */
import { tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import './virtual-table.css';
import { ColumnContent } from './table-cell';

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
  /** Estimated row height in pixels (rows are measured as they render). */
  rowHeight?: number;
  /**
   * Every row is exactly this many pixels high (content beyond it is clipped), so rows are not
   * measured: reading each row's `offsetHeight` forces a layout per row, which a long list pays on
   * its first render and on every scroll.
   */
  fixedRowHeight?: number;
  /** Called when the user scrolls within `endThreshold` rows of the end (for "load more"). */
  onEndReached?: () => void;
  endThreshold?: number;
  /** The number of rows in the whole list when known (for aria-rowcount); unknown = -1. */
  totalRows?: number;
  rowClassName?: (row: T) => string | undefined;
  /**
   * Rows before `data` that are not in memory (an infinite list that released its first pages).
   * They keep their place, so the rows in view never move when earlier rows leave memory or come
   * back, and every row keeps its real position (aria-rowindex).
   */
  leadingRows?: number;
  /** Called when the user scrolls into the rows that are not in memory (to load them back). */
  onStartReached?: () => void;
  /**
   * A row that is not a record of the table's kind (an item the list could not read) renders as one
   * cell across every column: return its content, or null for an ordinary row.
   */
  renderWholeRow?: (row: T) => ReactNode | null;
  /**
   * With `fixedRowHeight`: the rows the reader opened to see their full values. Such a row is not
   * held to the fixed height: its content wraps and it alone is measured, so the cost of measuring
   * is paid for the few rows opened, never for the list. Pass a stable function (useCallback).
   */
  isRowOpen?: (row: T) => boolean;
}

export function VirtualTable<T extends RowData>(props: VirtualTableProps<T>) {
  const {
    caption,
    columns,
    data,
    getRowId,
    busy = false,
    height = 560,
    fixedRowHeight,
    onEndReached,
    onStartReached,
    endThreshold = 10,
    leadingRows = 0,
  } = props;
  const rowHeight = fixedRowHeight ?? props.rowHeight ?? 40;
  const table = useTable({ features, columns, data, getRowId: (row: T) => getRowId(row) });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { isRowOpen } = props;
  // An open row has its own key, so the size measured while it was open is not the size of the
  // same position once it closes: a closed row is back at the fixed height without a measurement.
  // Without open rows the key is the position, as below.
  const getItemKey = useCallback(
    (index: number): number | string => {
      if (!fixedRowHeight || !isRowOpen || index < leadingRows) return index;
      const row = rows[index - leadingRows];
      return row !== undefined && isRowOpen(row.original) ? `open:${index}` : index;
    },
    [fixedRowHeight, isRowOpen, leadingRows, rows],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoize; this component is not compiled.
  const virtualizer = useVirtualizer({
    // Items are keyed by position (the default): a row's place in the whole list never changes
    // when pages before it leave memory, so neither do the measured sizes above it.
    count: leadingRows + rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: isRowOpen ? getItemKey : undefined,
    overscan: 8,
  });
  // Rows of a fixed height are laid out at their known size, never read back from the DOM.
  const measureRef = fixedRowHeight === undefined ? virtualizer.measureElement : undefined;
  const items = virtualizer.getVirtualItems();
  const firstIndex = items.length ? items[0]!.index : -1;
  const lastIndex = items.length ? items[items.length - 1]!.index : -1;
  const columnCount = table.getAllLeafColumns().length;

  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastIndex >= leadingRows + rows.length - 1 - endThreshold) onEndReached();
  }, [lastIndex, leadingRows, rows.length, endThreshold, onEndReached]);

  // Rows released while the reader was looking at them stay released until the reader scrolls:
  // loading them back at once would release the rows just loaded at the other end, and again.
  const released = useRef({ leadingRows, held: false });
  const isScrolling = virtualizer.isScrolling;
  useEffect(() => {
    const inReleased = firstIndex >= 0 && firstIndex < leadingRows;
    if (leadingRows > released.current.leadingRows && inReleased) released.current.held = true;
    if (isScrolling) released.current.held = false;
    released.current.leadingRows = leadingRows;
    if (onStartReached && inReleased && !released.current.held) onStartReached();
  }, [firstIndex, leadingRows, isScrolling, onStartReached]);

  const top = items.length ? items[0]!.start : 0;
  // The row's height in CSS too: the cells' content is held to it (virtual-table.css).
  const rowStyle: CSSProperties | undefined = fixedRowHeight ? ({ height: fixedRowHeight, '--row-height': `${fixedRowHeight}px` } as CSSProperties) : undefined;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div ref={scrollRef} className="table-scroll virtual-scroll" style={{ maxHeight: height }} tabIndex={0} role="region" aria-label={caption}>
      <table className={fixedRowHeight ? 'data-table fixed-rows' : 'data-table'} aria-busy={busy} aria-rowcount={props.totalRows ?? -1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {header.isPlaceholder ? null : <ColumnContent render={header.column.columnDef.header} context={header.getContext()} />}
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
            if (item.index < leadingRows) {
              return (
                <tr key={`released-${item.index}`} data-index={item.index} ref={measureRef} aria-hidden="true" className="released-row" style={rowStyle}>
                  <td colSpan={columnCount}>{fixedRowHeight ? <div className="fixed-cell">Released from memory</div> : 'Released from memory'}</td>
                </tr>
              );
            }
            const row = rows[item.index - leadingRows]!;
            const open = typeof item.key === 'string';
            // A row of fixed height holds its content in a box of that height; an open row keeps the
            // same box (so opening it does not remount the cells and lose the focus) without the limit.
            const inCell = (content: ReactNode) => (fixedRowHeight ? <div className="fixed-cell">{content}</div> : content);
            const whole = props.renderWholeRow?.(row.original) ?? null;
            const className = [props.rowClassName?.(row.original), open ? 'row-open' : ''].filter(Boolean).join(' ') || undefined;
            return (
              <tr
                key={row.id}
                data-index={item.index}
                ref={open ? virtualizer.measureElement : measureRef}
                aria-rowindex={item.index + 2}
                className={className}
                style={open ? undefined : rowStyle}
              >
                {whole !== null ? (
                  <td colSpan={columnCount}>{inCell(whole)}</td>
                ) : (
                  row
                    .getAllCells()
                    .map((cell) => <td key={cell.id}>{inCell(<ColumnContent render={cell.column.columnDef.cell} context={cell.getContext()} />)}</td>)
                )}
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
