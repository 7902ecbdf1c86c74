import type { PasswordResetInfo } from '@lore/api';
import { type FormEvent, useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { AuthLayout } from '../components/AuthLayout';
import { FormError } from '../components/FormError';
import { useSession } from '../session/useSession';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

/** `/reset-password/<token>`: the person chooses a new password with the link an admin gave. */
export function ResetPasswordPage() {
  const token = useParams().token ?? '';
  const load = useCallback(() => api.inspectPasswordReset(token), [token]);
  const reset = useApiQuery<PasswordResetInfo>(queryKeys.passwordReset(token), load);

  return (
    <AuthLayout
      title="Choose a new password"
      intro="Every device signed in to this account is signed out."
    >
      <title>New password · Lore</title>
      <FormError message={reset.error?.message ?? null} />
      {reset.data === null && !reset.error && <p className="muted">Checking the link…</p>}
      {reset.data && <ResetForm token={token} info={reset.data} />}
    </AuthLayout>
  );
}

function ResetForm({ token, info }: { token: string; info: PasswordResetInfo }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
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
      const { user } = await api.completePasswordReset(token, password.value);
      signedIn(user);
      navigate('/', { replace: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Changing the password failed.');
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit}>
      <p>
        For <strong>{info.displayName}</strong> ({info.email}).
      </p>
      <NewPasswordFields password={password} autoFocus />
      <FormError message={error} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? 'Saving…' : 'Save the new password'}
      </button>
    </form>
  );
}
