/**
 * Two runs of the same mapping side by side: situation and status counts with the difference,
 * rows that differ marked in words and colour.
 */
import type { ReconRun } from '../api/schemas';
import { useFormatTime } from '../../../components/time';
import { formatCount } from '../progress';
import { SITUATIONS } from '../run-state';
import '../recon.css';

function signed(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0';
}

function CompareTable({ caption, keys, left, right }: { caption: string; keys: string[]; left: Record<string, number>; right: Record<string, number> }) {
  return (
    <div className="table-scroll">
      <table className="data-table compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Count</th>
            <th scope="col" className="numeric">
              This run
            </th>
            <th scope="col" className="numeric">
              Other run
            </th>
            <th scope="col" className="numeric">
              Difference (this − other)
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const a = left[key] ?? 0;
            const b = right[key] ?? 0;
            const differs = a !== b;
            return (
              <tr key={key} className={differs ? 'compare-differs' : undefined}>
                <th scope="row" className="mono">
                  {key}
                </th>
                <td className="numeric">{formatCount(a)}</td>
                <td className="numeric">{formatCount(b)}</td>
                <td className="numeric">{differs ? <strong>{signed(a - b)}</strong> : <span className="muted">same</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function CompareRuns({ run, other }: { run: ReconRun; other: ReconRun }) {
  const formatTime = useFormatTime();
  const situationKeys = [
    ...new Set([...SITUATIONS.map((s) => s.name), ...Object.keys(run.situationSummary ?? {}), ...Object.keys(other.situationSummary ?? {})]),
  ];
  const statusKeys = [...new Set(['SUCCESS', 'FAILURE', ...Object.keys(run.statusSummary ?? {}), ...Object.keys(other.statusSummary ?? {})])];
  const differing = situationKeys.filter((k) => (run.situationSummary?.[k] ?? 0) !== (other.situationSummary?.[k] ?? 0)).length;
  return (
    <div className="compare-runs">
      <p>
        This run started {formatTime(run.started) || 'at an unknown time'}; the other {formatTime(other.started) || 'at an unknown time'} ({other.state}).{' '}
        {differing === 0 ? 'Every situation count is the same.' : `${differing} situation count${differing === 1 ? ' differs' : 's differ'}.`}
      </p>
      <CompareTable caption="Situations, this run and the other" keys={situationKeys} left={run.situationSummary ?? {}} right={other.situationSummary ?? {}} />
      <CompareTable caption="Status, this run and the other" keys={statusKeys} left={run.statusSummary ?? {}} right={other.statusSummary ?? {}} />
    </div>
  );
}
