import type { Space, SpaceMember, SpaceRole } from '@lore/api';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { useCurrentUser } from '../session/useCurrentUser';
import { useSpaces } from '../spaces/useSpaces';
import { accessApi } from './accessApi';
import { type Principal, principalKey } from './Principal';
import { PrincipalChips } from './PrincipalChips';
import { PrincipalPicker } from './PrincipalPicker';
import { RoleSelect } from './RoleSelect';
import { SpaceMemberRow } from './SpaceMemberRow';
import { roleGrantRefusal, spaceRoleLabels } from './spaceRoleLabels';
import { usePeopleDirectory } from './usePeopleDirectory';

const asPrincipal = (member: SpaceMember): Principal => ({
  kind: member.kind,
  id: member.id,
  name: member.name,
});

/**
 * The people and groups with a role in a space. Its admins add members through a picker, change
 * roles and remove members; everyone else who sees the space sees the list.
 */
export function SpaceMembersSection({ space }: { space: Space }) {
  const me = useCurrentUser();
  const { refresh } = useSpaces();
  const canManage = space.role === 'admin';
  const members = useApiQuery(queryKeys.spaceMembers(space.id), () =>
    accessApi.spaceMembers(space.id),
  );
  const known = useMemo(() => (members.data?.members ?? []).map(asPrincipal), [members.data]);
  const directory = usePeopleDirectory(known, { enabled: canManage });
  const [error, setError] = useState<string | null>(null);

  const isGuest = (kind: SpaceMember['kind'], id: string) =>
    directory.principals.find((p) => p.kind === kind && p.id === id)?.guest === true;

  const replace = (member: SpaceMember) =>
    members.setData((current) => {
      if (!current) return current;
      const others = current.members.filter((m) => !(m.kind === member.kind && m.id === member.id));
      return { members: [...others, member].sort(byKindThenName) };
    });
  const drop = (member: SpaceMember) =>
    members.setData((current) =>
      current
        ? {
            members: current.members.filter((m) => !(m.kind === member.kind && m.id === member.id)),
          }
        : current,
    );

  // Changing one's own grant changes what this page (and the sidebar) may show.
  const afterOwnChange = (member: SpaceMember) => {
    if (member.kind === 'user' && member.id === me.id) void refresh();
  };

  const list = members.data?.members ?? [];
  return (
    <section className="section" aria-labelledby="space-members-title">
      <div className="section__header">
        <h2 className="section__title" id="space-members-title">
          Members
        </h2>
        <p className="section__description">
          {space.visibility === 'open'
            ? `Everyone in the workspace (except guests) has the ${spaceRoleLabels[space.defaultRole]} role here. People and groups listed below get their own role when it is higher; guests see the space only when listed.`
            : 'Only the people and groups listed here (and workspace admins) can see this private space.'}
        </p>
      </div>

      {canManage && (
        <div className="section__body">
          <AddMemberForm
            space={space}
            principals={directory.principals}
            directoryComplete={directory.complete}
            directoryError={directory.error}
            existing={new Set(list.map((m) => principalKey(asPrincipal(m))))}
            onAdded={(member) => {
              replace(member);
              afterOwnChange(member);
            }}
          />
        </div>
      )}

      <div className="section__body">
        <FormError message={members.error?.message ?? error} />
        {members.data === null && !members.error && <p className="muted">Loading members…</p>}
        {members.data && list.length === 0 && (
          <div className="empty-state">
            <h3 className="empty-state__title">No members listed</h3>
            <p>
              {space.visibility === 'open'
                ? 'Everyone in the workspace gets the default role. Add people or groups to give them more.'
                : 'Nobody but workspace admins can see this space yet.'}
            </p>
          </div>
        )}
        {list.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Members of {space.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  {canManage && (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.map((member) => (
                  <SpaceMemberRow
                    key={`${member.kind}:${member.id}`}
                    space={space}
                    member={member}
                    isMe={member.kind === 'user' && member.id === me.id}
                    guest={isGuest(member.kind, member.id)}
                    canManage={canManage}
                    onChanged={(changed) => {
                      replace(changed);
                      afterOwnChange(changed);
                    }}
                    onRemoved={() => {
                      drop(member);
                      afterOwnChange(member);
                    }}
                    onError={setError}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

function byKindThenName(a: SpaceMember, b: SpaceMember): number {
  return (a.kind === b.kind ? 0 : a.kind === 'group' ? -1 : 1) || a.name.localeCompare(b.name);
}

interface AddMemberFormProps {
  space: Space;
  principals: readonly Principal[];
  directoryComplete: boolean;
  directoryError: string | null;
  existing: ReadonlySet<string>;
  onAdded(member: SpaceMember): void;
}

function AddMemberForm({
  space,
  principals,
  directoryComplete,
  directoryError,
  existing,
  onAdded,
}: AddMemberFormProps) {
  const roleId = useId();
  const [chosen, setChosen] = useState<Principal | null>(null);
  const [role, setRole] = useState<SpaceRole>('editor');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refusal = chosen ? roleGrantRefusal(role, space.role, chosen.guest === true) : null;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const { member } = await accessApi.setSpaceMember(space.id, chosen.kind, chosen.id, role);
      onAdded(member);
      setChosen(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The member could not be added.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" aria-label="Add a member" onSubmit={add}>
      <h3 className="section__title">Add a person or a group</h3>
      {chosen ? (
        <div className="field">
          <span className="field__label">Adding</span>
          <PrincipalChips
            label="Adding"
            principals={[chosen]}
            onRemove={() => setChosen(null)}
            empty=""
          />
        </div>
      ) : (
        <PrincipalPicker
          label="Person or group"
          principals={principals}
          exclude={existing}
          onPick={(principal) => {
            setChosen(principal);
            setError(null);
            if (principal.guest && role === 'admin') setRole('editor');
          }}
          hint={
            directoryError
              ? `People could not be listed: ${directoryError}`
              : directoryComplete
                ? undefined
                : 'As a guest you can find only the space’s members.'
          }
        />
      )}
      <div className="form--inline form">
        <div className="field">
          <label className="field__label" htmlFor={roleId}>
            Role
          </label>
          <RoleSelect
            id={roleId}
            value={role}
            ownRole={space.role}
            guest={chosen?.guest === true}
            onChange={setRole}
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={!chosen || busy || refusal !== null}
        >
          {busy ? 'Adding…' : 'Add member'}
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
