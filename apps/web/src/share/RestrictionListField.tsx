import type { PrincipalList } from '@lore/api';
import { useId } from 'react';
import { type Principal, principalKey } from '../access/Principal';
import { PrincipalChips } from '../access/PrincipalChips';
import { PrincipalPicker } from '../access/PrincipalPicker';

interface RestrictionListFieldProps {
  /** "Who can view", "Who can edit". */
  legend: string;
  /** The choice that leaves the list off, e.g. "Everyone who can see the space". */
  openLabel: string;
  /** What a list means, under the second choice. */
  restrictedLabel: string;
  list: PrincipalList | null;
  /** Everyone to pick from. */
  principals: readonly Principal[];
  pickerHint?: string;
  nameOf(kind: Principal['kind'], id: string): string;
  /** Absent when the person may only look. */
  onChange?: (list: PrincipalList | null) => void;
  /** Who goes on the list first when it is switched on (the person restricting, usually). */
  startWith: PrincipalList;
}

/**
 * One restriction list of a page: not restricted, or restricted to people and groups picked
 * with type-ahead and shown as removable chips.
 */
export function RestrictionListField({
  legend,
  openLabel,
  restrictedLabel,
  list,
  principals,
  pickerHint,
  nameOf,
  onChange,
  startWith,
}: RestrictionListFieldProps) {
  const name = useId();
  const chosen: Principal[] = list
    ? [
        ...list.groups.map((id) => ({ kind: 'group' as const, id, name: nameOf('group', id) })),
        ...list.users.map((id) => ({ kind: 'user' as const, id, name: nameOf('user', id) })),
      ]
    : [];
  const readOnly = onChange === undefined;

  const add = (principal: Principal) => {
    if (!list || !onChange) return;
    onChange(
      principal.kind === 'user'
        ? { ...list, users: [...list.users, principal.id] }
        : { ...list, groups: [...list.groups, principal.id] },
    );
  };
  const remove = (principal: Principal) => {
    if (!list || !onChange) return;
    onChange(
      principal.kind === 'user'
        ? { ...list, users: list.users.filter((id) => id !== principal.id) }
        : { ...list, groups: list.groups.filter((id) => id !== principal.id) },
    );
  };

  return (
    <fieldset className="choice-group restriction-list">
      <legend>{legend}</legend>
      <label className="choice">
        <input
          type="radio"
          name={name}
          checked={list === null}
          disabled={readOnly}
          onChange={() => onChange?.(null)}
        />
        <span className="choice__label">{openLabel}</span>
      </label>
      <label className="choice">
        <input
          type="radio"
          name={name}
          checked={list !== null}
          disabled={readOnly}
          onChange={() => onChange?.(startWith)}
        />
        <span className="choice__label">{restrictedLabel}</span>
      </label>
      {list && (
        <div className="restriction-list__body">
          <PrincipalChips
            label={legend}
            principals={chosen}
            onRemove={readOnly ? undefined : remove}
            empty="Nobody is on this list: only the space’s admins get through."
          />
          {!readOnly && (
            <PrincipalPicker
              label={`Add to “${legend}”`}
              principals={principals}
              exclude={new Set(chosen.map(principalKey))}
              hint={pickerHint}
              onPick={add}
            />
          )}
        </div>
      )}
    </fieldset>
  );
}
