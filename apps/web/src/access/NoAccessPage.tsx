import { Link } from 'react-router';
import { formatNameList } from '../format/formatNameList';
import { useSpaceAdminNames, useWorkspaceAdminNames } from './useAdminsToAsk';
import './NoAccessPage.css';

interface NoAccessPageProps {
  /**
   * `not-found`: the server said 404, so it may not exist or may be hidden; nothing about it is
   * shown. `forbidden`: a 403, the person can see the space but may not do this in it.
   */
  reason: 'not-found' | 'forbidden';
  /** What was asked for, in words: "page" or "space". */
  what?: 'page' | 'space';
  /** The space's id or slug, for a 403: its admins are the ones to ask. */
  space?: string | null;
}

/**
 * Shown when a page or space answers 404 or 403. It never shows a title or anything else about
 * what was asked for, explains how this happens and names whom to ask: the space's admins when
 * the person can see the space, else the workspace admins.
 */
export function NoAccessPage({ reason, what = 'page', space = null }: NoAccessPageProps) {
  return reason === 'forbidden' ? (
    <Forbidden space={space} what={what} />
  ) : (
    <NotAvailable what={what} />
  );
}

function NotAvailable({ what }: { what: 'page' | 'space' }) {
  const admins = useWorkspaceAdminNames();
  return (
    <div className="page no-access">
      <title>No access · Lore</title>
      <p className="page__eyebrow">No access</p>
      <h1 className="page__title" id="no-access-title">
        You don’t have access to this {what}, or it doesn’t exist
      </h1>
      <p className="page__lead">
        Lore shows nothing about {what}s you cannot open, not even whether they exist. This usually
        happens because:
      </p>
      <ul className="no-access__reasons">
        <li>it is in a private space you are not a member of;</li>
        {what === 'page' && <li>it is restricted to certain people;</li>}
        <li>it was moved to the trash{what === 'space' ? ' or deleted' : ''};</li>
        <li>the link is mistyped or incomplete.</li>
      </ul>
      <AskWho
        names={admins.names}
        loading={admins.loading}
        whom="a workspace admin"
        request="to give you access; they administer every space"
      />
      <div className="no-access__actions">
        <Link to="/" className="button button--primary">
          Go to the home page
        </Link>
        <Link to="/search" className="button button--secondary">
          Search
        </Link>
      </div>
    </div>
  );
}

function Forbidden({ space, what }: { space: string | null; what: 'page' | 'space' }) {
  const admins = useSpaceAdminNames(space);
  return (
    <div className="page no-access">
      <title>No permission · Lore</title>
      <p className="page__eyebrow">No permission</p>
      <h1 className="page__title" id="no-access-title">
        You can see this {what}, but your role does not allow this
      </h1>
      <p className="page__lead">
        Your role in the space, or a restriction on the page, lets you read but not do this.
      </p>
      <AskWho
        names={admins.names}
        loading={admins.loading}
        whom="a space admin"
        request="for a higher role in the space"
      />
      <div className="no-access__actions">
        <Link to="/" className="button button--primary">
          Go to the home page
        </Link>
      </div>
    </div>
  );
}

interface AskWhoProps {
  names: string[];
  loading: boolean;
  /** Whom to ask, e.g. "a space admin". */
  whom: string;
  /** What to ask for, e.g. "to give you access". */
  request: string;
}

function AskWho({ names, loading, whom, request }: AskWhoProps) {
  if (loading) return <p className="no-access__ask muted">Finding whom to ask…</p>;
  return (
    <p className="no-access__ask">
      If you need it, ask {whom}
      {names.length > 0 ? (
        <>
          {' '}
          — <strong>{formatNameList(names)}</strong> —
        </>
      ) : (
        ''
      )}{' '}
      {request}.
    </p>
  );
}
