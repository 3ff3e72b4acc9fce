/**
 * Progress bars that say only what the server knows: "processed of total" with a determinate
 * `<progress>` when the total is a number, an indeterminate one (no value) when it is "?", never a
 * made-up 0%.
 */
import { useState } from 'react';
import type { ReconRun } from '../api/schemas';
import { completion, formatCount, phaseCountOf, type PhaseCount } from '../progress';
import { progressAnnouncement, progressMark, sameMark } from '../progress-announcements';
import { currentPhase, isActive, stageText, type Phase } from '../run-state';
import '../recon.css';
import './run-progress.css';

export const PHASE_LABELS: Record<Phase, string> = {
  source: 'Source entries',
  target: 'Target entries',
  links: 'Links',
};

/** A known total of 0 is a finished phase: a full bar, as the text says 100%. */
function barValues(processed: number, total: number) {
  return total === 0 ? { value: 1, max: 1 } : { value: Math.min(processed, total), max: total };
}

export function countText(count: PhaseCount): string {
  if (count.total === null) return `${formatCount(count.processed)} processed, total not known yet`;
  const done = completion(count);
  return `${formatCount(count.processed)} of ${formatCount(count.total)}${done === null ? '' : ` (${Math.floor(done * 100)}%)`}`;
}

export function PhaseProgress({ label, count, running }: { label: string; count: PhaseCount | null; running: boolean }) {
  if (!count) {
    return (
      <div className="phase-progress">
        <span className="phase-label">{label}</span>
        <span className="muted">not reported</span>
      </div>
    );
  }
  return (
    <div className="phase-progress">
      <span className="phase-label">{label}</span>
      {count.total === null ? (
        running ? (
          <progress aria-label={`${label}: total not known yet`} />
        ) : null
      ) : (
        <progress aria-label={label} {...barValues(count.processed, count.total)} aria-valuetext={countText(count)} />
      )}
      <span className="phase-count">{countText(count)}</span>
    </div>
  );
}

/** The one bar a list row shows for an active run: the phase that is moving, or the stage while none is. */
export function RunProgressCell({ run }: { run: ReconRun }) {
  if (!isActive(run)) return null;
  const phase = currentPhase(run);
  const count = phase ? phaseCountOf(run, phase) : null;
  const label = `Progress of the run of ${run.mapping}`;
  if (!phase || !count || count.total === null) {
    return (
      <div className="row-progress">
        <progress aria-label={`${label}: ${stageText(run) || 'working'}`} />
        {count ? <span className="row-progress-text">{formatCount(count.processed)} processed</span> : null}
      </div>
    );
  }
  return (
    <div className="row-progress">
      <progress aria-label={label} {...barValues(count.processed, count.total)} aria-valuetext={countText(count)} />
      <span className="row-progress-text">
        {PHASE_LABELS[phase]}: {countText(count)}
      </span>
    </div>
  );
}

/**
 * The polite live region of a run's page: stage changes and each quarter of a phase (see
 * progress-announcements.ts), not every poll. Always rendered, so the region exists before its
 * first message (a region inserted with its text is often not read).
 */
export function ProgressAnnouncer({ run }: { run: ReconRun }) {
  const [mark, setMark] = useState(() => progressMark(run));
  const [message, setMessage] = useState('');
  const next = progressMark(run);
  // Derived while rendering, from the last mark seen: no effect, so nothing is announced late.
  if (!sameMark(mark, next)) {
    setMark(next);
    const text = progressAnnouncement(mark, run, PHASE_LABELS);
    // At the end the finished notice speaks; the last stage is not left behind in the region.
    if (text || !next.active) setMessage(text ?? '');
  }
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
