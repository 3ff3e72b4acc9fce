/**
 * Launch a reconciliation: pick the mapping (or use the one given), a full run or one source entry
 * by id, for a full run whether to keep a per-record report or only analyse, confirm. The server runs one reconciliation per mapping, so when the runs it reported
 * (refreshed as the dialog opens) include an active one for the chosen mapping, the dialog says so
 * and links to it instead of launching. Whatever the server refuses is shown with its message.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/states';
import { paths } from '../../../config/paths';
import { useLaunchRecon } from '../api/mutations';
import type { RecordReport } from '../api/requests';
import { reconQueries } from '../api/queries';
import { isActive, statusLabel } from '../run-state';
import { MappingPicker } from './mapping-picker';
import { ModalDialog } from '../../../components/modal-dialog';
import { Time } from '../../../components/time';
import { unavailableWhile, useSingleFlight } from '../../../lib/use-single-flight';
import '../recon.css';

export interface LaunchedRun {
  id: string;
  mapping: string;
  sourceId?: string | undefined;
}

export interface LaunchReconDialogProps {
  onClose: () => void;
  onLaunched?: (run: LaunchedRun) => void;
  /** Preselected mapping; the user may still choose another. */
  mapping?: string;
}

/** The submit button says what it will do: a full run, an analysis, or one entry, and of what. */
function launchLabel(mapping: string, scope: 'full' | 'byId', report: RecordReport, sourceId: string): string {
  if (!mapping) return 'Launch';
  if (scope === 'byId') return sourceId ? `Launch run for ${sourceId}` : 'Launch run for one entry';
  return report === 'analyze' ? `Launch analysis of ${mapping}` : `Launch full run of ${mapping}`;
}

/**
 * What the launch will do to the target, in words, before it is sent. Whether a full run changes
 * anything depends on the mapping's policies (one that sets every situation to ASYNC, IGNORE,
 * REPORT or NOREPORT changes nothing), which this dialog does not read: it says so rather than
 * guess. Only an analysis is certain to change nothing (the server's `analyze=true`).
 */
function LaunchEffect({
  mapping,
  target,
  scope,
  report,
  sourceId,
}: {
  mapping: string;
  target: string | undefined;
  scope: 'full' | 'byId';
  report: RecordReport;
  sourceId: string;
}) {
  const where = target ? <strong className="mono">{target}</strong> : 'its target';
  // Plain text: the chosen mapping is already shown, as the one element that names it, above.
  const name = mapping;
  let text;
  if (scope === 'full' && report === 'analyze') {
    text = (
      <>
        An analysis reads every source and target entry of {name} and reports what each would get: it changes nothing in {where}.
      </>
    );
  } else {
    text = (
      <>
        {scope === 'byId' ? (
          <>
            This applies the policies of {name} to the source entry {sourceId ? <strong className="mono">{sourceId}</strong> : 'you name'} only
          </>
        ) : (
          <>A full run applies the policies of {name} to every source and target entry</>
        )}{' '}
        and may create, update, delete or unlink objects in {where}. It changes nothing only if every situation's action is ASYNC, IGNORE, REPORT or NOREPORT;
        this dialog does not check the mapping's policies (its page shows them).
      </>
    );
  }
  return <p>{text}</p>;
}

/** Mount to open. */
export function LaunchReconDialog({ onClose, onLaunched, mapping: preselected }: LaunchReconDialogProps) {
  const id = useId();
  const [mapping, setMapping] = useState(preselected ?? '');
  const [picking, setPicking] = useState(!preselected);
  const [scope, setScope] = useState<'full' | 'byId'>('full');
  const [sourceId, setSourceId] = useState('');
  const [report, setReport] = useState<RecordReport>('none');
  const [idError, setIdError] = useState(false);
  const sourceIdInput = useRef<HTMLInputElement>(null);
  // Fresh runs as the dialog opens, for the one-run-per-mapping check. No interval of its own: the
  // page underneath polls the list, and a second observer would double the requests per interval.
  const runs = useQuery({ ...reconQueries.list(), staleTime: 0, refetchInterval: false });
  const launch = useLaunchRecon();
  // One POST per click however fast or busy: see useSingleFlight.
  const once = useSingleFlight();

  const activeRun = mapping ? runs.data?.runs.find((run) => run.mapping === mapping && isActive(run)) : undefined;
  // The chosen mapping's target, to name what a run may change.
  const chosen = useQuery({ ...reconQueries.mappingChoice(mapping), enabled: Boolean(mapping) });
  const target = chosen.data?.target;
  const trimmedId = sourceId.trim();
  const action = launchLabel(mapping, scope, report, trimmedId);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!mapping || activeRun || launch.isPending) return;
    const trimmed = sourceId.trim();
    if (scope === 'byId' && !trimmed) {
      // The field in error takes the focus; its message is an alert, so it is heard at once.
      setIdError(true);
      sourceIdInput.current?.focus();
      return;
    }
    once(() =>
      launch.mutateAsync({ mapping, sourceId: scope === 'byId' ? trimmed : undefined, report: scope === 'full' ? report : undefined }).then((result) => {
        onLaunched?.({ id: result._id, mapping, sourceId: scope === 'byId' ? trimmed : undefined });
        onClose();
      }),
    );
  }

  return (
    <ModalDialog title="Launch a reconciliation" onClose={onClose} dismissible={!launch.isPending} className="launch-dialog">
      <form onSubmit={submit} noValidate>
        {picking ? (
          <MappingPicker
            value={mapping}
            onChange={(name) => {
              setMapping(name);
              launch.reset();
            }}
          />
        ) : (
          <div className="chosen-mapping">
            <span>
              Mapping: <strong className="mono">{mapping}</strong>
            </span>
            <button type="button" onClick={() => setPicking(true)}>
              Choose another mapping
            </button>
          </div>
        )}

        <fieldset className="scope-choice">
          <legend>What to reconcile</legend>
          <label>
            <input type="radio" name={`${id}-scope`} checked={scope === 'full'} onChange={() => setScope('full')} /> Every source entry (a full run)
          </label>
          <label>
            <input type="radio" name={`${id}-scope`} checked={scope === 'byId'} onChange={() => setScope('byId')} /> One source entry, by its id
          </label>
          {scope === 'byId' ? (
            <div className="field">
              <label htmlFor={`${id}-source-id`}>Source entry id</label>
              <input
                ref={sourceIdInput}
                id={`${id}-source-id`}
                className="mono"
                value={sourceId}
                onChange={(e) => {
                  setSourceId(e.target.value);
                  setIdError(false);
                }}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={idError ? true : undefined}
                aria-describedby={idError ? `${id}-source-id-error` : undefined}
              />
              {idError ? (
                <p id={`${id}-source-id-error`} className="field-error" role="alert">
                  Enter the id of the source entry to reconcile.
                </p>
              ) : null}
            </div>
          ) : null}
        </fieldset>

        {scope === 'full' ? (
          <fieldset className="scope-choice">
            <legend>Per-record report</legend>
            <label>
              <input type="radio" name={`${id}-report`} checked={report === 'none'} onChange={() => setReport('none')} /> None: only the counts (fastest)
            </label>
            <label>
              <input type="radio" name={`${id}-report`} checked={report === 'persist'} onChange={() => setReport('persist')} /> Keep a per-record report: which
              records failed and why (slower on large runs)
            </label>
            <label>
              <input type="radio" name={`${id}-report`} checked={report === 'analyze'} onChange={() => setReport('analyze')} /> Analysis only: report what each
              record would get, change nothing
            </label>
          </fieldset>
        ) : null}

        {mapping ? <LaunchEffect mapping={mapping} target={target} scope={scope} report={report} sourceId={trimmedId} /> : null}

        {activeRun ? (
          <div className="notice notice-warn" role="alert">
            <strong className="mono">{mapping}</strong> already has a run in progress ({statusLabel(activeRun).toLowerCase()}, started{' '}
            <Time value={activeRun.started} fallback="at an unknown time" />
            ).{' '}
            <Link to={paths.reconRun(activeRun._id)} onClick={onClose}>
              See that run
            </Link>
            . The server runs one reconciliation per mapping at a time: wait for it to finish or cancel it first.
          </div>
        ) : null}
        {runs.isError ? <ErrorState title="The runs in progress could not be checked" error={runs.error} /> : null}
        {launch.isError ? <ErrorState title="The reconciliation could not be launched" error={launch.error} /> : null}

        <div className="form-actions modal-actions">
          {/* Busy: aria-disabled, so the button just pressed keeps the focus (the submit handler and
              useSingleFlight refuse a second launch). */}
          <button type="submit" className="button-primary" disabled={!mapping || Boolean(activeRun)} {...unavailableWhile(launch.isPending)}>
            {launch.isPending ? 'Launching…' : action}
          </button>
          <button type="button" {...unavailableWhile(launch.isPending, onClose)}>
            Close
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
