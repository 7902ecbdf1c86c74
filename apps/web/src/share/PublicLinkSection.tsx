import type { Share } from '@lore/api';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { ExpiryField } from '../components/ExpiryField';
import { FormError } from '../components/FormError';
import { SecretNotice } from '../components/SecretNotice';
import { type ExpiryChoice, expiryFromChoice } from '../format/expiryChoice';
import { ShareLinkRow } from './ShareLinkRow';
import { shareApi } from './shareApi';

interface PublicLinkSectionProps {
  pageId: string;
  /** Whether the person may edit the page: only they are offered to create links. */
  canEdit: boolean;
}

const expiryPresets = [1, 7, 30] as const;

/**
 * Public links to a page: read-only views that work without signing in until revoked or
 * expired. Creates one (with subpages or not, an expiry, search engines allowed or not), copies
 * it, lists the live ones with who made them and when they were last opened, and revokes them.
 */
export function PublicLinkSection({ pageId, canEdit }: PublicLinkSectionProps) {
  const shares = useApiQuery(queryKeys.pageShares(pageId), () => shareApi.list(pageId));
  const [created, setCreated] = useState<Share | null>(null);

  if (shares.error?.status === 404) {
    return (
      <SectionFrame>
        <p className="share-section__lead">
          Public links are not available on this server. Share the page’s address with people who
          can sign in instead.
        </p>
      </SectionFrame>
    );
  }

  const list = shares.data?.shares ?? [];
  return (
    <SectionFrame>
      <p className="share-section__lead">
        Anyone with a public link can read this page without signing in, until the link expires or
        is revoked.
      </p>
      {canEdit ? (
        <NewLinkForm
          pageId={pageId}
          onCreated={(share) => {
            setCreated(share);
            shares.setData((current) =>
              current ? { shares: [share, ...current.shares] } : { shares: [share] },
            );
          }}
        />
      ) : (
        <p className="muted">Only people who can edit this page create public links.</p>
      )}
      {created && <CreatedLink share={created} onDismiss={() => setCreated(null)} />}
      <FormError message={shares.error?.message ?? null} />
      {shares.data === null && !shares.error && <p className="muted">Loading public links…</p>}
      {shares.data && list.length === 0 && <p className="muted">This page has no public links.</p>}
      {list.length > 0 && (
        <ul className="share-links" aria-label="Public links">
          {list.map((share) => (
            <ShareLinkRow
              key={share.id}
              share={share}
              canRevoke={canEdit}
              onRevoke={async () => {
                await shareApi.revoke(pageId, share.id);
                if (created?.id === share.id) setCreated(null);
                shares.setData((current) =>
                  current ? { shares: current.shares.filter((s) => s.id !== share.id) } : current,
                );
              }}
            />
          ))}
        </ul>
      )}
    </SectionFrame>
  );
}

function SectionFrame({ children }: { children: ReactNode }) {
  return (
    <section className="share-section" aria-labelledby="share-public-title">
      <h3 className="share-section__title" id="share-public-title">
        Public link
      </h3>
      {children}
    </section>
  );
}

function NewLinkForm({ pageId, onCreated }: { pageId: string; onCreated(share: Share): void }) {
  const subpagesId = useId();
  const indexingId = useId();
  const [includeSubpages, setIncludeSubpages] = useState(false);
  const [allowIndexing, setAllowIndexing] = useState(false);
  const [expiry, setExpiry] = useState<ExpiryChoice>({ kind: 'days', days: 7 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const expiresAt = expiryFromChoice(expiry, new Date());
    if (expiresAt === undefined) {
      setError('Choose a date in the future for the link to expire.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await shareApi.create(pageId, { includeSubpages, allowIndexing, expiresAt }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The link could not be created.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form share-new" aria-label="New public link" onSubmit={create}>
      <div className="share-new__options">
        <label className="check-field" htmlFor={subpagesId}>
          <input
            id={subpagesId}
            type="checkbox"
            checked={includeSubpages}
            onChange={(event) => setIncludeSubpages(event.target.checked)}
          />
          <span>
            Include subpages
            <span className="check-field__hint">The pages below this one can be read too.</span>
          </span>
        </label>
        <label className="check-field" htmlFor={indexingId}>
          <input
            id={indexingId}
            type="checkbox"
            checked={allowIndexing}
            onChange={(event) => setAllowIndexing(event.target.checked)}
          />
          <span>
            Allow search engines
            <span className="check-field__hint">
              Off: the public view asks search engines not to list it.
            </span>
          </span>
        </label>
      </div>
      <div className="form form--inline">
        <ExpiryField
          label="Link expires"
          value={expiry}
          presets={expiryPresets}
          allowDate
          onChange={setExpiry}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create public link'}
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}

function CreatedLink({ share, onDismiss }: { share: Share; onDismiss(): void }) {
  return (
    <SecretNotice
      title="Public link created"
      label="New public link"
      value={share.url ?? ''}
      what="link"
      className="share-created"
      onDismiss={onDismiss}
    >
      <p className="muted">
        Copy it now: Lore keeps only a fingerprint of the link, so its address is not shown again.
        If it gets lost, create a new link and revoke this one.
      </p>
    </SecretNotice>
  );
}
