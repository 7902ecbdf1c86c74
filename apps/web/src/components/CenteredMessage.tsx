import type { ReactNode } from 'react';

interface CenteredMessageProps {
  title: string;
  children?: ReactNode;
}

/** A whole-window message for states with nothing else to show: loading, unreachable, crashed. */
export function CenteredMessage({ title, children }: CenteredMessageProps) {
  return (
    <main className="centered-message">
      <h1 className="centered-message__title">{title}</h1>
      {children}
    </main>
  );
}
