import { downloadCsv, toCsv, type CsvColumn } from '../lib/csv';

/** Downloads the rows on screen as CSV; says how many. */
export function ExportCsvButton<T>({
  filename,
  rows,
  columns,
  what,
}: {
  filename: string;
  rows: readonly T[];
  columns: readonly CsvColumn<T>[];
  what: string;
}) {
  return (
    <button type="button" disabled={rows.length === 0} onClick={() => downloadCsv(filename, toCsv(rows, columns))}>
      Export {rows.length} {what} as CSV
    </button>
  );
}
