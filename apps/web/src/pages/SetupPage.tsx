import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { AuthLayout } from '../components/AuthLayout';
import { FormError } from '../components/FormError';
import { TextField } from '../components/TextField';
import { useSession } from '../session/useSession';

/** The server's minimum password length (see the API contract). */
const minPasswordLength = 10;

/** Creates the first administrator on a fresh server. */
export function SetupPage() {
  const { state, setup } = useSession();
  const navigate = useNavigate();
  const [setupCode, setSetupCode] = useState('');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'ready' && !state.needsSetup && !busy) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < minPasswordLength) {
      setError(`The password needs at least ${minPasswordLength} characters.`);
      return;
    }
    if (password !== confirmation) {
      setError('The two passwords do not match.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await setup({
        setupCode: setupCode.trim(),
        email: email.trim(),
        displayName: displayName.trim(),
        password,
      });
      navigate('/', { replace: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Setup failed.');
      setBusy(false);
    }
  };

  return (
    <AuthLayout
      title="Set up Lore"
      intro="Create the first account. It will be the administrator of this Lore server."
    >
      <title>Set up · Lore</title>
      <form className="form" onSubmit={submit}>
        <TextField
          label="Setup code"
          name="setupCode"
          autoComplete="off"
          spellCheck={false}
          required
          autoFocus
          value={setupCode}
          onChange={setSetupCode}
          hint="The server prints it when it starts; `lore setup-code` prints it again."
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="name"
          required
          value={displayName}
          onChange={setDisplayName}
          hint="How your name appears to others."
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          value={password}
          onChange={setPassword}
          hint={`At least ${minPasswordLength} characters.`}
        />
        <TextField
          label="Confirm password"
          type="password"
          name="confirmPassword"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={setConfirmation}
        />
        <FormError message={error} />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Creating account…' : 'Create administrator'}
        </button>
      </form>
    </AuthLayout>
  );
}
