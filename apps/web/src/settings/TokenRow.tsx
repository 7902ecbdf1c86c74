import type { ApiToken } from '@lore/api';
import { useTwoStepAction } from '../components/useTwoStepAction';
import { formatDateTime } from '../format/formatDateTime';
import { tokenScopeLabels } from './tokenScopeLabels';

interface TokenRowProps {
  token: ApiToken;
  onRevoke(id: string): Promise<void>;
}

/** One API token, with a revoke button that asks once more before acting. */
export function TokenRow({ token, onRevoke }: TokenRowProps) {
  const { stage, error, startButton, confirmButton, ask, cancel, confirm } = useTwoStepAction(
    () => onRevoke(token.id),
    'Revoking failed.',
  );

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
            ref={startButton}
            type="button"
            className="button button--danger button--small"
            aria-label={`Revoke token ${token.name}`}
            onClick={ask}
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
              disabled={stage === 'running'}
              onClick={confirm}
            >
              {stage === 'running' ? 'Revoking…' : 'Confirm revoke'}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={stage === 'running'}
              onClick={cancel}
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
