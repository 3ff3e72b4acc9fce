/**
 * The queue's filters: mapping, state, sync action, resource id and "remaining retries below N",
 * built into an escaped `_queryFilter`; or an advanced raw `_queryFilter`, checked in the browser.
 */
import { FilterFormActions } from '../../../components/states';
import { useId, useState, type FormEvent } from 'react';
import { AdvancedFilterField, checkAdvancedFilter, useShownFilterError } from '../../../components/advanced-filter-field';
import type { FilterSyntaxError } from '../../../lib/query-filter/parse';
import { STATES, SYNC_ACTIONS, type SyncQueueView } from '../sync-queue-view';

export type FilterChange = Pick<SyncQueueView, 'mapping' | 'state' | 'action' | 'resourceId' | 'retriesBelow' | 'advanced'>;

/** The form's fields as the URL sets them. */
function fieldsOf(view: SyncQueueView): FilterChange {
  const { mapping, state, action, resourceId, retriesBelow, advanced } = view;
  return { mapping, state, action, resourceId, retriesBelow, advanced };
}

interface SyncQueueFilterFormProps {
  view: SyncQueueView;
  /** The syntax error of the URL's advanced filter; undefined while it is being checked. */
  filterError: FilterSyntaxError | null | undefined;
  onApply: (change: FilterChange) => void;
  onClear: () => void;
}

export function SyncQueueFilterForm({ view, filterError, onApply, onClear }: SyncQueueFilterFormProps) {
  const id = useId();
  const [advancedMode, setAdvancedMode] = useState(view.advanced !== '');
  const [fields, setFields] = useState<FilterChange>(() => fieldsOf(view));
  // The form follows the URL (back button, a link, Clear) without being remounted: a remount would
  // drop the focus to <body>. The rule on every filter form: after applying, focus stays on the
  // control used (the field Enter was pressed in, or Apply), and the list's own live status
  // announces the result (here "N events loaded").
  const applied = `${view.advanced}|${view.mapping}|${view.state}|${view.action}|${view.resourceId}|${view.retriesBelow}`;
  const [shown, setShown] = useState(applied);
  const [syntaxError, setSyntaxError] = useShownFilterError(filterError, applied);
  if (shown !== applied) {
    setShown(applied);
    setAdvancedMode(view.advanced !== '');
    setFields(fieldsOf(view));
  }
  const set = (change: Partial<FilterChange>) => setFields((f) => ({ ...f, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (advancedMode) {
      const text = fields.advanced.trim();
      checkAdvancedFilter(text, (error) => {
        setSyntaxError(error);
        if (!error) onApply({ mapping: '', state: '', action: '', resourceId: '', retriesBelow: '', advanced: text });
      });
    } else {
      onApply({ ...fields, mapping: fields.mapping.trim(), resourceId: fields.resourceId.trim(), advanced: '' });
    }
  }

  return (
    <form className="filter-form" role="search" aria-label="Filter queued events" onSubmit={submit}>
      <div className="filter-mode">
        <label>
          <input type="checkbox" checked={advancedMode} onChange={(e) => setAdvancedMode(e.target.checked)} /> Advanced filter (<code>_queryFilter</code>)
        </label>
      </div>
      {advancedMode ? (
        <AdvancedFilterField
          value={fields.advanced}
          error={syntaxError}
          onChange={(text, error) => {
            set({ advanced: text });
            setSyntaxError(error);
          }}
          placeholder={`/state eq "ACQUIRED" and /remainingRetries lt 2`}
        />
      ) : (
        <div className="filter-row">
          <div className="field field-grow">
            <label htmlFor={`${id}-mapping`}>Mapping</label>
            <input
              id={`${id}-mapping`}
              className="mono"
              value={fields.mapping}
              onChange={(e) => set({ mapping: e.target.value })}
              spellCheck={false}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-state`}>State</label>
            <select id={`${id}-state`} value={fields.state} onChange={(e) => set({ state: e.target.value as FilterChange['state'] })}>
              <option value="">Any</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-action`}>Sync action</label>
            <select id={`${id}-action`} value={fields.action} onChange={(e) => set({ action: e.target.value as FilterChange['action'] })}>
              <option value="">Any</option>
              {SYNC_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-grow">
            <label htmlFor={`${id}-resource`}>Resource id</label>
            <input
              id={`${id}-resource`}
              className="mono"
              value={fields.resourceId}
              onChange={(e) => set({ resourceId: e.target.value })}
              spellCheck={false}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-retries`}>Remaining retries below</label>
            <input
              id={`${id}-retries`}
              className="narrow"
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={fields.retriesBelow}
              onChange={(e) => set({ retriesBelow: e.target.value.replace(/\D/g, '') })}
            />
          </div>
        </div>
      )}
      <FilterFormActions onClear={onClear} />
    </form>
  );
}
