import type { User } from '@lore/api';
import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { Avatar } from '../components/Avatar';
import { FormError } from '../components/FormError';
import { TextField } from '../components/TextField';
import { formatDateTime } from '../format/formatDateTime';
import { NewPasswordFields, useNewPassword } from '../pages/NewPasswordFields';
import { useSession } from '../session/useSession';
import { roleLabels } from './roleLabels';

/** The signed-in person's own account: name, color, password, and signing out everywhere. */
export function ProfileSection({ user }: { user: User }) {
  return (
    <section className="section" id="profile" aria-labelledby="profile-title">
      <div className="section__header">
        <h2 className="section__title" id="profile-title">
          Profile
        </h2>
        <p className="section__description">
          How you appear to others, your password, and where you are signed in.
        </p>
      </div>
      <div className="profile">
        <Avatar name={user.displayName} color={user.color} size="large" />
        <dl className="definition-list">
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>{roleLabels[user.role]}</dd>
          <dt>Member since</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
        </dl>
      </div>
      <div className="profile__forms">
        <ProfileForm user={user} />
        <PasswordForm />
        <SignOutEverywhere />
      </div>
    </section>
  );
}

function ProfileForm({ user }: { user: User }) {
  const { signedIn } = useSession();
  const colorId = useId();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [color, setColor] = useState(user.color);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      signedIn((await api.updateProfile({ displayName: displayName.trim(), color })).user);
      setSaved(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Saving failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Name and color">
      <div className="form__grid">
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="name"
          required
          value={displayName}
          onChange={setDisplayName}
        />
        <div className="field">
          <label className="field__label" htmlFor={colorId}>
            Color
          </label>
          <input
            id={colorId}
            type="color"
            className="field__input field__color"
            value={color}
            onChange={(event) => setColor(event.target.value)}
          />
        </div>
      </div>
      <FormError message={error} />
      <div className="success-note" aria-live="polite">
        {saved && <p>Saved.</p>}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save profile'}
        </button>
      </div>
    </form>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const password = useNewPassword();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problem = password.problem();
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await api.changePassword({ currentPassword: current, newPassword: password.value });
      setCurrent('');
      password.setValue('');
      password.setConfirmation('');
      setSaved(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Changing the password failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Change password">
      <h3 className="section__title">Change password</h3>
      <TextField
        label="Current password"
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        required
        value={current}
        onChange={setCurrent}
      />
      <NewPasswordFields password={password} label="New password" />
      <FormError message={error} />
      <div className="success-note" aria-live="polite">
        {saved && <p>Password changed. Your other devices were signed out.</p>}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}

function SignOutEverywhere() {
  const { logoutEverywhere } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="form">
      <h3 className="section__title">Sessions</h3>
      <p className="muted">
        Signs you out on every device, this one included. API tokens keep working.
      </p>
      <FormError message={error} />
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={async () => {
            try {
              await logoutEverywhere();
              navigate('/login', { replace: true });
            } catch (failure) {
              setError(failure instanceof Error ? failure.message : 'Signing out failed.');
            }
          }}
        >
          Sign out everywhere
        </button>
      </div>
    </div>
  );
}
