import { useEffect, useState } from 'react';
import { copyToClipboard } from '../platform/copyToClipboard';

interface CopyButtonProps {
  text: string;
  /** What is being copied, for the button's accessible name ("Copy token"). */
  what: string;
}

/** Copies `text` to the clipboard and says so. */
export function CopyButton({ text, what }: CopyButtonProps) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={async () => setStatus((await copyToClipboard(text)) ? 'copied' : 'failed')}
      >
        {status === 'copied' ? 'Copied' : `Copy ${what}`}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {status === 'copied' && `${what} copied to the clipboard`}
        {status === 'failed' && `Could not copy the ${what}; select it and copy it by hand`}
      </span>
    </>
  );
}
