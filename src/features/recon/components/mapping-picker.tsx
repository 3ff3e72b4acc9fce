/**
 * Pick a mapping: a search box (the start of the name, sent as `_queryFilter=/name sw "..."`) over
 * the paged `sync/mappings` endpoint, 20 at a time with the server's cookie for more, shown as a
 * radio group (arrow keys move between mappings).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { ErrorState } from '../../../components/states';
import { UnreadableItems, unreadableAcrossPages } from '../../../components/unreadable-items';
import { reconQueries } from '../api/queries';
import '../recon.css';

const SEARCH_DELAY_MS = 250;

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

export function MappingPicker({ value, onChange }: { value: string; onChange: (mapping: string) => void }) {
  const id = useId();
  const [search, setSearch] = useState('');
  const prefix = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const query = useInfiniteQuery(reconQueries.mappingChoices(prefix));
  const choices = query.data?.pages.flatMap((page) => page.result) ?? [];
  const unreadable = unreadableAcrossPages(query.data?.pages ?? []);

  return (
    <fieldset className="mapping-picker">
      <legend>Mapping</legend>
      <div className="field">
        <label htmlFor={`${id}-search`}>Find by the start of its name</label>
        <input
          id={`${id}-search`}
          type="search"
          className="mono"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-status`}
        />
      </div>
      <p id={`${id}-status`} className="hint" aria-live="polite">
        {query.isPending
          ? 'Loading mappings…'
          : query.isError
            ? ''
            : choices.length === 0
              ? prefix
                ? `No mapping name starts with “${prefix}”.`
                : 'This tenant has no mappings.'
              : `${choices.length}${query.hasNextPage ? '+' : ''} mapping${choices.length === 1 ? '' : 's'}${prefix ? ` starting with “${prefix}”` : ''}${value ? ` · chosen: ${value}` : ''}`}
      </p>
      {query.isError ? <ErrorState title="The mappings could not be loaded" error={query.error} onRetry={() => void query.refetch()} /> : null}
      <UnreadableItems items={unreadable} noun={unreadable.length === 1 ? 'mapping' : 'mappings'} />
      {choices.length > 0 ? (
        <div className="mapping-choices" role="radiogroup" aria-label="Mappings">
          {choices.map((choice) => (
            <label key={choice._id} className="mapping-choice">
              <input type="radio" name={`${id}-mapping`} value={choice.name} checked={value === choice.name} onChange={() => onChange(choice.name)} />
              <span className="mono">{choice.name}</span>
              {choice.source && choice.target ? (
                <span className="mapping-choice-route">
                  {choice.source} → {choice.target}
                </span>
              ) : null}
            </label>
          ))}
        </div>
      ) : null}
      {query.hasNextPage ? (
        <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? 'Loading…' : 'More mappings'}
        </button>
      ) : null}
    </fieldset>
  );
}
