import type { SpaceRole } from '@lore/api';
import { roleGrantRefusal, spaceRoleLabels, spaceRoleOrder } from './spaceRoleLabels';

interface RoleSelectProps {
  id: string;
  value: SpaceRole;
  /** The role of the person choosing: higher roles are shown but cannot be picked. */
  ownRole: SpaceRole;
  /** The member is a guest account, who can be an editor at most. */
  guest: boolean;
  disabled?: boolean;
  onChange(role: SpaceRole): void;
}

/**
 * A drop-down of space roles. Roles the chooser cannot grant stay visible but disabled, with
 * the reason in their label, so the rule "nobody grants more than they hold" is visible.
 */
export function RoleSelect({ id, value, ownRole, guest, disabled, onChange }: RoleSelectProps) {
  return (
    <select
      id={id}
      className="field__input field__select field__select--compact"
      value={value}
      disabled={disabled}
      onChange={(event) => {
        const chosen = spaceRoleOrder.find((role) => role === event.target.value);
        if (chosen) onChange(chosen);
      }}
    >
      {spaceRoleOrder.map((role) => {
        const refusal = roleGrantRefusal(role, ownRole, guest);
        return (
          <option key={role} value={role} disabled={refusal !== null && role !== value}>
            {spaceRoleLabels[role]}
            {refusal ? ` (${refusal})` : ''}
          </option>
        );
      })}
    </select>
  );
}
