/**
 * The advanced-filter check without the parser in the page's bundle: the CREST grammar (parse.ts)
 * loads the first time a non-empty advanced filter has to be checked, and is kept from then on, so
 * every later check is synchronous. Pages that only build filters (build.ts) never load it.
 *
 * A check answers `null` (nothing wrong), the syntax error, or — while the parser is still loading
 * — `undefined` ("not known yet"): a page sends nothing until it is known, and a form applies
 * nothing. If the parser cannot load (a deploy replaced the chunks, the network dropped), the
 * filter is let through unchecked and the server's own 400 message is shown instead: better than a
 * filter box that can never be applied. Callers pass the text trimmed.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FilterSyntaxError } from './parse';

type Parser = typeof import('./parse');

let parser: Parser | null = null;
let loading: Promise<Parser | null> | null = null;

/** Starts loading the parser (once; again after a failure) and resolves with it, or null if it cannot load. */
function loadFilterParser(): Promise<Parser | null> {
  loading ??= import('./parse').then(
    (module) => (parser = module),
    () => {
      loading = null;
      return null;
    },
  );
  return loading;
}

function errorOf(module: Parser, text: string): FilterSyntaxError | null {
  const check = module.checkFilter(text);
  return check.ok ? null : check.error;
}

/** The syntax error in `text`, null when there is none, or undefined while the parser is not loaded yet. */
export function filterErrorNow(text: string): FilterSyntaxError | null | undefined {
  if (text === '') return null;
  return parser ? errorOf(parser, text) : undefined;
}

/** The syntax error in `text` or null, loading the parser first if need be. */
export async function filterErrorSoon(text: string): Promise<FilterSyntaxError | null> {
  const now = filterErrorNow(text);
  if (now !== undefined) return now;
  const loaded = await loadFilterParser();
  return loaded ? errorOf(loaded, text) : null;
}

/**
 * {@link filterErrorNow} for a render: undefined until the parser arrives, and the component
 * renders again then. The same text gives the same result object, so it can be compared.
 */
export function useFilterError(text: string): FilterSyntaxError | null | undefined {
  const [loaded, setLoaded] = useState(parser !== null);
  const [unloadable, setUnloadable] = useState<string | null>(null);
  const waiting = text !== '' && !loaded;
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    void loadFilterParser().then((module) => {
      if (!live) return;
      if (module) setLoaded(true);
      else setUnloadable(text);
    });
    return () => {
      live = false;
    };
  }, [waiting, text]);
  return useMemo(() => {
    if (text === '') return null;
    if (loaded && parser) return errorOf(parser, text);
    return unloadable === text ? null : undefined;
  }, [text, loaded, unloadable]);
}
