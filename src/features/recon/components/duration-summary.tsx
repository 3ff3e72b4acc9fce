import type { DurationStat } from '../api/schemas';
import { formatCount } from '../progress';
import '../recon.css';

const ms = (n: number | undefined) => (n === undefined ? '—' : `${formatCount(n)} ms`);

/** `durationSummary`: one row per metric that occurred, all in milliseconds. */
export function DurationSummary({ summary }: { summary: Record<string, DurationStat> }) {
  const metrics = Object.entries(summary).sort(([a], [b]) => a.localeCompare(b));
  if (metrics.length === 0) return <p className="muted">No timings reported yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Time spent per operation</caption>
        <thead>
          <tr>
            <th scope="col">Operation</th>
            <th scope="col" className="numeric">
              Min
            </th>
            <th scope="col" className="numeric">
              Mean
            </th>
            <th scope="col" className="numeric">
              Max
            </th>
            <th scope="col" className="numeric">
              Count
            </th>
            <th scope="col" className="numeric">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {metrics.map(([name, stat]) => (
            <tr key={name}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="numeric">{ms(stat.min)}</td>
              <td className="numeric">{ms(stat.mean)}</td>
              <td className="numeric">{ms(stat.max)}</td>
              <td className="numeric">{stat.count === undefined ? '—' : formatCount(stat.count)}</td>
              <td className="numeric">{ms(stat.sum)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
