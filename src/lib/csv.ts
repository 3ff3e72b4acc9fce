/**
 * Export of a list as CSV (RFC 4180): every field quoted when it holds a comma, quote or line
 * break, quotes doubled. A text field starting with =, +, - or @ gets a leading apostrophe so a
 * spreadsheet does not run server data as a formula.
 */
import { formatIsoWithOffset, getTimeZoneChoice } from './time-format';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

function field(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => field(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Hands the CSV to the browser as a download. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A time in a CSV cell: ISO 8601 with the offset of the zone the user chose (what the pages show). */
export function csvTime(value: string | number | null | undefined): string {
  return formatIsoWithOffset(value, getTimeZoneChoice());
}
