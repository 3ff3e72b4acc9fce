/**
 * The filter box: a simple filter (name, source or target; equals or starts with) that the console
 * turns into an escaped `_queryFilter`, or an advanced raw `_queryFilter` checked in the browser
 * with the CREST grammar before anything is sent.
 */
import { useId, useState, type FormEvent } from 'react';
import { FilterSyntaxMessage } from '../../../components/filter-syntax-message';
import { checkFilter, type FilterSyntaxError } from '../../../lib/query-filter';
import { FILTER_FIELDS, type FilterField, type MappingsView, type MatchMode } from '../mappings-view';

export interface FilterChange {
  field: FilterField;
  match: MatchMode;
  value: string;
  advanced: string;
}

const FIELD_LABELS: Record<FilterField, string> = { name: 'Name', source: 'Source', target: 'Target' };

export function MappingsFilterForm({ view, onApply, onClear }: { view: MappingsView; onApply: (change: FilterChange) => void; onClear: () => void }) {
  const id = useId();
  const [advancedMode, setAdvancedMode] = useState(view.advanced !== '');
  const [field, setField] = useState<FilterField>(view.field);
  const [match, setMatch] = useState<MatchMode>(view.match);
  const [value, setValue] = useState(view.value);
  const [advanced, setAdvanced] = useState(view.advanced);
  const [syntaxError, setSyntaxError] = useState<FilterSyntaxError | null>(() => {
    if (!view.advanced) return null;
    const check = checkFilter(view.advanced);
    return check.ok ? null : check.error;
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (advancedMode) {
      const text = advanced.trim();
      if (text !== '') {
        const check = checkFilter(text);
        if (!check.ok) {
          setSyntaxError(check.error);
          return;
        }
      }
      setSyntaxError(null);
      onApply({ field, match, value: '', advanced: text });
    } else {
      onApply({ field, match, value, advanced: '' });
    }
  }

  function revalidate(text: string) {
    setAdvanced(text);
    if (syntaxError) {
      const check = checkFilter(text);
      setSyntaxError(check.ok || text.trim() === '' ? null : check.error);
    }
  }

  const errorId = `${id}-advanced-error`;
  return (
    <form className="filter-form" role="search" aria-label="Filter mappings" onSubmit={submit}>
      <div className="filter-mode">
        <label>
          <input type="checkbox" checked={advancedMode} onChange={(e) => setAdvancedMode(e.target.checked)} /> Advanced filter (
          <code>_queryFilter</code>)
        </label>
      </div>
      {advancedMode ? (
        <div className="field field-wide">
          <label htmlFor={`${id}-advanced`}>Query filter</label>
          <input
            id={`${id}-advanced`}
            className="mono"
            value={advanced}
            onChange={(e) => revalidate(e.target.value)}
            placeholder={`/source sw "managed/" and !(/target eq "system/ldap/account")`}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={syntaxError ? true : undefined}
            aria-describedby={syntaxError ? errorId : `${id}-advanced-help`}
          />
          {syntaxError ? (
            <FilterSyntaxMessage id={errorId} error={syntaxError} />
          ) : (
            <p id={`${id}-advanced-help`} className="hint">
              CREST syntax: <code>/name eq "x"</code>, <code>sw</code>, <code>co</code>, <code>pr</code>, <code>and</code>, <code>or</code>, <code>!</code>,
              parentheses. Checked here before it is sent.
            </p>
          )}
        </div>
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
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Apply filter
        </button>
        <button type="button" onClick={onClear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
