import type { HomeJson } from '@lore/api';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format/formatDateTime';
import { homeApi } from '../home/homeApi';
import { describeNotification, notificationHref } from '../notifications/describeNotification';
import { isApplePlatform } from '../platform/isApplePlatform';
import { useCurrentUser } from '../session/useCurrentUser';
import { pageHref } from '../spaces/pageHref';
import './HomePage.css';
import '../home/home.css';

const titleOf = (page: { title: string }) => page.title.trim() || 'Untitled';

interface SectionProps {
  title: string;
  /** What an empty section says instead. */
  empty: string;
  items: readonly { key: string; content: ReactNode }[];
}

/** One section of Home: a heading and a list, or a sentence when there is nothing in it. */
function Section({ title, empty, items }: SectionProps) {
  const headingId = useId();
  return (
    <section className="home-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="home-section__title">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="muted home-section__empty">{empty}</p>
      ) : (
        <ul className="home-list">
          {items.map((item) => (
            <li key={item.key} className="home-list__item">
              {item.content}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const pageLink = (page: { id: string; title: string; url: string }, extra?: string) => (
  <>
    <Link to={pageHref(page)}>{titleOf(page)}</Link>
    {extra && <span className="home-list__meta">{extra}</span>}
  </>
);

function sections(home: HomeJson): SectionProps[] {
  return [
    {
      title: 'Updated since your last visit',
      empty: 'Nothing new in the pages and spaces you watch.',
      items: home.updatedSinceLastVisit.map((item) => ({
        key: item.page.id,
        content: pageLink(
          item.page,
          `${item.space.name} · ${item.updatedBy ? `${item.updatedBy.name}, ` : ''}${formatDateTime(item.updatedAt)}`,
        ),
      })),
    },
    {
      title: 'Waiting for your reply',
      empty: 'No open threads are waiting for you.',
      items: home.waitingForReply.map((item) => ({
        key: item.threadId,
        content: pageLink(item.page, describeNotification(item.notification)),
      })),
    },
    {
      title: 'Mentions',
      empty: 'Nobody has mentioned you lately.',
      items: home.mentions.map((notification) => ({
        key: notification.id,
        content: (
          <>
            <Link to={notificationHref(notification)}>{describeNotification(notification)}</Link>
            <span className="home-list__meta">{formatDateTime(notification.createdAt)}</span>
          </>
        ),
      })),
    },
    {
      title: 'Recent',
      empty: 'Pages you open or create will be listed here.',
      items: home.recent.map((item) => ({
        key: item.page.id,
        content: pageLink(
          item.page,
          `${item.how === 'created' ? 'Created' : 'Opened'} ${formatDateTime(item.at)}`,
        ),
      })),
    },
    {
      title: 'Your pages',
      empty: 'Pages you create will be listed here.',
      items: home.drafts.map((item) => ({
        key: item.page.id,
        content: pageLink(item.page, item.draft ? 'Draft: still untitled' : item.space.name),
      })),
    },
    {
      title: 'Popular this week',
      empty: 'No page has been read this week yet.',
      items: home.popular.map((item) => ({
        key: item.page.id,
        content: pageLink(
          item.page,
          `${item.space.name} · ${item.viewers} ${item.viewers === 1 ? 'reader' : 'readers'}`,
        ),
      })),
    },
  ];
}

/** The landing page after login: what is new for the person, and where they left off. */
export function HomePage() {
  const user = useCurrentUser();
  const firstName = user.displayName.trim().split(/\s+/)[0] ?? user.displayName;
  const home = useApiQuery(['home'], () => homeApi.home());
  const all = home.data ? sections(home.data) : [];
  const nothingYet = home.data !== null && all.every((section) => section.items.length === 0);

  return (
    <div className="page">
      <title>Home · Lore</title>
      <h1 className="page__title">Welcome, {firstName}</h1>
      <FormError message={home.error?.message ?? null} />
      {home.data === null && !home.error && <p className="muted">Loading…</p>}
      {nothingYet && <GettingStarted isAdmin={user.role === 'admin'} />}
      {home.data !== null && (
        <div className="home-sections">
          {all.map((s) => (
            <Section key={s.title} {...s} />
          ))}
        </div>
      )}
    </div>
  );
}

/** Next steps for a wiki with nothing in it for this person yet. */
function GettingStarted({ isAdmin }: { isAdmin: boolean }) {
  return (
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
          Press <kbd>{isApplePlatform ? '⌘' : 'Ctrl'}</kbd> <kbd>K</kbd> on any page to jump to the
          search box.
        </p>
      </li>
    </ol>
  );
}
