/**
 * The advanced `_queryFilter` box shared by every filter form: checked in the browser with the
 * CREST grammar, so a broken filter shows where it goes wrong (message and caret) instead of
 * costing a round trip. The form owns the text and asks {@link validateAdvancedFilter} on submit.
 */
import { useId } from 'react';
import { checkFilter, type FilterSyntaxError } from '../lib/query-filter';
import { FilterSyntaxMessage } from './filter-syntax-message';
import './advanced-filter-field.css';

/** The syntax error in `text`, or null when it is empty or valid. */
export function validateAdvancedFilter(text: string): FilterSyntaxError | null {
  if (text.trim() === '') return null;
  const check = checkFilter(text.trim());
  return check.ok ? null : check.error;
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
    onChange(text, error ? validateAdvancedFilter(text) : null);
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
