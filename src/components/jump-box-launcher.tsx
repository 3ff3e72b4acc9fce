/**
 * The header's jump box before its code has loaded: the same labelled combobox, the same `/` and
 * Ctrl+K (⌘K) shortcut, and nothing else. The jump box itself (its list, its search, its recent
 * destinations) is not needed to show the first page, so it is kept out of the entry bundle and
 * loaded on first use: when the box is pointed at, focused or called by its shortcut. What was
 * typed meanwhile is handed over, and the focus with it.
 */
import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
import './jump-box.css';

export interface JumpBoxStart {
  /** Text typed into the placeholder box before the jump box had loaded. */
  initialText: string;
  /** Whether the placeholder box had the focus: the jump box takes it over. */
  autoFocus: boolean;
}

/** Whether a key goes to a field being typed in (the shortcut must not steal it). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function isJumpShortcut(event: KeyboardEvent): boolean {
  return (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k');
}

export function JumpBoxLauncher({ load }: { load: () => Promise<ComponentType<JumpBoxStart>> }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<{ Box: ComponentType<JumpBoxStart> } | null>(null);
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  // Read when the jump box replaces this one: what was typed and whether the box had the focus.
  const [start, setStart] = useState<JumpBoxStart>({ initialText: '', autoFocus: false });

  function begin() {
    if (started.current) return;
    started.current = true;
    load().then(
      (Box) => {
        setStart({ initialText: input.current?.value ?? '', autoFocus: document.activeElement === input.current });
        setLoaded({ Box });
      },
      () => {
        // The code could not be fetched (offline, a redeploy): the next focus tries again.
        started.current = false;
        setFailed(true);
      },
    );
  }

  useEffect(() => {
    if (loaded) return;
    function onKey(event: KeyboardEvent) {
      if (!isJumpShortcut(event) || isTypingTarget(event.target) || event.defaultPrevented) return;
      event.preventDefault();
      input.current?.focus();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [loaded]);

  if (loaded) return <loaded.Box {...start} />;
  return (
    <div className="jump-box">
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
        aria-expanded={false}
        aria-autocomplete="list"
        aria-keyshortcuts="/ Control+K"
        aria-describedby={`${id}-hint ${id}-status`}
        onPointerEnter={begin}
        onFocus={() => {
          setFailed(false);
          begin();
        }}
      />
      <span id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {failed ? 'The jump box could not be loaded' : ''}
      </span>
    </div>
  );
}
