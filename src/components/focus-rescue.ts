/**
 * The safety net under "focus is never lost": when the element that had the focus is removed
 * (a row deleted, a state replaced, a button swapped for another) or disabled, the browser puts
 * the focus on `<body>`, and a keyboard or screen-reader user starts again from the top of the
 * document. Components move the focus on purpose where they know better (a dialog's opener, the
 * results heading); this catches the rest and moves it to the nearest sensible place: inside an
 * open modal dialog, its element marked `data-focus-fallback` (its summary) or its title; on the
 * page, the element marked `data-focus-fallback` (e.g. the results heading) or the page's heading.
 * Focus that the user put on `<body>` (a click on empty space) is left alone: only a focused
 * element that is gone or disabled counts as lost.
 */
import { useEffect } from 'react';

/** The element the safety net last focused, until the focus moves on. */
let rescued: Element | null = null;

/** Whether `element` holds the focus the safety net gave it (a dialog's return may override it). */
export function wasRescued(element: Element): boolean {
  return element === rescued;
}

/** Focuses `element` and says whether it took the focus (a disabled or hidden one does not). */
export function focusIfPossible(element: HTMLElement | null | undefined, options?: FocusOptions): boolean {
  if (!element?.isConnected) return false;
  // A heading or a summary is no tab stop: it takes the focus from script only.
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus(options);
  return document.activeElement === element;
}

/** Where lost focus goes: see the module comment. */
export function fallbackFocusTarget(): HTMLElement | null {
  const dialogs = document.querySelectorAll<HTMLDialogElement>('dialog[open]');
  const dialog = dialogs[dialogs.length - 1];
  if (dialog) return dialog.querySelector<HTMLElement>('[data-focus-fallback]') ?? dialog.querySelector<HTMLElement>('h2, h1') ?? dialog;
  const main = document.querySelector<HTMLElement>('main');
  return main?.querySelector<HTMLElement>('[data-focus-fallback]') ?? main?.querySelector<HTMLElement>('h1') ?? main ?? null;
}

function isLost(element: Element | null): boolean {
  if (!element) return false;
  return !element.isConnected || (element instanceof HTMLButtonElement && element.disabled) || (element instanceof HTMLInputElement && element.disabled);
}

/** Mount once, in the layout. */
export function useFocusRescue(): void {
  useEffect(() => {
    let last: Element | null = null;
    const onFocusIn = (event: FocusEvent) => {
      last = event.target instanceof Element ? event.target : null;
      if (last !== rescued) rescued = null;
    };
    const check = () => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      if (!isLost(last)) return;
      last = null;
      const target = fallbackFocusTarget();
      // No scrolling: the user stays where they were reading.
      if (target && focusIfPossible(target, { preventScroll: true })) rescued = target;
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
