import type { OneTimeLink } from '@lore/api';
import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '../components/CopyButton';
import { formatDateTime } from '../format/formatDateTime';

interface OneTimeLinkNoticeProps {
  title: string;
  link: OneTimeLink;
  onDismiss(): void;
}

/** A one-time link (invite, password reset) for the admin to copy and hand over. */
export function OneTimeLinkNotice({ title, link, onDismiss }: OneTimeLinkNoticeProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const inputId = useId();

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div className="token-secret">
      <h3 className="token-secret__title" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p>
        Hand this link to the person privately. It works once, until{' '}
        {formatDateTime(link.expiresAt)}.
      </p>
      <label htmlFor={inputId} className="visually-hidden">
        Link
      </label>
      <div className="token-secret__row">
        <input
          id={inputId}
          className="field__input token-secret__value"
          readOnly
          value={link.url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={link.url} what="link" />
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          Done
        </button>
      </div>
    </div>
  );
}
