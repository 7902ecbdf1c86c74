import type { QueryStat } from '@lore/api';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../format/formatDateTime';
import { useCurrentUser } from '../session/useCurrentUser';
import { SearchError } from './SearchError';
import { searchApi } from './searchApi';
import { searchPageUrl } from './searchPageUrl';
import './SearchAnalyticsPage.css';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';

const periods = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
] as const;

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat();

function readDays(params: URLSearchParams): number {
  const days = Number(params.get('days'));
  return periods.some((period) => period.days === days) ? days : 30;
}

function QueryTable({
  caption,
  stats,
  zero,
}: {
  caption: string;
  stats: QueryStat[];
  zero: boolean;
}) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Query</th>
            <th scope="col" className="table__number">
              Searches
            </th>
            {!zero && (
              <th scope="col" className="table__number">
                Click-through
              </th>
            )}
            {!zero && (
              <th scope="col" className="table__number">
                Results
              </th>
            )}
            <th scope="col">Last searched</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((stat) => (
            <tr key={stat.query}>
              <td>
                <Link to={searchPageUrl(stat.query)}>{stat.query}</Link>
              </td>
              <td className="table__number">{count.format(stat.searches)}</td>
              {!zero && <td className="table__number">{percent.format(stat.clickThroughRate)}</td>}
              {!zero && <td className="table__number">{count.format(stat.results)}</td>}
              <td>{formatDateTime(stat.lastSearchedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What people search for (admins only): totals, click-through, the top queries and the queries
 * that found nothing (the pages to write next), over a period, with a CSV export.
 */
export function SearchAnalyticsPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const days = readDays(params);
  const isAdmin = user.role === 'admin';
  const analytics = useApiQuery(queryKeys.searchAnalytics(days), () => searchApi.analytics(days), {
    enabled: isAdmin,
  });
  const report = analytics.data;
  const error = analytics.error;

  if (!isAdmin || error?.status === 403) {
    return (
      <div className="page">
        <title>Search analytics · Lore</title>
        <h1 className="page__title">Search analytics</h1>
        <div className="empty-state" role="alert">
          <h2 className="empty-state__title">Only administrators can see search analytics</h2>
          <p>Ask an administrator of this Lore server if you need these numbers.</p>
        </div>
      </div>
    );
  }

  const zeroShare = report && report.searches > 0 ? report.zeroResultSearches / report.searches : 0;

  return (
    <div className="page search-analytics">
      <title>Search analytics · Lore</title>
      <p className="page__eyebrow">
        <Link to="/settings#search">Settings</Link>
      </p>
      <h1 className="page__title">Search analytics</h1>
      <p className="page__lead">
        What people look for, what they open, and what they cannot find. Searches are recorded
        without names; refinements while typing count once.
      </p>

      <div className="search-analytics__toolbar">
        <div className="field">
          <label className="field__label" htmlFor="analytics-period">
            Period
          </label>
          <select
            id="analytics-period"
            className="field__input field__select"
            value={days}
            onChange={(event) => setParams({ days: event.target.value })}
          >
            {periods.map((period) => (
              <option key={period.days} value={period.days}>
                {period.label}
              </option>
            ))}
          </select>
        </div>
        <a className="button button--secondary" href={searchApi.analyticsExportUrl(days)} download>
          Download CSV
        </a>
      </div>

      {error && <SearchError message={error.message} onRetry={analytics.reload} />}
      {!report && !error && <p className="muted delayed-appearance">Loading the numbers…</p>}

      {report && (
        <div aria-live="polite">
          <dl className="search-analytics__totals">
            <div>
              <dt>Searches</dt>
              <dd>{count.format(report.searches)}</dd>
            </div>
            <div>
              <dt>Click-through rate</dt>
              <dd>{percent.format(report.clickThroughRate)}</dd>
            </div>
            <div>
              <dt>Results opened</dt>
              <dd>{count.format(report.clicks)}</dd>
            </div>
            <div>
              <dt>Searches without results</dt>
              <dd>
                {count.format(report.zeroResultSearches)}{' '}
                <span className="muted">({percent.format(zeroShare)})</span>
              </dd>
            </div>
          </dl>

          <section className="section" aria-labelledby="top-queries-title">
            <div className="section__header">
              <h2 className="section__title" id="top-queries-title">
                Top queries
              </h2>
              <p className="section__description">
                The most frequent searches since {formatDateTime(report.since)}. A low click-through
                rate suggests the results did not answer the question.
              </p>
            </div>
            {report.topQueries.length === 0 ? (
              <p className="muted">No searches in this period yet.</p>
            ) : (
              <QueryTable caption="Top queries" stats={report.topQueries} zero={false} />
            )}
          </section>

          <section className="section" aria-labelledby="zero-queries-title">
            <div className="section__header">
              <h2 className="section__title" id="zero-queries-title">
                Queries with no results
              </h2>
              <p className="section__description">
                What people looked for and did not find: the pages to write next, or terms to add to
                the <Link to="/glossary">glossary</Link> as synonyms.
              </p>
            </div>
            {report.zeroResultQueries.length === 0 ? (
              <p className="muted">Every search in this period found something.</p>
            ) : (
              <QueryTable
                caption="Queries with no results"
                stats={report.zeroResultQueries}
                zero={true}
              />
            )}
          </section>
        </div>
      )}
    </div>
  );
}
