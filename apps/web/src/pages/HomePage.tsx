import { Link } from 'react-router';
import { useCurrentUser } from '../session/useCurrentUser';
import './HomePage.css';
import { isApplePlatform } from '../platform/isApplePlatform';

/** The landing page after login: a greeting and the next useful steps. */
export function HomePage() {
  const user = useCurrentUser();
  const firstName = user.displayName.trim().split(/\s+/)[0] ?? user.displayName;
  const isAdmin = user.role === 'admin';

  return (
    <div className="page">
      <title>Home · Lore</title>
      <h1 className="page__title">Welcome, {firstName}</h1>
      <p className="page__lead">
        This is your team's wiki. Here is what you can do while it is still empty.
      </p>
      <ol className="next-steps">
        {isAdmin && (
          <li className="next-steps__item">
            <h2 className="next-steps__title">Invite your team</h2>
            <p>Create accounts for the people who will write and read here.</p>
            <Link to="/settings#users" className="button button--secondary button--small">
              Add users
            </Link>
          </li>
        )}
        <li className="next-steps__item">
          <h2 className="next-steps__title">Connect your tools</h2>
          <p>Create an API token for scripts, the command line and chat integrations.</p>
          <Link to="/settings#tokens" className="button button--secondary button--small">
            Create a token
          </Link>
        </li>
        <li className="next-steps__item">
          <h2 className="next-steps__title">Search from anywhere</h2>
          <p>
            Press <kbd>{isApplePlatform ? '⌘' : 'Ctrl'}</kbd> <kbd>K</kbd> on any page to jump to
            the search box.
          </p>
        </li>
      </ol>
      <p className="muted home__note">
        Spaces and their pages are listed in the sidebar. Pages you open are also kept on this
        device, so you can read and edit them without a connection.
      </p>
    </div>
  );
}
