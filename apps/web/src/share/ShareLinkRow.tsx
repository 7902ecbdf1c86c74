import type { Share } from '@lore/api';
import { CopyButton } from '../components/CopyButton';
import { useTwoStepAction } from '../components/useTwoStepAction';
import { formatDateTime } from '../format/formatDateTime';

interface ShareLinkRowProps {
  share: Share;
  canRevoke: boolean;
  onRevoke(): Promise<void>;
}

/** One live public link: its address, what it covers, who made it, expiry, last use, revoke. */
export function ShareLinkRow({ share, canRevoke, onRevoke }: ShareLinkRowProps) {
  const { stage, error, startButton, confirmButton, ask, cancel, confirm } = useTwoStepAction(
    onRevoke,
    'Revoking failed.',
  );

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
              ref={startButton}
              type="button"
              className="button button--danger button--small"
              aria-label={`Revoke the public link created on ${created}`}
              onClick={ask}
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
                disabled={stage === 'running'}
                onClick={() => void confirm()}
              >
                {stage === 'running' ? 'Revoking…' : 'Confirm: revoke link'}
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
        </div>
      )}
    </li>
  );
}
