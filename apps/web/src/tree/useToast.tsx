import { type ReactNode, useCallback, useEffect, useState } from 'react';
import './useToast.css';

/** How long a toast stays on screen. */
const toastMs = 2500;

/**
 * A short message at the bottom of the window ("Link copied"), read out by screen readers.
 * Returns the element to render and the function that shows a message.
 */
export function useToast(): [ReactNode, (message: string) => void] {
  const [toast, setToast] = useState<{ message: string; serial: number } | null>(null);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), toastMs);
    return () => clearTimeout(timer);
  }, [toast]);

  const show = useCallback(
    (message: string) => setToast((current) => ({ message, serial: (current?.serial ?? 0) + 1 })),
    [],
  );

  const element = (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <p key={toast.serial} className="toast">
          {toast.message}
        </p>
      )}
    </div>
  );
  return [element, show];
}
