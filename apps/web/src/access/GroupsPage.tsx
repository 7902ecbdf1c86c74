import type { Group } from '@lore/api';
import { type FormEvent, useState } from 'react';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { TextField } from '../components/TextField';
import { useCurrentUser } from '../session/useCurrentUser';
import { accessApi } from './accessApi';
import { GroupCard } from './GroupCard';
import { NoAccessPage } from './NoAccessPage';
import '../settings/SettingsPage.css';
import './GroupsPage.css';

const byName = (a: Group, b: Group) => a.name.localeCompare(b.name);

/** `/admin/groups`: the workspace admins' list of groups, to create, rename, delete and fill. */
export function GroupsPage() {
  const me = useCurrentUser();
  if (me.role !== 'admin') return <NoAccessPage reason="forbidden" what="page" />;
  return <Groups />;
}

function Groups() {
  const groups = useApiQuery(queryKeys.groups, accessApi.groups);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const { group } = await accessApi.createGroup(name.trim());
      groups.setData((current) =>
        current ? { groups: [...current.groups, group].sort(byName) } : current,
      );
      setCreated(group.id);
      setName('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The group could not be created.');
    } finally {
      setBusy(false);
    }
  };

  const list = groups.data?.groups ?? [];
  return (
    <div className="page">
      <title>Groups · Lore</title>
      <p className="page__eyebrow">Administration</p>
      <h1 className="page__title">Groups</h1>
      <p className="page__lead">
        Groups such as Finance or New hires get roles in spaces and can be named in page
        restrictions, so access follows people as they join and leave teams.
      </p>

      <section className="section" aria-labelledby="new-group-title">
        <div className="section__header">
          <h2 className="section__title" id="new-group-title">
            New group
          </h2>
        </div>
        <div className="section__body">
          <form className="form form--inline" aria-label="New group" onSubmit={create}>
            <TextField
              label="Group name"
              name="groupName"
              required
              maxLength={100}
              autoComplete="off"
              placeholder="e.g. Finance"
              value={name}
              onChange={setName}
            />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create group'}
            </button>
          </form>
          <FormError message={error} />
        </div>
      </section>

      <section className="section" aria-labelledby="groups-title">
        <div className="section__header">
          <h2 className="section__title" id="groups-title">
            All groups
          </h2>
          <p className="section__description">
            Open a group to add or remove people. Give a group a role in a space from the space’s
            settings.
          </p>
        </div>
        <div className="section__body">
          <FormError message={groups.error?.message ?? null} />
          {groups.data === null && !groups.error && <p className="muted">Loading groups…</p>}
          {groups.data && list.length === 0 && (
            <div className="empty-state">
              <h3 className="empty-state__title">No groups yet</h3>
              <p>Create one above, then add people to it.</p>
            </div>
          )}
          <ul className="group-list">
            {list.map((group) => (
              <GroupCard
                key={group.id}
                group={group}
                startOpen={group.id === created}
                onRenamed={(renamed) =>
                  groups.setData((current) =>
                    current
                      ? {
                          groups: current.groups
                            .map((g) => (g.id === renamed.id ? renamed : g))
                            .sort(byName),
                        }
                      : current,
                  )
                }
                onDeleted={() =>
                  groups.setData((current) =>
                    current ? { groups: current.groups.filter((g) => g.id !== group.id) } : current,
                  )
                }
              />
            ))}
          </ul>
        </div>
      </section>
    </div>
  );
}
