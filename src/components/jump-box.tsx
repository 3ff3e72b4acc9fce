/**
 * The header's jump box: type a mapping name (a prefix, matched on the server), a recon run id or
 * an object path (`managed/…/<id>`, `system/…/<id>`) and go straight to its page. A WAI-ARIA
 * combobox with a listbox: arrow keys move, Enter goes, Escape closes (a second Escape clears).
 * `/` or Ctrl+K (⌘K) focuses it from anywhere but a field being typed in. Recent destinations come
 * first; they are kept in this tab's sessionStorage only.
 *
 * Shared code knows no feature: how a prefix becomes mappings (`searchMappings`) and where each kind
 * of destination lives (`urls`) are given by the app.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { isJumpShortcut, isTypingTarget, type JumpBoxStart } from './jump-box-launcher';
import './jump-box.css';

export interface Destination {
  /** What the option says, e.g. "Mapping systemHrdb_managedUser". */
  label: string;
  /** Where it goes (an app path). */
  to: string;
}

export interface JumpBoxProps extends Partial<JumpBoxStart> {
  /** Mappings whose name starts with `prefix`, as destinations (the server does the matching). */
  searchMappings: (prefix: string, signal: AbortSignal) => Promise<Destination[]>;
  urls: { reconRun: (id: string) => string; object: (path: string) => string };
}

const RECENT_KEY = 'idm-console.jump.recent';
const MAX_RECENT = 6;
const SEARCH_DELAY_MS = 150;

function readRecent(): Destination[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value)
      ? value
          .filter((d): d is Destination => typeof d?.label === 'string' && typeof d?.to === 'string' && d.to.startsWith('/') && !d.to.startsWith('//'))
          .slice(0, MAX_RECENT)
      : [];
  } catch {
    return [];
  }
}

function remember(destination: Destination): void {
  const next = [destination, ...readRecent().filter((d) => d.to !== destination.to)].slice(0, MAX_RECENT);
  try {
    sessionStorage.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the jump still happens, it is just not remembered.
  }
}

/** `managed/<type>/<id>` or `system/<connector>/<type>/<id>`: an object, not a collection. */
export const OBJECT_PATH = /^(managed\/[^/\s]+|system\/[^/\s]+\/[^/\s]+)\/[^/\s]+$/;
/** A recon run id: a UUID, optionally with a suffix (`<uuid>-<n>`, as IDM writes them). */
export const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-\d+)?$/i;

/** What the typed text can only be, without asking the server: an object path or a run id. */
export function directDestinations(text: string, urls: JumpBoxProps['urls']): Destination[] {
  const t = text.trim();
  if (OBJECT_PATH.test(t)) return [{ label: `Linked resources of ${t}`, to: urls.object(t) }];
  if (RUN_ID.test(t)) return [{ label: `Recon run ${t}`, to: urls.reconRun(t) }];
  return [];
}

export function JumpBox({ searchMappings, urls, initialText = '', autoFocus = false }: JumpBoxProps) {
  const id = useId();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  // Given what was typed and the focus by the placeholder box (jump-box-launcher.tsx), it goes on
  // as if it had been here from the start.
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(autoFocus);
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState<Destination[]>(() => (autoFocus ? readRecent() : []));
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const prefix = text.trim();
  const direct = directDestinations(prefix, urls);
  // A path or a run id is not a mapping name: no request for it.
  const asMapping = prefix !== '' && direct.length === 0 && !prefix.includes('/');
  // The server is asked once typing pauses, not for every keystroke (a pasted run id sends nothing).
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(prefix), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [prefix]);
  const mappings = useQuery({
    queryKey: ['jump', 'mappings', settled],
    queryFn: ({ signal }) => searchMappings(settled, signal),
    enabled: open && asMapping && settled === prefix,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (!isJumpShortcut(event) || isTypingTarget(event.target) || event.defaultPrevented) return;
      event.preventDefault();
      input.current?.focus();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const lower = prefix.toLowerCase();
  const matchingRecent = recent.filter((d) => lower === '' || d.label.toLowerCase().includes(lower));
  const found = asMapping ? (mappings.data ?? []) : [];
  const options = [
    ...matchingRecent.map((d) => ({ ...d, recent: true })),
    ...[...direct, ...found].filter((d) => !matchingRecent.some((r) => r.to === d.to)).map((d) => ({ ...d, recent: false })),
  ];
  const expanded = open && options.length > 0;
  const activeIndex = Math.min(active, options.length - 1);

  function go(destination: Destination) {
    remember({ label: destination.label, to: destination.to });
    setOpen(false);
    setText('');
    // Leave the box: the page gone to has the reader's attention, and "/" works again there.
    input.current?.blur();
    void navigate(destination.to);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((i) => (options.length ? (Math.min(i, options.length - 1) + 1) % options.length : 0));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (options.length ? (Math.min(i, options.length - 1) - 1 + options.length) % options.length : 0));
        break;
      case 'Enter': {
        const choice = expanded ? options[activeIndex] : undefined;
        if (choice) {
          event.preventDefault();
          go(choice);
        }
        break;
      }
      case 'Escape':
        if (expanded) setOpen(false);
        else setText('');
        break;
    }
  }

  const status =
    !open || prefix === ''
      ? ''
      : mappings.isFetching && options.length === 0
        ? 'Searching…'
        : mappings.isError
          ? 'The mappings could not be searched'
          : options.length === 0
            ? 'Nothing matches'
            : '';

  return (
    <div className="jump-box">
      {/* A short name: "mapping" in it would make the box answer to every form's "Mapping" field. */}
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Jump to
      </label>
      <span id={`${id}-hint`} className="visually-hidden">
        A mapping name, a recon run id or an object path such as managed/user/id
      </span>
      <input
        ref={input}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Jump to… ( / )"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && activeIndex >= 0 ? `${id}-opt-${activeIndex}` : undefined}
        aria-keyshortcuts="/ Control+K"
        aria-describedby={`${id}-hint ${id}-status`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          setRecent(readRecent());
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Destinations" className="jump-list" hidden={!expanded}>
        {options.map((option, i) => (
          <li
            key={option.to}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            className={i === activeIndex ? 'jump-option active' : 'jump-option'}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              go(option);
            }}
          >
            {option.label}
            {option.recent ? <span className="muted"> · recent</span> : null}
          </li>
        ))}
      </ul>
      <span id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
