import type { Space, SpaceMember, SpaceRole } from '@lore/api';
import { useEffect, useRef, useState } from 'react';
import { accessApi } from './accessApi';
import { RoleSelect } from './RoleSelect';
import { spaceRoleLabels } from './spaceRoleLabels';

interface SpaceMemberRowProps {
  space: Space;
  member: SpaceMember;
  isMe: boolean;
  guest: boolean;
  canManage: boolean;
  onChanged(member: SpaceMember): void;
  onRemoved(): void;
  onError(message: string | null): void;
}

/** One member of a space: name, role (a drop-down for admins) and a remove button. */
export function SpaceMemberRow({
  space,
  member,
  isMe,
  guest,
  canManage,
  onChanged,
  onRemoved,
  onError,
}: SpaceMemberRowProps) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Keeps keyboard focus on the control that replaced the one just pressed.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) removeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const run = async (action: () => Promise<void>) => {
    onError(null);
    setBusy(true);
    try {
      await action();
    } catch (failure) {
      onError(failure instanceof Error ? failure.message : 'That did not work.');
      setBusy(false);
      return;
    }
    setBusy(false);
  };

  const changeRole = (role: SpaceRole) =>
    run(async () => {
      const { member: changed } = await accessApi.setSpaceMember(
        space.id,
        member.kind,
        member.id,
        role,
      );
      onChanged(changed);
    });
  const remove = () =>
    run(async () => {
      await accessApi.removeSpaceMember(space.id, member.kind, member.id);
      onRemoved();
    });

  const who = `${member.name}${isMe ? ' (you)' : ''}`;
  return (
    <tr>
      <td>
        <span className="user-cell">
          {member.kind === 'group' && <span className="badge">Group</span>}
          {who}
          {guest && <span className="badge">Guest</span>}
        </span>
      </td>
      <td>
        {canManage ? (
          <>
            <label className="visually-hidden" htmlFor={`space-role-${member.kind}-${member.id}`}>
              Role of {member.name}
            </label>
            <RoleSelect
              id={`space-role-${member.kind}-${member.id}`}
              value={member.role}
              ownRole={space.role}
              guest={guest}
              disabled={busy}
              onChange={(role) => void changeRole(role)}
            />
          </>
        ) : (
          spaceRoleLabels[member.role]
        )}
      </td>
      {canManage && (
        <td className="table__actions">
          {confirming ? (
            <span className="confirm-inline">
              <button
                ref={confirmButton}
                type="button"
                className="button button--danger button--small"
                disabled={busy}
                onClick={() => void remove()}
              >
                {busy ? 'Removing…' : `Confirm: remove ${member.name}`}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={busy}
                onClick={() => setConfirming(false)}
              >
                Cancel
              </button>
              {isMe && (
                <span className="table__error">You will lose the role this grant gives you.</span>
              )}
            </span>
          ) : (
            <button
              ref={removeButton}
              type="button"
              className="button button--danger button--small"
              aria-label={`Remove ${member.name} from the space`}
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              Remove
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
