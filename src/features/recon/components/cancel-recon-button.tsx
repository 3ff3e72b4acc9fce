/**
 * Cancel a run: the button opens a confirmation; confirming sends one
 * `POST recon/<id>?_action=cancel` (the confirm button is unavailable while it is in flight, and a
 * second click is ignored). A run already canceling cannot be canceled again.
 *
 * Both buttons stay focusable while unavailable (aria-disabled): the confirm button holds the focus
 * while the request is in flight, and the opener, now "Canceling…", takes it back when the
 * confirmation closes. A list that renders only the rows in view (the overview) keeps the
 * confirmation outside its rows (`onRequest` + {@link ListCancelDialog}), so scrolling the row
 * away does not close it.
 */
import { useState } from 'react';
import { ErrorState } from '../../../components/states';
import { useCancelRecon } from '../api/mutations';
import type { ReconRun } from '../api/schemas';
import { isActive, isCanceling } from '../run-state';
import { ModalDialog } from '../../../components/modal-dialog';
import { unavailableWhile, useSingleFlight } from '../../../lib/use-single-flight';

/** The accessible name of a compact cancel button, also how its opener is found again. */
function cancelButtonLabel(run: Pick<ReconRun, 'mapping'>): string {
  return `Cancel the run of ${run.mapping}`;
}

export function CancelReconButton({ run, compact = false, onRequest }: { run: ReconRun; compact?: boolean; onRequest?: (run: ReconRun) => void }) {
  const [confirming, setConfirming] = useState(false);

  if (!isActive(run)) return null;
  const canceling = isCanceling(run);

  return (
    <>
      <button
        type="button"
        className={compact ? 'button-small' : undefined}
        {...unavailableWhile(canceling, () => (onRequest ? onRequest(run) : setConfirming(true)))}
        aria-label={compact ? cancelButtonLabel(run) : undefined}
      >
        {canceling ? 'Canceling…' : 'Cancel run'}
      </button>
      {confirming ? <CancelReconDialog run={run} onClose={() => setConfirming(false)} /> : null}
    </>
  );
}

/** The confirmation; mount to open. `returnFocus`: where focus goes if the opener is gone. */
function CancelReconDialog({ run, onClose, returnFocus }: { run: ReconRun; onClose: () => void; returnFocus?: () => HTMLElement | null }) {
  const cancel = useCancelRecon();
  const once = useSingleFlight();

  function confirm() {
    once(() => cancel.mutateAsync(run._id).then(onClose));
  }

  return (
    <ModalDialog title="Cancel this reconciliation?" onClose={onClose} dismissible={!cancel.isPending} returnFocus={returnFocus}>
      <p>
        The run of <strong className="mono">{run.mapping}</strong> stops after the entries in progress. What it has already changed stays changed.
      </p>
      {cancel.isError ? <ErrorState title="The run could not be canceled" error={cancel.error} /> : null}
      <div className="form-actions modal-actions">
        <button type="button" className="button-danger" {...unavailableWhile(cancel.isPending, confirm)}>
          {cancel.isPending ? 'Canceling…' : 'Cancel the run'}
        </button>
        <button type="button" {...unavailableWhile(cancel.isPending, onClose)} data-autofocus>
          Keep it running
        </button>
      </div>
    </ModalDialog>
  );
}

/**
 * The confirmation of a list that renders only the rows in view (the overview, the runs list): kept
 * outside the rows, so scrolling the run away does not close it. It shows the run as last polled
 * (its stage may have moved on), or the one asked about if it has left the list. Focus returns to
 * the row's button, found by its name (one run of a mapping is active at a time), even if the row
 * was scrolled away and back (a new button); if the row is gone, to the page's heading
 * (ModalDialog's default).
 */
export function ListCancelDialog({ run, runs, onClose }: { run: ReconRun; runs: readonly ReconRun[]; onClose: () => void }) {
  return (
    <CancelReconDialog
      run={runs.find((listed) => listed._id === run._id) ?? run}
      onClose={onClose}
      returnFocus={() => document.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(cancelButtonLabel(run))}"]`)}
    />
  );
}
