import type { ReactNode } from 'react';
import { LoreMark } from './LoreMark';
import './AuthLayout.css';

interface AuthLayoutProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}

/** The centered card that frames the pages shown before anyone is signed in. */
export function AuthLayout({ title, intro, children }: AuthLayoutProps) {
  return (
    <main className="auth">
      <div className="auth__card">
        <div className="auth__brand">
          <LoreMark />
          <span>Lore</span>
        </div>
        <h1 className="auth__title">{title}</h1>
        {intro && <p className="auth__intro">{intro}</p>}
        {children}
      </div>
    </main>
  );
}
