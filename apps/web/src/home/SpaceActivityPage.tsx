import type { SpaceActivityJson } from '@lore/api';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format/formatDateTime';
import { pageHref } from '../spaces/pageHref';
import { describeActivity } from './describeActivity';
import { homeApi } from './homeApi';
import './home.css';

/** What happened in a space, newest first, thirty rows at a time. */
export function SpaceActivityPage() {
  const { slug = '' } = useParams();
  const [rows, setRows] = useState<SpaceActivityJson[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = async (before: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await homeApi.spaceActivity(slug, before);
      setRows((known) => (before ? [...known, ...page.activity] : page.activity));
      setNext(page.nextBefore);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The activity could not be loaded.');
    } finally {
      setLoading(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads again only for another space
  useEffect(() => {
    setRows([]);
    void load(null);
  }, [slug]);

  return (
    <div className="page">
      <title>Activity · Lore</title>
      <p>
        <Link to={`/spaces/${encodeURIComponent(slug)}`}>Back to the space</Link>
      </p>
      <h1 className="page__title">Activity</h1>
      <FormError message={error} />
      {!loading && !error && rows.length === 0 && (
        <p className="muted">Nothing has happened in this space yet.</p>
      )}
      {rows.length > 0 && (
        <ul className="home-list" aria-label="Activity, newest first">
          {rows.map((row) => (
            <li
              key={`${row.page.id} ${row.kind} ${row.actor?.id ?? ''} ${row.at}`}
              className="home-list__item"
            >
              <Link to={pageHref(row.page)}>{describeActivity(row)}</Link>
              <span className="home-list__meta">{formatDateTime(row.at)}</span>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <button
          type="button"
          className="button button--secondary button--small home__more"
          disabled={loading}
          onClick={() => load(next)}
        >
          {loading ? 'Loading…' : 'Show older'}
        </button>
      )}
    </div>
  );
}
