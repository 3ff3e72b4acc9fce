/**
 * Confirms and runs the deletion of one or many queued events. The confirmation names every event;
 * the run shows progress and a result per event ("deleted", "already gone", "failed: <server
 * message>"). The dialog cannot be dismissed mid-run, and the confirm button works once. While the
 * browser is offline nothing starts: the dialog says so and stays open for the user to confirm
 * again when back online, or to cancel.
 */
import { useEffect, useRef, useState } from 'react';
import { ModalDialog } from '../../../components/modal-dialog';
import { isOffline } from '../../../lib/http';
import { unavailableWhile, useSingleFlight } from '../../../lib/use-single-flight';
import { deleteQueuedEvent } from '../api/requests';
import type { QueuedEvent } from '../api/schemas';
import { deleteEach, summarize, type DeleteResult, type DeleteResults } from '../bulk-delete';
import '../sync-queue.css';

export interface DeleteEventsDialogProps {
  events: QueuedEvent[];
  onClose: () => void;
  /** Called once, when the run has finished. */
  onFinished: (results: DeleteResults) => void;
  /** Where focus goes on close if the opener is gone (a deleted event's row). */
  returnFocus?: () => HTMLElement | null;
}

function describe(event: QueuedEvent): string {
  return `${event.syncAction} of ${event.resourceCollection}/${event.resourceId} for ${event.mapping}`;
}

function ResultText({ result }: { result: DeleteResult | undefined }) {
  switch (result?.status) {
    case undefined:
    case 'pending':
      return <span className="muted">Waiting</span>;
    case 'deleting':
      return <span className="muted">Deleting…</span>;
    case 'deleted':
      return <span className="result-ok">Deleted</span>;
    case 'gone':
      return <span className="result-gone">Already gone (the server no longer has it)</span>;
    case 'failed':
      return <span className="result-failed">Failed: {result.message}</span>;
  }
}

export function DeleteEventsDialog({ events, onClose, onFinished, returnFocus }: DeleteEventsDialogProps) {
  const [results, setResults] = useState<DeleteResults | null>(null);
  const [running, setRunning] = useState(false);
  const [offline, setOffline] = useState(false);
  const once = useSingleFlight();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const single = events.length === 1 ? events[0]! : null;
  const title = single ? 'Delete queued event' : `Delete ${events.length} queued events`;

  function run() {
    // Offline, every delete would fail the same way: say it once and send nothing.
    if (isOffline()) {
      setOffline(true);
      return;
    }
    setOffline(false);
    // A double click, or Enter held down, must not send anything twice (useSingleFlight).
    once(async () => {
      setRunning(true);
      const final = await deleteEach(
        events.map((e) => e._id),
        deleteQueuedEvent,
        { concurrency: 4, onUpdate: setResults },
      );
      setRunning(false);
      onFinished(final);
    });
  }

  const summary = results ? summarize(results) : null;
  const finished = results !== null && !running;
  const started = running || results !== null;
  // The confirm button goes once the run starts: the focus moves to the summary, which says how
  // far it got (and, at the end, the result), and stays there until the user moves on.
  useEffect(() => {
    if (running) summaryRef.current?.focus();
  }, [running]);

  return (
    <ModalDialog title={title} onClose={onClose} dismissible={!running} className="delete-dialog" returnFocus={returnFocus}>
      {!started ? (
        single ? (
          <p>
            Delete the queued event <code className="break">{single._id}</code> ({describe(single)})? The change it carries will not be synchronized.
          </p>
        ) : (
          <>
            <p>Delete these {events.length} queued events? The changes they carry will not be synchronized.</p>
            <ul className="event-list">
              {events.map((e) => (
                <li key={e._id}>
                  <code>{e._id}</code> <span className="muted">({describe(e)})</span>
                </li>
              ))}
            </ul>
          </>
        )
      ) : (
        <>
          <progress max={events.length} value={summary?.done ?? 0} aria-label="Deletion progress" />
          <p role="status" aria-live="polite" ref={summaryRef} tabIndex={-1} data-focus-fallback>
            {finished
              ? `Finished: ${summary!.deleted} deleted, ${summary!.gone} already gone, ${summary!.failed} failed.`
              : `Deleting… ${summary?.done ?? 0} of ${events.length} done.`}
            {finished && summary!.failed > 0 ? ' The failed events stay selected so you can try again.' : ''}
          </p>
          <table className="data-table result-table">
            <caption className="visually-hidden">Result per event</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e._id}>
                  <td>
                    <code>{e._id}</code>
                  </td>
                  <td>
                    <ResultText result={results?.get(e._id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {offline && !started ? (
        <p className="field-error" role="alert">
          The browser is offline: nothing was deleted and nothing was sent. Confirm again when the connection is back, or cancel.
        </p>
      ) : null}
      <div className="form-actions modal-actions">
        {!started ? (
          <>
            <button type="button" className="button-danger" onClick={run}>
              {single ? 'Delete event' : `Delete ${events.length} events`}
            </button>
            <button type="button" onClick={onClose} data-autofocus>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" {...unavailableWhile(running, onClose)}>
            Close
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
