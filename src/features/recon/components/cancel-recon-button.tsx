/**
 * Cancel a run: the button opens a confirmation; confirming sends one
 * `POST recon/<id>?_action=cancel` (the confirm button is disabled while it is in flight, and a
 * second click is ignored). A run already canceling cannot be canceled again.
 */
import { useState } from 'react';
import { ErrorState } from '../../../components/states';
import { useCancelRecon } from '../api/mutations';
import type { ReconRun } from '../api/schemas';
import { isActive, isCanceling } from '../run-state';
import { ModalDialog } from '../../../components/modal-dialog';
import { useSingleFlight } from '../../../lib/use-single-flight';

export function CancelReconButton({ run, compact = false }: { run: ReconRun; compact?: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useCancelRecon();
  const once = useSingleFlight();

  if (!isActive(run)) return null;
  const canceling = isCanceling(run);

  function confirm() {
    once(() => cancel.mutateAsync(run._id).then(() => setConfirming(false)));
  }

  return (
    <>
      <button
        type="button"
        className={compact ? 'button-small' : undefined}
        onClick={() => {
          cancel.reset();
          setConfirming(true);
        }}
        disabled={canceling || cancel.isPending}
        aria-label={compact ? `Cancel the run of ${run.mapping}` : undefined}
      >
        {canceling ? 'Canceling…' : 'Cancel run'}
      </button>
      {confirming ? (
        <ModalDialog title="Cancel this reconciliation?" onClose={() => setConfirming(false)} dismissible={!cancel.isPending}>
          <p>
            The run of <strong className="mono">{run.mapping}</strong> stops after the entries in progress. What it has already changed stays changed.
          </p>
          {cancel.isError ? <ErrorState title="The run could not be canceled" error={cancel.error} /> : null}
          <div className="form-actions modal-actions">
            <button type="button" className="button-danger" onClick={confirm} disabled={cancel.isPending}>
              {cancel.isPending ? 'Canceling…' : 'Cancel the run'}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={cancel.isPending} data-autofocus>
              Keep it running
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </>
  );
}
