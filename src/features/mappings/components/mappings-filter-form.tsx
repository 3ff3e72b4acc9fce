/**
 * The filter box: a simple filter (name, source or target; equals or starts with) that the console
 * turns into an escaped `_queryFilter`, or an advanced raw `_queryFilter` checked in the browser
 * with the CREST grammar before anything is sent.
 */
import { FilterFormActions } from '../../../components/states';
import { useId, useState, type FormEvent } from 'react';
import { AdvancedFilterField, checkAdvancedFilter, useShownFilterError } from '../../../components/advanced-filter-field';
import type { FilterSyntaxError } from '../../../lib/query-filter/parse';
import { FILTER_FIELDS, type FilterField, type MappingsView, type MatchMode } from '../mappings-view';

export interface FilterChange {
  field: FilterField;
  match: MatchMode;
  value: string;
  advanced: string;
}

const FIELD_LABELS: Record<FilterField, string> = { name: 'Name', source: 'Source', target: 'Target' };

interface MappingsFilterFormProps {
  view: MappingsView;
  /** The syntax error of the URL's advanced filter; undefined while it is being checked. */
  filterError: FilterSyntaxError | null | undefined;
  onApply: (change: FilterChange) => void;
  onClear: () => void;
}

export function MappingsFilterForm({ view, filterError, onApply, onClear }: MappingsFilterFormProps) {
  const id = useId();
  const [advancedMode, setAdvancedMode] = useState(view.advanced !== '');
  const [field, setField] = useState<FilterField>(view.field);
  const [match, setMatch] = useState<MatchMode>(view.match);
  const [value, setValue] = useState(view.value);
  const [advanced, setAdvanced] = useState(view.advanced);
  // The form follows the URL (back button, a link, Clear) without being remounted: a remount would
  // drop the focus to <body>. The rule on every filter form: after applying, focus stays on the
  // control used (the field Enter was pressed in, or Apply), and the list's own live status
  // announces the result (here the pager's "Showing 1–20 · Page 1").
  const applied = `${view.advanced}|${view.field}|${view.match}|${view.value}`;
  const [shown, setShown] = useState(applied);
  const [syntaxError, setSyntaxError] = useShownFilterError(filterError, applied);
  if (shown !== applied) {
    setShown(applied);
    setAdvancedMode(view.advanced !== '');
    setField(view.field);
    setMatch(view.match);
    setValue(view.value);
    setAdvanced(view.advanced);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (advancedMode) {
      const text = advanced.trim();
      checkAdvancedFilter(text, (error) => {
        setSyntaxError(error);
        if (!error) onApply({ field, match, value: '', advanced: text });
      });
    } else {
      onApply({ field, match, value, advanced: '' });
    }
  }

  return (
    <form className="filter-form" role="search" aria-label="Filter mappings" onSubmit={submit}>
      <div className="filter-mode">
        <label>
          <input type="checkbox" checked={advancedMode} onChange={(e) => setAdvancedMode(e.target.checked)} /> Advanced filter (<code>_queryFilter</code>)
        </label>
      </div>
      {advancedMode ? (
        <AdvancedFilterField
          value={advanced}
          error={syntaxError}
          onChange={(text, error) => {
            setAdvanced(text);
            setSyntaxError(error);
          }}
          placeholder={`/source sw "managed/" and !(/target eq "system/ldap/account")`}
        />
      ) : (
        <div className="filter-row">
          <div className="field">
            <label htmlFor={`${id}-field`}>Filter by</label>
            <select id={`${id}-field`} value={field} onChange={(e) => setField(e.target.value as FilterField)}>
              {FILTER_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {FIELD_LABELS[f]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-match`}>Match</label>
            <select id={`${id}-match`} value={match} onChange={(e) => setMatch(e.target.value as MatchMode)}>
              <option value="eq">equals</option>
              <option value="sw">starts with</option>
            </select>
          </div>
          <div className="field field-grow">
            <label htmlFor={`${id}-value`}>Value</label>
            <input id={`${id}-value`} className="mono" value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} autoComplete="off" />
          </div>
        </div>
      )}
      <FilterFormActions onClear={onClear} />
    </form>
  );
}
