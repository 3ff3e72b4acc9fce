/**
 * Trends over a mapping's runs, drawn in plain SVG: a small duration sparkline for the overview's
 * rows and, for the mapping page, duration and stacked situation counts per run. Every chart has a
 * real table beside it (visually hidden in a row; behind "Show as table" on the mapping page), so
 * the values are there for keyboard and screen-reader users, not only as a picture.
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { useFormatTime } from '../../../components/time';
import { formatCount, formatDuration } from '../progress';
import { SITUATIONS, STATUS_LABELS, type RunStatus } from '../run-state';
import { barHeights, stackSituations, TREND_RUNS, trendOf, type TrendPoint } from '../trends';
import { useLiveRuns } from '../use-live-runs';
import './run-trends.css';

/** The mapping page's trends carry this id, so a link can point at them (`…#trends`). */
export const TRENDS_ANCHOR = 'trends';

function outcomeText(point: TrendPoint): string {
  const label = STATUS_LABELS[point.status];
  return point.failures > 0 ? `${label}, ${formatCount(point.failures)} failed ${point.failures === 1 ? 'entry' : 'entries'}` : label;
}

function Bar({ status, x, width, height, top }: { status: RunStatus; x: number; width: number; height: number; top: number }) {
  const h = Math.max(height, 1);
  return (
    <>
      <rect className={`bar-${status}`} x={x} y={top - h} width={width} height={h} />
      {status === 'failed' ? (
        // A cross above a failed run's bar: the outcome is a shape as well as a colour.
        <path className="mark-failed" d={`M${x} ${top - h - 5}l${width} 4m0 -4l${-width} 4`} />
      ) : null}
    </>
  );
}

/** Duration per run, oldest left, coloured and shaped by outcome. */
function DurationBars({ points, width, height }: { points: readonly TrendPoint[]; width: number; height: number }) {
  const top = height;
  const chartHeight = height - 6;
  const slot = width / Math.max(points.length, TREND_RUNS);
  const heights = barHeights(
    points.map((p) => p.durationMs),
    chartHeight,
  );
  return (
    <svg className="run-trend" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <line className="baseline" x1={0} x2={width} y1={top - 0.5} y2={top - 0.5} />
      {points.map((p, i) => (
        <Bar key={p.id} status={p.status} x={i * slot + 1} width={Math.max(1, slot - 2)} height={heights[i]!} top={top} />
      ))}
    </svg>
  );
}

/**
 * For a row of the overview: the last runs' durations. The same values are a visually hidden list
 * (a table nested in a table row would confuse the outer table), and the chart links to the
 * mapping's trends, where "Show as table" puts them on screen for everyone.
 */
export function RunTrendSparkline({ points, mapping, to }: { points: readonly TrendPoint[]; mapping: string; to: string }) {
  const formatTime = useFormatTime();
  if (points.length === 0) return <span className="muted">No runs</span>;
  return (
    <>
      <Link
        to={to}
        className="trend-link"
        aria-label={points.length === 1 ? `Trend of the last run of ${mapping}` : `Trend of the last ${points.length} runs of ${mapping}`}
      >
        <DurationBars points={points} width={100} height={24} />
      </Link>
      <ul className="visually-hidden">
        {points.map((p) => (
          <li key={p.id}>{`${formatTime(p.started) || p.id}: ${outcomeText(p)}, ${formatDuration(p.durationMs)}`}</li>
        ))}
      </ul>
    </>
  );
}

const SITUATION_ORDER = SITUATIONS.map((s) => s.name);
/** 13 fills (run-trends.css, one palette per colour scheme); names tell them apart in the legend and table. */
const SITUATION_FILLS = 13;

function fillOf(name: string): string {
  const i = SITUATION_ORDER.indexOf(name);
  return `situation-fill-${(i < 0 ? SITUATION_ORDER.length : i) % SITUATION_FILLS}`;
}

/** Every run of the trend as a table: when, outcome, duration and the count of each situation found. */
function RunsTable({ mapping, points, present, hidden }: { mapping: string; points: readonly TrendPoint[]; present: readonly string[]; hidden: boolean }) {
  const formatTime = useFormatTime();
  return (
    <table className={hidden ? 'visually-hidden' : 'data-table'}>
      <caption>Runs of {mapping}, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Outcome</th>
          <th scope="col" className="numeric">
            Duration
          </th>
          {present.map((name) => (
            <th key={name} scope="col" className="numeric mono">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              {/* No links in the hidden copy: keyboard focus must never land on what is not shown. */}
              {hidden ? formatTime(p.started) || p.id : <Link to={paths.reconRun(p.id)}>{formatTime(p.started) || p.id}</Link>}
            </th>
            <td>{outcomeText(p)}</td>
            <td className="numeric">{formatDuration(p.durationMs)}</td>
            {present.map((name) => (
              <td key={name} className="numeric">
                {formatCount(p.situations[name] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The mapping page's trends: duration per run and each run's situation counts stacked, for the
 * last {@link TREND_RUNS} runs, from the runs list the panel already polls.
 */
export function MappingTrends({ mapping }: { mapping: string }) {
  const { runs } = useLiveRuns();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const points = trendOf(runs, mapping);
  if (points.length === 0) return null;
  const width = 480;
  const height = 120;
  const slot = width / Math.max(points.length, TREND_RUNS);
  const stacks = stackSituations(points, SITUATION_ORDER, height - 4);
  const present = [...new Set(stacks.flatMap((s) => s.map((seg) => seg.name)))].sort((a, b) => {
    const ia = SITUATION_ORDER.indexOf(a);
    const ib = SITUATION_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });

  return (
    <div className="mapping-trends" id={TRENDS_ANCHOR}>
      <h3 id={`${id}-h`}>{points.length === 1 ? 'Trends over the last run' : `Trends over the last ${points.length} runs`}</h3>
      <button type="button" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
        Show as table
      </button>
      {asTable ? (
        <div className="table-scroll">
          <RunsTable mapping={mapping} points={points} present={present} hidden={false} />
        </div>
      ) : (
        <>
          <figure>
            <figcaption>Duration per run (oldest left)</figcaption>
            <DurationBars points={points} width={width} height={height} />
            <ul className="trend-legend" aria-hidden="true">
              <li>
                <svg className="run-trend" width={10} height={10}>
                  <rect className="bar-succeeded" width={10} height={10} />
                </svg>
                Succeeded
              </li>
              <li>
                <svg className="run-trend" width={10} height={10}>
                  <rect className="bar-failed" width={10} height={10} />
                </svg>
                Failed (with a cross)
              </li>
              <li>
                <svg className="run-trend" width={10} height={10}>
                  <rect className="bar-canceled" x={0.5} y={0.5} width={9} height={9} />
                </svg>
                Canceled (hollow)
              </li>
              <li>
                <svg className="run-trend" width={10} height={10}>
                  <rect className="bar-running" x={0.5} y={0.5} width={9} height={9} />
                </svg>
                Running (dashed)
              </li>
            </ul>
          </figure>
          <figure>
            <figcaption>Situations per run (stacked)</figcaption>
            <svg className="run-trend situation-stack" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
              <line className="baseline" x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} />
              {stacks.map((segments, i) =>
                segments.map((seg) => (
                  <rect
                    key={`${points[i]!.id}-${seg.name}`}
                    x={i * slot + 1}
                    width={Math.max(1, slot - 2)}
                    y={height - seg.y - seg.height}
                    height={seg.height}
                    className={fillOf(seg.name)}
                  >
                    <title>{`${seg.name}: ${formatCount(seg.count)}`}</title>
                  </rect>
                )),
              )}
            </svg>
            <ul className="trend-legend" aria-hidden="true">
              {present.map((name) => (
                <li key={name}>
                  <svg className="run-trend" width={10} height={10}>
                    <rect width={10} height={10} className={fillOf(name)} />
                  </svg>
                  <span className="mono">{name}</span>
                </li>
              ))}
            </ul>
          </figure>
          <RunsTable mapping={mapping} points={points} present={present} hidden />
        </>
      )}
    </div>
  );
}
