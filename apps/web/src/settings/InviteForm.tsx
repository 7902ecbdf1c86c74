import type { OneTimeLink, UserRole } from '@lore/api';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { FormError } from '../components/FormError';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { OneTimeLinkNotice } from './OneTimeLinkNotice';
import { roleOptions } from './roleLabels';

/** Invites someone by email: the admin copies a one-time link with which they join. */
export function InviteForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('member');
  const [link, setLink] = useState<{ email: string; link: OneTimeLink } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const created = await api.createInvite({ email: email.trim(), role });
      setLink({ email: email.trim(), link: created });
      setEmail('');
      setRole('member');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Creating the invite failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {link && (
        <OneTimeLinkNotice
          title={`Invite for ${link.email} created`}
          link={link.link}
          onDismiss={() => setLink(null)}
        />
      )}
      <form className="form" onSubmit={submit} aria-label="Invite someone">
        <div className="form__grid">
          <TextField
            label="Email to invite"
            type="email"
            name="inviteEmail"
            autoComplete="off"
            required
            value={email}
            onChange={setEmail}
          />
          <SelectField
            label="Invited role"
            value={role}
            options={roleOptions}
            onChange={(chosen) => setRole(chosen)}
          />
        </div>
        <FormError message={error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create invite link'}
          </button>
        </div>
      </form>
    </>
  );
}
