import type { CreatedApiToken } from '@lore/api';
import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '../components/CopyButton';

interface CreatedTokenNoticeProps {
  token: CreatedApiToken;
  onDismiss(): void;
}

/** Shows a freshly created token's secret, the one time the server ever returns it. */
export function CreatedTokenNotice({ token, onDismiss }: CreatedTokenNoticeProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const inputId = useId();

  // Moving focus here makes screen readers read the warning, not just the form that was left.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div className="token-secret">
      <h3 className="token-secret__title" ref={heading} tabIndex={-1}>
        Token “{token.name}” created
      </h3>
      <p>Copy it now. You will not be able to see it again.</p>
      <label htmlFor={inputId} className="visually-hidden">
        Token value
      </label>
      <div className="token-secret__row">
        <input
          id={inputId}
          className="field__input token-secret__value"
          readOnly
          value={token.token}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={token.token} what="token" />
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          Done
        </button>
      </div>
    </div>
  );
}
