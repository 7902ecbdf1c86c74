import type { ApiToken } from '@lore/api';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../format/formatDateTime';
import { tokenScopeLabels } from './tokenScopeLabels';

interface TokenRowProps {
  token: ApiToken;
  onRevoke(id: string): Promise<void>;
}

/** One API token, with a revoke button that asks once more before acting. */
export function TokenRow({ token, onRevoke }: TokenRowProps) {
  const [stage, setStage] = useState<'idle' | 'confirming' | 'revoking'>('idle');
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Keeps keyboard focus on the control that replaced the one just pressed.
  useEffect(() => {
    if (stage === 'confirming') confirmButton.current?.focus();
    if (stage === 'idle' && wasConfirming.current) revokeButton.current?.focus();
    wasConfirming.current = stage === 'confirming';
  }, [stage]);

  const revoke = async () => {
    setStage('revoking');
    setError(null);
    try {
      await onRevoke(token.id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Revoking failed.');
      setStage('idle');
    }
  };

  return (
    <tr>
      <td>{token.name}</td>
      <td>
        <span className={`badge badge--scope-${token.scope}`}>{tokenScopeLabels[token.scope]}</span>
      </td>
      <td>{formatDateTime(token.createdAt)}</td>
      <td>
        {token.expiresAt ? (
          <ExpiryDate iso={token.expiresAt} />
        ) : (
          <span className="muted">Never</span>
        )}
      </td>
      <td>
        {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <span className="muted">Never</span>}
      </td>
      <td className="table__actions">
        {stage === 'idle' ? (
          <button
            ref={revokeButton}
            type="button"
            className="button button--danger button--small"
            aria-label={`Revoke token ${token.name}`}
            onClick={() => setStage('confirming')}
          >
            Revoke
          </button>
        ) : (
          <span className="confirm-inline">
            <button
              ref={confirmButton}
              type="button"
              className="button button--danger button--small"
              aria-label={`Confirm: revoke token ${token.name}`}
              disabled={stage === 'revoking'}
              onClick={revoke}
            >
              {stage === 'revoking' ? 'Revoking…' : 'Confirm revoke'}
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
      </td>
    </tr>
  );
}

function ExpiryDate({ iso }: { iso: string }) {
  const expired = Date.parse(iso) <= Date.now();
  return expired ? (
    <span className="badge badge--disabled">Expired {formatDateTime(iso)}</span>
  ) : (
    <time dateTime={iso}>{formatDateTime(iso)}</time>
  );
}
