/**
 * A modal dialog on the native `<dialog>` element: `showModal()` gives the focus trap, the inert
 * page behind and Escape; the title labels it. Mount it to open it (or drive `open`). Focus goes
 * to the element marked `data-autofocus` (else the browser's first control) and returns to the
 * opener when it closes. `dismissible={false}` keeps it open while work it started still runs.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './modal-dialog.css';

export interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  open?: boolean;
  /** False while something must finish first: Escape is ignored and the close button disabled. */
  dismissible?: boolean;
  className?: string;
}

export function ModalDialog({ title, onClose, children, open = true, dismissible = true, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
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
