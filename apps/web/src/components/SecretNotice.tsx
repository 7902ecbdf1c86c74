import { type ReactNode, useEffect, useId, useRef } from 'react';
import { CopyButton } from './CopyButton';

interface SecretNoticeProps {
  title: ReactNode;
  /** What to do with it, shown under the title. */
  children: ReactNode;
  /** The field's accessible name. */
  label: string;
  value: string;
  /** What is copied, for the copy button ("link", "token"). */
  what: string;
  className?: string;
  onDismiss(): void;
}

/**
 * Something shown once to copy and hand over (a new API token, a one-time link, a public link):
 * focus moves to its title so screen readers announce it, the value selects itself on focus,
 * and "Done" puts it away.
 */
export function SecretNotice({
  title,
  children,
  label,
  value,
  what,
  className,
  onDismiss,
}: SecretNoticeProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const inputId = useId();

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div className={className ? `token-secret ${className}` : 'token-secret'}>
      <h3 className="token-secret__title" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {children}
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <div className="token-secret__row">
        <input
          id={inputId}
          className="field__input token-secret__value"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        {value && <CopyButton text={value} what={what} />}
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          Done
        </button>
      </div>
    </div>
  );
}
