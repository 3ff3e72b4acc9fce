/**
 * The change one queued event carries: its `oldObject` and `newObject` side by side, attribute by
 * attribute, the changed ones marked. Fetched when the user opens the event, for that event only —
 * the list asks only for the fields its table shows. Values are shown as text, never as HTML.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ModalDialog } from '../../../components/modal-dialog';
import { ErrorState, LoadingState } from '../../../components/states';
import { syncQueueQueries } from '../api/queries';
import type { QueuedEvent } from '../api/schemas';
import { compareObjects, displayValue, type AttributeStatus } from '../event-change';
import './event-change-dialog.css';

const STATUS_TEXT: Record<AttributeStatus, string> = { changed: 'Changed', added: 'Added', removed: 'Removed', same: '' };

export interface EventChangeDialogProps {
  id: string;
  /** The event's row when it is loaded in the list (for the summary line); absent when opened by URL. */
  event?: QueuedEvent | undefined;
  onClose: () => void;
}

export function EventChangeDialog({ id, event, onClose }: EventChangeDialogProps) {
  const query = useQuery(syncQueueQueries.change(id));
  const [onlyChanged, setOnlyChanged] = useState(true);
  const change = query.data;
  const attributes = change ? compareObjects(change.oldObject, change.newObject) : [];
  const changedCount = attributes.filter((a) => a.status !== 'same').length;
  const shown = onlyChanged ? attributes.filter((a) => a.status !== 'same') : attributes;

  return (
    <ModalDialog title="Change carried by a queued event" onClose={onClose} className="event-change">
      <p>
        Event <code className="break">{id}</code>
        {event ? (
          <>
            : {event.syncAction ?? 'a change'} of <code className="break">{`${event.resourceCollection ?? '?'}/${event.resourceId ?? '?'}`}</code> for{' '}
            {event.mapping ?? 'an unnamed mapping'}
          </>
        ) : null}
        .
      </p>
      {query.isPending ? (
        <LoadingState label="Loading the change…" />
      ) : query.isError ? (
        <ErrorState
          title="The change could not be loaded"
          error={query.error}
          action={
            <button type="button" onClick={() => void query.refetch()}>
              Try again
            </button>
          }
        />
      ) : change === null || change === undefined ? (
        <p role="status">This event is no longer in the sync queue: a node processed it, or it was deleted.</p>
      ) : (
        <>
          <p role="status">
            {change.oldObject === null && change.newObject === null
              ? 'The server sent neither the old nor the new object of this change.'
              : change.oldObject === null
                ? `No old object: the event creates the object (${attributes.length} attributes).`
                : change.newObject === null
                  ? `No new object: the event deletes the object (${attributes.length} attributes).`
                  : `${changedCount} of ${attributes.length} attributes changed.`}
          </p>
          <label className="checkbox-line">
            <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
            Only changed attributes
          </label>
          <div className="change-scroll" tabIndex={0} role="region" aria-label="Old and new values">
            <table className="data-table change-table">
              <caption className="visually-hidden">Old and new values of each attribute</caption>
              <thead>
                <tr>
                  <th scope="col">Attribute</th>
                  <th scope="col">Old value</th>
                  <th scope="col">New value</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((a) => (
                  <tr key={a.name} className={a.status === 'same' ? undefined : `attr-${a.status}`}>
                    <th scope="row">
                      <span className="mono">{a.name}</span>
                      {a.status !== 'same' ? <span className="badge badge-warn attr-mark">{STATUS_TEXT[a.status]}</span> : null}
                    </th>
                    <td>{a.before === undefined ? <span className="muted">absent</span> : <pre>{displayValue(a.before)}</pre>}</td>
                    <td>{a.after === undefined ? <span className="muted">absent</span> : <pre>{displayValue(a.after)}</pre>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
