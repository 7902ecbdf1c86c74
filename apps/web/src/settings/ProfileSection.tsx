import type { User } from '@lore/api';
import { Avatar } from '../components/Avatar';
import { formatDateTime } from '../format/formatDateTime';
import { roleLabels } from './roleLabels';

/** The signed-in user's own account details; editing them comes with a later API. */
export function ProfileSection({ user }: { user: User }) {
  return (
    <section className="section" id="profile" aria-labelledby="profile-title">
      <div className="section__header">
        <h2 className="section__title" id="profile-title">
          Profile
        </h2>
        <p className="section__description">Ask an administrator to change these details.</p>
      </div>
      <div className="profile">
        <Avatar name={user.displayName} color={user.color} size="large" />
        <dl className="definition-list">
          <dt>Name</dt>
          <dd>{user.displayName}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>{roleLabels[user.role]}</dd>
          <dt>Member since</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
        </dl>
      </div>
    </section>
  );
}
