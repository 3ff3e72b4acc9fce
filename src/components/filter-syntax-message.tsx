/** Shows where a query filter goes wrong: the message, and the filter with a caret under the spot. */
import type { FilterSyntaxError } from '../lib/query-filter/parse';
import './filter-syntax-message.css';

export function FilterSyntaxMessage({ id, error }: { id: string; error: FilterSyntaxError }) {
  const column = Math.min(error.position, error.filter.length);
  return (
    <div id={id} className="field-error" role="alert">
      <p>
        {error.message} (at character {column + 1}).
      </p>
      <pre className="caret-view" aria-hidden="true">
        {error.filter}
        {'\n'}
        {' '.repeat(column)}^
      </pre>
    </div>
  );
}
