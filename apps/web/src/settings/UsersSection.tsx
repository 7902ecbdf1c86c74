import type { OneTimeLink, User } from '@lore/api';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { CreateUserForm } from './CreateUserForm';
import { InviteForm } from './InviteForm';
import { OneTimeLinkNotice } from './OneTimeLinkNotice';
import { UserRow } from './UserRow';

/** The administrator's view of who can sign in: roles, access, invites and reset links. */
export function UsersSection({ currentUserId }: { currentUserId: string }) {
  const users = useApiQuery(queryKeys.users, api.listUsers);
  const [error, setError] = useState<string | null>(null);
  const [resetLink, setResetLink] = useState<{ user: User; link: OneTimeLink } | null>(null);

  const added = (user: User) =>
    users.setData((current) => (current ? { users: [...current.users, user] } : current));
  const changed = (user: User) =>
    users.setData((current) =>
      current ? { users: current.users.map((u) => (u.id === user.id ? user : u)) } : current,
    );
  const deleted = (userId: string) =>
    users.setData((current) =>
      current ? { users: current.users.filter((u) => u.id !== userId) } : current,
    );

  return (
    <section className="section" id="users" aria-labelledby="users-title">
      <div className="section__header">
        <h2 className="section__title" id="users-title">
          Users
        </h2>
        <p className="section__description">
          Everyone who can sign in to this server. Only administrators see this section. The{' '}
          <Link to="/admin/audit">audit log</Link> shows who changed what, and who signed in.
        </p>
      </div>

      <div className="section__body">
        <FormError message={users.error?.message ?? error} />
        {resetLink && (
          <OneTimeLinkNotice
            title={`Password reset link for ${resetLink.user.displayName}`}
            link={resetLink.link}
            onDismiss={() => setResetLink(null)}
          />
        )}
        {users.data === null && !users.error && <p className="muted">Loading users…</p>}
        {users.data && (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Users</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    currentUserId={currentUserId}
                    onChanged={changed}
                    onDeleted={deleted}
                    onResetLink={(who, link) => setResetLink({ user: who, link })}
                    onError={setError}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      <div className="section__body">
        <h3 className="section__title">Invite someone</h3>
        <InviteForm />
      </div>

      <div className="section__body">
        <h3 className="section__title">Add a user with a password</h3>
        <CreateUserForm onCreated={added} />
      </div>
    </section>
  );
}
