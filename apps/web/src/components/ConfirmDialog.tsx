import { type ReactNode, useState } from 'react';
import { Dialog } from './Dialog';
import { FormError } from './FormError';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The label of the button that goes ahead, e.g. "Move to trash". */
  confirmLabel: string;
  /** Runs the action; a rejection is shown in the dialog, which then stays open. */
  onConfirm(): Promise<void>;
  onCancel(): void;
}

/** Asks before doing something the person may regret. Cancel comes first and has the focus. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work.');
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onCancel={onCancel}>
      <div className="dialog__text">{children}</div>
      <FormError message={error} />
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={confirm} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
