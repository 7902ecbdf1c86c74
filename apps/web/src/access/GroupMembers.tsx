import { useMemo, useState } from 'react';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { accessApi } from './accessApi';
import type { Principal } from './Principal';
import { PrincipalChips } from './PrincipalChips';
import { PrincipalPicker } from './PrincipalPicker';
import { usePeopleDirectory } from './usePeopleDirectory';

/** A group's members, with a picker to add people and a remove button on each. */
export function GroupMembers({ groupId, groupName }: { groupId: string; groupName: string }) {
  const detail = useApiQuery(queryKeys.group(groupId), () => accessApi.group(groupId));
  const directory = usePeopleDirectory();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const members: Principal[] = useMemo(
    () =>
      (detail.data?.members ?? []).map((member) => ({
        kind: 'user',
        id: member.id,
        name: member.displayName,
      })),
    [detail.data],
  );

  const change = async (action: () => Promise<Awaited<ReturnType<typeof accessApi.group>>>) => {
    setBusy(true);
    setError(null);
    try {
      detail.setData(await action());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="group-members">
      <FormError message={detail.error?.message ?? error} />
      {detail.data === null && !detail.error && <p className="muted">Loading members…</p>}
      {detail.data && (
        <PrincipalChips
          label={`Members of ${groupName}`}
          principals={members}
          empty="Nobody is in this group yet."
          onRemove={
            busy
              ? undefined
              : (person) => void change(() => accessApi.removeGroupMember(groupId, person.id))
          }
        />
      )}
      <PrincipalPicker
        label={`Add a person to ${groupName}`}
        kinds={['user']}
        principals={directory.principals}
        exclude={new Set(members.map((member) => `user:${member.id}`))}
        disabled={busy || detail.data === null}
        placeholder="Type a name or email…"
        onPick={(person) => void change(() => accessApi.addGroupMember(groupId, person.id))}
      />
    </div>
  );
}
