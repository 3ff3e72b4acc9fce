/**
 * Where the user names a resource: a path typed in full, helped by a picker of the collections
 * the mappings use (choosing one fills in `<collection>/` and leaves the id to type).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { linkedResourceQueries } from '../api/queries';
import { checkResourcePath } from '../linked-resources-view';

export function ResourceForm({ initial, onSubmit }: { initial: string; onSubmit: (resourceName: string) => void }) {
  const id = useId();
  const [path, setPath] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The form follows the URL (a pivot, the trail, the back button) without being remounted: a
  // remount would drop the focus to <body>. As on every filter form, focus stays on the control
  // used; the results heading ("N linked resources for …") is announced where it appears.
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setPath(initial);
    setError(null);
  }
  const collections = useQuery(linkedResourceQueries.collections());
  const chosen = collections.data?.collections.find((c) => path.startsWith(`${c}/`)) ?? '';

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = checkResourcePath(path);
    setError(problem);
    if (!problem) onSubmit(path.trim());
  }

  function pick(collection: string) {
    if (!collection) return;
    // Keeps an id already typed after the previous collection.
    const objectId = chosen && path.startsWith(`${chosen}/`) ? path.slice(chosen.length + 1) : '';
    setPath(`${collection}/${objectId}`);
    setError(null);
    input.current?.focus();
  }

  return (
    <form className="filter-form" role="search" aria-label="Look up linked resources" onSubmit={submit} noValidate>
      <div className="filter-row">
        <div className="field">
          <label htmlFor={`${id}-collection`}>Collection</label>
          <select id={`${id}-collection`} value={chosen} onChange={(e) => pick(e.target.value)} aria-describedby={`${id}-collection-help`}>
            <option value="">{collections.isPending ? 'Loading collections…' : 'Choose a collection…'}</option>
            {collections.data?.collections.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <span id={`${id}-collection-help`} className="hint">
            {collections.isError
              ? 'The collections could not be listed; type the path instead.'
              : collections.data && !collections.data.complete
                ? 'Only the first collections are listed.'
                : 'Collections used by the mappings.'}
          </span>
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-path`}>Resource path</label>
          <input
            ref={input}
            id={`${id}-path`}
            className="mono"
            value={path}
            onChange={(e) => {
              setPath(e.target.value);
              if (error) setError(checkResourcePath(e.target.value));
            }}
            placeholder="managed/alpha_user/<id> or system/ldap/account/<id>"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-path-error` : undefined}
          />
          {error ? (
            <p id={`${id}-path-error`} className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Show linked resources
        </button>
      </div>
    </form>
  );
}
