import type { User } from '@lore/api';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { Avatar } from '../components/Avatar';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format/formatDateTime';
import { CreateUserForm } from './CreateUserForm';
import { roleLabels } from './roleLabels';

/** The administrator's view of who can sign in, and the form to add someone. */
export function UsersSection() {
  const users = useApiQuery(queryKeys.users, api.listUsers);

  const added = (user: User) =>
    users.setData((current) => (current ? { users: [...current.users, user] } : current));

  return (
    <section className="section" id="users" aria-labelledby="users-title">
      <div className="section__header">
        <h2 className="section__title" id="users-title">
          Users
        </h2>
        <p className="section__description">
          Everyone who can sign in to this server. Only administrators see this section.
        </p>
      </div>

      <div className="section__body">
        <FormError message={users.error?.message ?? null} />
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
                  <th scope="col">Added</th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <span className="user-cell">
                        <Avatar name={user.displayName} color={user.color} />
                        {user.displayName}
                      </span>
                    </td>
                    <td>{user.email}</td>
                    <td>
                      <span className={`badge badge--${user.role}`}>{roleLabels[user.role]}</span>
                    </td>
                    <td>{formatDateTime(user.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      <div className="section__body">
        <h3 className="section__title">Add a user</h3>
        <CreateUserForm onCreated={added} />
      </div>
    </section>
  );
}
