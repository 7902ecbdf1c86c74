import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { SearchSettingsSection } from '../search/SearchSettingsSection';
import { useCurrentUser } from '../session/useCurrentUser';
import { ProfileSection } from './ProfileSection';
import { SsoSection } from './SsoSection';
import { TokensSection } from './TokensSection';
import { UsersSection } from './UsersSection';
import './SettingsPage.css';

/** Profile, API tokens and, for administrators, the users of this server. */
export function SettingsPage() {
  const user = useCurrentUser();
  const { hash } = useLocation();

  // Links such as /settings#tokens land on their section.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [hash]);

  return (
    <div className="page">
      <title>Settings · Lore</title>
      <h1 className="page__title">Settings</h1>
      <p className="page__lead">Your account and how other tools reach Lore on your behalf.</p>
      <ProfileSection user={user} />
      <TokensSection />
      <SearchSettingsSection user={user} />
      {user.role === 'admin' && <UsersSection currentUserId={user.id} />}
      {user.role === 'admin' && <SsoSection />}
      {user.role === 'admin' && (
        <section className="section" id="groups" aria-labelledby="groups-title">
          <div className="section__header">
            <h2 className="section__title" id="groups-title">
              Groups
            </h2>
            <p className="section__description">
              Teams such as Finance or New hires, given roles in spaces and named in page
              restrictions.
            </p>
          </div>
          <div className="section__body">
            <Link to="/admin/groups" className="button button--secondary">
              Manage groups
            </Link>
          </div>
        </section>
      )}
    </div>
  );
}
