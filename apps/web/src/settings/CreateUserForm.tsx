import type { User, UserRole } from '@lore/api';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { FormError } from '../components/FormError';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { roleOptions } from './roleLabels';

/** Creates an account with an initial password the administrator hands over. */
export function CreateUserForm({ onCreated }: { onCreated(user: User): void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<UserRole>('member');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSuccess(null);
    setBusy(true);
    try {
      const { user } = await api.createUser({
        email: email.trim(),
        displayName: displayName.trim(),
        password,
        role,
      });
      onCreated(user);
      setSuccess(`Added ${user.displayName} (${user.email}).`);
      setEmail('');
      setDisplayName('');
      setPassword('');
      setRole('member');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Creating the user failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Add a user">
      <div className="form__grid">
        <TextField
          label="Email"
          type="email"
          name="newUserEmail"
          autoComplete="off"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Display name"
          name="newUserName"
          autoComplete="off"
          required
          value={displayName}
          onChange={setDisplayName}
        />
        <TextField
          label="Initial password"
          type="password"
          name="newUserPassword"
          autoComplete="new-password"
          required
          minLength={10}
          value={password}
          onChange={setPassword}
          hint="At least 10 characters. Share it with the person privately."
        />
        <SelectField
          label="Role"
          name="newUserRole"
          value={role}
          options={roleOptions}
          onChange={(chosen) => setRole(chosen)}
        />
      </div>
      <FormError message={error} />
      <div className="success-note" aria-live="polite">
        {success && <p>{success}</p>}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add user'}
        </button>
      </div>
    </form>
  );
}
