import type { OneTimeLink, User, UserRole } from '@lore/api';
import { useState } from 'react';
import { api } from '../api/client';
import { Avatar } from '../components/Avatar';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDateTime } from '../format/formatDateTime';
import { roleLabels, roleOptions } from './roleLabels';

interface UserRowProps {
  user: User;
  /** The signed-in admin, who cannot delete themselves from here. */
  currentUserId: string;
  onChanged(user: User): void;
  onDeleted(userId: string): void;
  onResetLink(user: User, link: OneTimeLink): void;
  onError(message: string | null): void;
}

/** One account in the admin's list, with its role, state and actions. */
export function UserRow({
  user,
  currentUserId,
  onChanged,
  onDeleted,
  onResetLink,
  onError,
}: UserRowProps) {
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    onError(null);
    setBusy(true);
    try {
      await action();
    } catch (failure) {
      onError(failure instanceof Error ? failure.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  };

  const changeRole = (role: UserRole) =>
    run(async () => onChanged((await api.updateUser(user.id, { role })).user));
  const toggleDisabled = () =>
    run(async () => onChanged((await api.updateUser(user.id, { disabled: !user.disabled })).user));
  const resetPassword = () =>
    run(async () => onResetLink(user, await api.resetPasswordLink(user.id)));

  return (
    <tr className={user.disabled ? 'user-row--disabled' : undefined}>
      <td>
        <span className="user-cell">
          <Avatar name={user.displayName} color={user.color} />
          {user.displayName}
        </span>
      </td>
      <td>{user.email}</td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          Role of {user.displayName}
        </label>
        <select
          id={`role-${user.id}`}
          className="field__input field__select field__select--compact"
          value={user.role}
          disabled={busy}
          onChange={(event) => {
            const chosen = roleOptions.find((option) => option.value === event.target.value);
            if (chosen) void changeRole(chosen.value);
          }}
        >
          {roleOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        {user.disabled ? (
          <span className="badge badge--disabled">Disabled</span>
        ) : (
          <span className={`badge badge--${user.role}`}>{roleLabels[user.role]}</span>
        )}
      </td>
      <td>{formatDateTime(user.createdAt)}</td>
      <td className="table__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={toggleDisabled}
          aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.displayName}`}
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={resetPassword}
          aria-label={`Password reset link for ${user.displayName}`}
        >
          Reset password
        </button>
        {user.id !== currentUserId && (
          <button
            type="button"
            className="button button--danger button--small"
            disabled={busy}
            onClick={() => setConfirmingDelete(true)}
            aria-label={`Delete ${user.displayName}`}
          >
            Delete
          </button>
        )}
        {confirmingDelete && (
          <ConfirmDialog
            title={`Delete ${user.displayName}?`}
            confirmLabel="Delete account"
            onCancel={() => setConfirmingDelete(false)}
            onConfirm={async () => {
              await api.deleteUser(user.id);
              setConfirmingDelete(false);
              onDeleted(user.id);
            }}
          >
            <p>
              {user.email} will no longer be able to sign in, and their sessions and API tokens stop
              working. What they wrote stays, shown as written by “Former user”.
            </p>
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}
