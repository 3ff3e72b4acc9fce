/**
 * The situation summary as a bar chart that is also a table: every one of the 13 situations with
 * its count and one line explaining it, bars scaled to the largest count. Situations the server
 * adds beyond the 13 are shown too.
 */
import type { ReactNode } from 'react';
import { formatCount } from '../progress';
import { SITUATIONS } from '../run-state';
import '../recon.css';

export interface SituationChartProps {
  summary: Record<string, number>;
  caption?: string;
  /** Turns a non-zero count into a link, e.g. to the records found in that situation. */
  renderCount?: (situation: string, count: string) => ReactNode;
  /** Leaves out the situations with no entries (the table says how many it left out). */
  hideEmpty?: boolean;
}

export function SituationChart({ summary, caption = 'Situations found', renderCount, hideEmpty = false }: SituationChartProps) {
  const known = new Set(SITUATIONS.map((s) => s.name));
  const all = [
    ...SITUATIONS.map((s) => ({ ...s, count: summary[s.name] ?? 0 })),
    ...Object.entries(summary)
      .filter(([name]) => !known.has(name))
      .map(([name, count]) => ({ name, meaning: 'A situation this console does not know.', count })),
  ];
  const rows = hideEmpty ? all.filter((r) => r.count > 0) : all;
  const hidden = all.length - rows.length;
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <div className="table-scroll">
      <table className="data-table situation-chart">
        <caption>{hidden > 0 ? `${caption} (${hidden === 1 ? '1 situation' : `${hidden} situations`} with no entries hidden)` : caption}</caption>
        <thead>
          <tr>
            <th scope="col">Situation</th>
            <th scope="col" className="numeric">
              Entries
            </th>
            <th scope="col">
              <span className="visually-hidden">Share of the largest situation</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} className={row.count === 0 ? 'situation-zero' : undefined}>
              <th scope="row">
                <span className="mono">{row.name}</span> <span className="situation-meaning">{row.meaning}</span>
              </th>
              <td className="numeric">{renderCount && row.count > 0 ? renderCount(row.name, formatCount(row.count)) : formatCount(row.count)}</td>
              <td className="bar-cell" aria-hidden="true">
                <span className="bar" style={{ width: `${(row.count / max) * 100}%` }} />
              </td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={3} className="muted">
                No situation has any entries.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
