import { useEffect, useRef, useState } from 'react';

export type TwoStepStage = 'idle' | 'confirming' | 'running';

/**
 * A destructive action that asks once more (revoke, remove): the first button turns into a
 * confirmation, keyboard focus follows to the control that replaced the one pressed, and a
 * failure is kept as a message with the first button back.
 */
export function useTwoStepAction(action: () => Promise<void>, failed: string) {
  const [stage, setStage] = useState<TwoStepStage>('idle');
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (stage === 'confirming') confirmButton.current?.focus();
    if (stage === 'idle' && wasConfirming.current) startButton.current?.focus();
    wasConfirming.current = stage === 'confirming';
  }, [stage]);

  const confirm = async () => {
    setStage('running');
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : failed);
      setStage('idle');
    }
  };

  return {
    stage,
    error,
    startButton,
    confirmButton,
    ask: () => setStage('confirming'),
    cancel: () => setStage('idle'),
    confirm,
  };
}
