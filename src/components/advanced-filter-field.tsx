/**
 * The advanced `_queryFilter` box shared by every filter form: checked in the browser with the
 * CREST grammar, so a broken filter shows where it goes wrong (message and caret) instead of
 * costing a round trip. The form owns the text and asks {@link checkAdvancedFilter} on submit. The
 * grammar's code loads the first time a filter is checked (lazy-check.ts), not with the page.
 */
import { useId, useState } from 'react';
import type { FilterSyntaxError } from '../lib/query-filter/parse';
import { filterErrorNow, filterErrorSoon } from '../lib/query-filter/lazy-check';
import { FilterSyntaxMessage } from './filter-syntax-message';
import './advanced-filter-field.css';

/**
 * Calls `then` with the syntax error in `text` (trimmed), or null when it is empty or valid: at
 * once when the grammar is loaded, otherwise as soon as it is.
 */
export function checkAdvancedFilter(text: string, then: (error: FilterSyntaxError | null) => void): void {
  const now = filterErrorNow(text.trim());
  if (now !== undefined) then(now);
  else void filterErrorSoon(text.trim()).then(then);
}

/**
 * The error a filter form's advanced box shows: the applied filter's own (it arrives once the
 * grammar has checked it; undefined until then), replaced by the form's checks as the user types
 * and applies, and back to the applied filter's whenever that filter changes (`applied`: the form's
 * key for what the URL holds).
 */
export function useShownFilterError(appliedError: FilterSyntaxError | null | undefined, applied: string) {
  const [error, setError] = useState<FilterSyntaxError | null>(appliedError ?? null);
  const [seen, setSeen] = useState({ appliedError, applied });
  if (seen.appliedError !== appliedError || seen.applied !== applied) {
    setSeen({ appliedError, applied });
    setError(appliedError ?? null);
  }
  return [error, setError] as const;
}

export interface AdvancedFilterFieldProps {
  value: string;
  /** The error to show; set by the form on submit, cleared here as soon as the text is valid. */
  error: FilterSyntaxError | null;
  onChange: (text: string, error: FilterSyntaxError | null) => void;
  placeholder?: string;
  label?: string;
}

export function AdvancedFilterField({ value, error, onChange, placeholder, label = 'Query filter' }: AdvancedFilterFieldProps) {
  const id = useId();
  const errorId = `${id}-advanced-error`;
  const helpId = `${id}-advanced-help`;

  function change(text: string) {
    // Once an error is shown, it follows the text as it is corrected; before that, typing is quiet.
    // An error on screen means the grammar is loaded, so this check is synchronous.
    onChange(text, error ? (filterErrorNow(text.trim()) ?? null) : null);
  }

  return (
    <div className="field field-wide">
      <label htmlFor={`${id}-advanced`}>{label}</label>
      <input
        id={`${id}-advanced`}
        className="mono"
        value={value}
        onChange={(e) => change(e.target.value)}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : helpId}
      />
      {error ? (
        <FilterSyntaxMessage id={errorId} error={error} />
      ) : (
        <p id={helpId} className="hint">
          CREST syntax: <code>/name eq "x"</code>, <code>sw</code>, <code>co</code>, <code>pr</code>, <code>and</code>, <code>or</code>, <code>!</code>,
          parentheses. Checked here before it is sent.
        </p>
      )}
    </div>
  );
}
