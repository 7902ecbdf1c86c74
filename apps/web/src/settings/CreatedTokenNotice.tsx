import type { CreatedApiToken } from '@lore/api';
import { SecretNotice } from '../components/SecretNotice';

interface CreatedTokenNoticeProps {
  token: CreatedApiToken;
  onDismiss(): void;
}

/** Shows a freshly created token's secret, the one time the server ever returns it. */
export function CreatedTokenNotice({ token, onDismiss }: CreatedTokenNoticeProps) {
  return (
    <SecretNotice
      title={`Token “${token.name}” created`}
      label="Token value"
      value={token.token}
      what="token"
      onDismiss={onDismiss}
    >
      <p>Copy it now. You will not be able to see it again.</p>
    </SecretNotice>
  );
}
