import type { InviteInfo } from '@lore/api';
import { type FormEvent, useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { AuthLayout } from '../components/AuthLayout';
import { FormError } from '../components/FormError';
import { TextField } from '../components/TextField';
import { useSession } from '../session/useSession';
import { roleLabels } from '../settings/roleLabels';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

/** `/invite/<token>`: the invited person chooses their name and password. */
export function InvitePage() {
  const token = useParams().token ?? '';
  const load = useCallback(() => api.inspectInvite(token), [token]);
  const invite = useApiQuery<InviteInfo>(queryKeys.invite(token), load);

  return (
    <AuthLayout title="Join Lore" intro="Choose how your name appears and a password.">
      <title>Join · Lore</title>
      <FormError message={invite.error?.message ?? null} />
      {invite.data === null && !invite.error && <p className="muted">Checking the invite…</p>}
      {invite.data && <AcceptInviteForm token={token} invite={invite.data} />}
    </AuthLayout>
  );
}

function AcceptInviteForm({ token, invite }: { token: string; invite: InviteInfo }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState('');
  const password = useNewPassword();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = password.problem();
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const { user } = await api.acceptInvite({
        token,
        displayName: displayName.trim(),
        password: password.value,
      });
      signedIn(user);
      navigate('/', { replace: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Joining failed.');
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit}>
      <p>
        You are invited as <strong>{invite.email}</strong> ({roleLabels[invite.role]}).
      </p>
      <TextField
        label="Display name"
        name="displayName"
        autoComplete="name"
        required
        autoFocus
        value={displayName}
        onChange={setDisplayName}
        hint="How your name appears to others."
      />
      <NewPasswordFields password={password} />
      <FormError message={error} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? 'Creating your account…' : 'Create my account'}
      </button>
    </form>
  );
}
