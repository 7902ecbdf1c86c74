import type { OneTimeLink } from '@lore/api';
import { SecretNotice } from '../components/SecretNotice';
import { formatDateTime } from '../format/formatDateTime';

interface OneTimeLinkNoticeProps {
  title: string;
  link: OneTimeLink;
  onDismiss(): void;
}

/** A one-time link (invite, password reset) for the admin to copy and hand over. */
export function OneTimeLinkNotice({ title, link, onDismiss }: OneTimeLinkNoticeProps) {
  return (
    <SecretNotice title={title} label="Link" value={link.url} what="link" onDismiss={onDismiss}>
      <p>
        Hand this link to the person privately. It works once, until{' '}
        {formatDateTime(link.expiresAt)}.
      </p>
    </SecretNotice>
  );
}
