import type { Share } from '@lore/api';
import { useEffect, useRef, useState } from 'react';
import { CopyButton } from '../components/CopyButton';
import { formatDateTime } from '../format/formatDateTime';

interface ShareLinkRowProps {
  share: Share;
  canRevoke: boolean;
  onRevoke(): Promise<void>;
}

/** One live public link: its address, what it covers, who made it, expiry, last use, revoke. */
export function ShareLinkRow({ share, canRevoke, onRevoke }: ShareLinkRowProps) {
  const [stage, setStage] = useState<'idle' | 'confirming' | 'revoking'>('idle');
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (stage === 'confirming') confirmButton.current?.focus();
    if (stage === 'idle' && wasConfirming.current) revokeButton.current?.focus();
    wasConfirming.current = stage === 'confirming';
  }, [stage]);

  const revoke = async () => {
    setStage('revoking');
    setError(null);
    try {
      await onRevoke();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Revoking failed.');
      setStage('idle');
    }
  };

  const created = formatDateTime(share.createdAt);
  return (
    <li className="share-link">
      {share.url ? (
        <div className="share-link__address">
          <code className="share-link__url">{share.url}</code>
          <CopyButton text={share.url} what="link" />
        </div>
      ) : (
        <p className="share-link__address muted">
          The address was shown when the link was made; Lore does not keep it.
        </p>
      )}
      <p className="share-link__meta">
        {share.includeSubpages ? 'This page and its subpages' : 'This page only'}
        {share.allowIndexing ? ' · search engines allowed' : ''} · created by{' '}
        {share.createdBy.displayName} on {created} ·{' '}
        {share.expiresAt ? `expires ${formatDateTime(share.expiresAt)}` : 'never expires'} ·{' '}
        {share.lastUsedAt ? `last opened ${formatDateTime(share.lastUsedAt)}` : 'never opened'}
      </p>
      {canRevoke && (
        <div className="share-link__actions">
          {stage === 'idle' ? (
            <button
              ref={revokeButton}
              type="button"
              className="button button--danger button--small"
              aria-label={`Revoke the public link created on ${created}`}
              onClick={() => setStage('confirming')}
            >
              Revoke
            </button>
          ) : (
            <span className="confirm-inline">
              <span>It stops working at once for everyone.</span>
              <button
                ref={confirmButton}
                type="button"
                className="button button--danger button--small"
                disabled={stage === 'revoking'}
                onClick={() => void revoke()}
              >
                {stage === 'revoking' ? 'Revoking…' : 'Confirm: revoke link'}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={stage === 'revoking'}
                onClick={() => setStage('idle')}
              >
                Cancel
              </button>
            </span>
          )}
          <span className="table__error" aria-live="assertive">
            {error}
          </span>
        </div>
      )}
    </li>
  );
}
