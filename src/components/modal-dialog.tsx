/**
 * A modal dialog on the native `<dialog>` element: `showModal()` gives the focus trap, the inert
 * page behind and Escape; the title labels it. Mount it to open it (or drive `open`). Focus goes
 * to the element marked `data-autofocus` (each dialog marks its safe choice: Cancel, Keep it
 * running, Close; else the browser's first control) and returns to the opener when it closes.
 * When the opener is gone (unmounted, as a deleted row's button or a row scrolled out of a
 * virtual table) or cannot take focus (disabled), focus goes to `returnFocus()` if given, else to
 * the page's own heading: never to `<body>`. `dismissible={false}` keeps it open while work it
 * started still runs.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { fallbackFocusTarget, focusIfPossible, wasRescued } from './focus-rescue';
import './modal-dialog.css';

export interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  open?: boolean;
  /** False while something must finish first: Escape is ignored and the close button disabled. */
  dismissible?: boolean;
  className?: string;
  /** Where focus goes on close when the opener is gone; default: the page's heading. */
  returnFocus?: () => HTMLElement | null | undefined;
}

export function ModalDialog({ title, onClose, children, open = true, dismissible = true, className, returnFocus }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The opener, as the dialog is first rendered: by the time the effect runs, the commit that
  // opened the dialog may have disabled or removed it (its row marked busy), and the focus with it.
  const [openedFrom] = useState(() =>
    document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null,
  );
  // Read at close time: the fallback may name an element that did not exist when the dialog opened.
  const fallback = useRef(returnFocus);
  useEffect(() => {
    fallback.current = returnFocus;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return undefined;
    const opener =
      openedFrom?.isConnected && !wasRescued(openedFrom)
        ? openedFrom
        : document.activeElement instanceof HTMLElement && document.activeElement !== document.body && !wasRescued(document.activeElement)
          ? document.activeElement
          : openedFrom;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Only where the dialog held the focus (or the safety net caught it as the dialog went):
      // focus the user has already moved elsewhere stays there.
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected && !dialog.contains(active) && !wasRescued(active)) return;
      if (focusIfPossible(opener)) return;
      if (focusIfPossible(fallback.current?.())) return;
      focusIfPossible(fallbackFocusTarget());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the opener is read once per opening
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: React decides whether the dialog closes, so its state and the element agree.
        event.preventDefault();
        if (dismissible) onClose();
      }}
    >
      {open ? (
        <>
          <header className="modal-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="modal-close" onClick={onClose} disabled={!dismissible} aria-label="Close dialog">
              ×
            </button>
          </header>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
