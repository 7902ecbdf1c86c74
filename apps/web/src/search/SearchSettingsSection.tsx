import type { User } from '@lore/api';
import { Link } from 'react-router';
import './SearchSettingsSection.css';

/** Settings entry points for search: the glossary for everyone, analytics for admins. */
export function SearchSettingsSection({ user }: { user: User }) {
  return (
    <section className="section" id="search" aria-labelledby="search-settings-title">
      <div className="section__header">
        <h2 className="section__title" id="search-settings-title">
          Search
        </h2>
        <p className="section__description">How people find things in this workspace.</p>
      </div>
      <ul className="search-settings__links">
        <li>
          <Link to="/glossary">Glossary</Link>
          <span className="muted">
            {' '}
            — {user.role === 'guest' ? 'the' : 'maintain the'} workspace terms, shown on hover in
            pages and used as search synonyms.
          </span>
        </li>
        {user.role === 'admin' && (
          <li>
            <Link to="/admin/search-analytics">Search analytics</Link>
            <span className="muted">
              {' '}
              — top queries, queries without results and click-through, with a CSV export.
            </span>
          </li>
        )}
      </ul>
    </section>
  );
}
