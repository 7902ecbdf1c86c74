import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/ApiError';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { AuthLayout } from '../components/AuthLayout';
import { FormError } from '../components/FormError';
import { TextField } from '../components/TextField';
import { useSession } from '../session/useSession';

/** Only same-site paths are followed after login, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    return error.retryAfterSeconds === null
      ? 'Too many attempts, try again in a moment.'
      : `Too many attempts, try again in ${error.retryAfterSeconds} s.`;
  }
  return error instanceof Error ? error.message : 'Login failed.';
}

/** Email and password sign-in. */
export function LoginPage() {
  const { state, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const methods = useApiQuery(queryKeys.authProviders, api.authProviders);
  const providers = methods.data?.providers ?? [];

  if (state.status === 'ready' && state.user && !busy) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await login(email.trim(), password);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(loginErrorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Log in" intro="Welcome back. Log in to continue to your wiki.">
      <title>Log in · Lore</title>
      {providers.map((provider) => (
        <a
          key={provider.id}
          className="button button--primary button--block"
          href={`${provider.startUrl}?returnTo=${encodeURIComponent(next)}`}
        >
          Sign in with {provider.displayName}
        </a>
      ))}
      {providers.length > 0 && <p className="auth__footnote">or with your email and password</p>}
      <form className="form" onSubmit={submit}>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <FormError message={error} />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p className="auth__footnote">Forgot your password? Ask an administrator of this server.</p>
    </AuthLayout>
  );
}
