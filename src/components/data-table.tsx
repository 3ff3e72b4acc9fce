/**
 * A semantic, accessible table over TanStack Table (v9, core features only): the server owns
 * order, filtering and paging, so the table only lays out the rows it is given.
 */
import { tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import { ColumnContent } from './table-cell';

export const coreFeatures = tableFeatures({});
export type CoreFeatures = typeof coreFeatures;

export interface DataTableProps<T extends RowData> {
  caption: string;
  columns: ColumnDef<CoreFeatures, T, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- column value types differ per column, as in TanStack's own examples
  data: T[];
  getRowId: (row: T) => string;
  busy?: boolean;
}

export function DataTable<T extends RowData>({ caption, columns, data, getRowId, busy = false }: DataTableProps<T>) {
  const table = useTable({ features: coreFeatures, columns, data, getRowId: (row: T) => getRowId(row) });
  // A table wider than the screen scrolls in its own region, never the page (WCAG 1.4.10); the
  // region is named and focusable so a keyboard can scroll it too (WCAG 2.1.1).
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table" aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {header.isPlaceholder ? null : <ColumnContent render={header.column.columnDef.header} context={header.getContext()} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <ColumnContent render={cell.column.columnDef.cell} context={cell.getContext()} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
