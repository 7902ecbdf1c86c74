import { type ReactNode, useEffect, useId, useRef } from 'react';
import './Dialog.css';

interface DialogProps {
  title: string;
  /** Called when the person dismisses the dialog with Escape. */
  onCancel(): void;
  /** `wide` for dialogs holding forms and lists side by side. */
  size?: 'normal' | 'wide';
  children: ReactNode;
}

/**
 * A modal dialog on the browser's own `<dialog>`: focus moves into it and stays there, Escape
 * cancels, and focus goes back where it was when it closes.
 */
export function Dialog({ title, onCancel, size = 'normal', children }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      // Removing an open dialog closes it without the browser restoring focus; do it here
      // unless something else already took the focus.
      const focusLost = document.activeElement === null || document.activeElement === document.body;
      if (opener?.isConnected && focusLost) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={size === 'wide' ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 className="dialog__title" id={titleId}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
