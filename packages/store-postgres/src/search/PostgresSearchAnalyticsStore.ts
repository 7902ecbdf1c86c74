import type { QueryStat, RecordedSearch, SearchAnalyticsStore, SearchTotals } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

interface StatRow {
  query: string;
  searches: number;
  clicks: number;
  clicked: number;
  last_at: number;
  results: number;
}

const toStat = (row: StatRow): QueryStat => ({
  query: row.query,
  searches: row.searches,
  clicks: row.clicks,
  clickThroughRate: row.searches === 0 ? 0 : row.clicked / row.searches,
  lastSearchedAt: row.last_at,
  results: row.results,
});

// Grouped by normalized query; the wording and result count shown are those of its most recent
// search (whether or not it matches `where`), as in the SQLite store.
const statsSql = (where: string) => `
  WITH recent AS (SELECT * FROM search_queries WHERE at >= $1 AND normalized <> ''),
       latest AS (
         SELECT DISTINCT ON (normalized) normalized, query, results
         FROM recent ORDER BY normalized, at DESC
       )
  SELECT latest.query, count(*)::integer AS searches, sum(r.clicks)::integer AS clicks,
         count(*) FILTER (WHERE r.clicks > 0)::integer AS clicked,
         max(r.at) AS last_at, latest.results
  FROM recent r JOIN latest USING (normalized)
  WHERE true ${where}
  GROUP BY r.normalized, latest.query, latest.results
  ORDER BY searches DESC, last_at DESC
  LIMIT $2`;

/** `SearchAnalyticsStore` on tables `search_queries` and `search_clicks`. */
export class PostgresSearchAnalyticsStore implements SearchAnalyticsStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  insertSearch(search: RecordedSearch): void {
    this.#db.run(
      `INSERT INTO search_queries (id, at, query, normalized, results)
       VALUES ($1, $2, $3, $4, $5)`,
      [search.id, search.at, search.query, search.normalized, search.results],
    );
  }

  updateSearch(search: RecordedSearch): boolean {
    return (
      this.#db.run(
        `UPDATE search_queries SET at = $2, query = $3, normalized = $4, results = $5
         WHERE id = $1 AND clicks = 0`,
        [search.id, search.at, search.query, search.normalized, search.results],
      ).rowCount === 1
    );
  }

  recordClick(click: { searchId: string; pageId: string; position: number; at: number }): boolean {
    const row = this.#db.one<{ counted: number }>(
      `WITH counted AS (
         UPDATE search_queries SET clicks = clicks + 1 WHERE id = $1 RETURNING id
       ),
       clicked AS (
         INSERT INTO search_clicks (query_id, page_id, position, at)
         SELECT id, $2, $3, $4 FROM counted
       )
       SELECT count(*)::integer AS counted FROM counted`,
      [click.searchId, click.pageId, click.position, click.at],
    );
    return (row?.counted ?? 0) === 1;
  }

  topQueries(since: number, limit: number): QueryStat[] {
    return this.#db.query<StatRow>(statsSql(''), [since, limit]).map(toStat);
  }

  zeroResultQueries(since: number, limit: number): QueryStat[] {
    return this.#db.query<StatRow>(statsSql('AND r.results = 0'), [since, limit]).map(toStat);
  }

  totals(since: number): SearchTotals {
    const row = this.#db.one<{
      searches: number;
      with_clicks: number;
      zero: number;
      clicks: number;
    }>(
      `SELECT count(*)::integer AS searches,
              count(*) FILTER (WHERE clicks > 0)::integer AS with_clicks,
              count(*) FILTER (WHERE results = 0)::integer AS zero,
              coalesce(sum(clicks), 0)::integer AS clicks
       FROM search_queries WHERE at >= $1`,
      [since],
    );
    return {
      searches: row?.searches ?? 0,
      searchesWithClicks: row?.with_clicks ?? 0,
      zeroResultSearches: row?.zero ?? 0,
      clicks: row?.clicks ?? 0,
    };
  }

  searches(since: number): (RecordedSearch & { clicks: number })[] {
    return this.#db.query<RecordedSearch & { clicks: number }>(
      `SELECT id, at, query, normalized, results, clicks FROM search_queries
       WHERE at >= $1 ORDER BY at, id COLLATE "C"`,
      [since],
    );
  }

  prune(before: number): number {
    return this.#db.run('DELETE FROM search_queries WHERE at < $1', [before]).rowCount;
  }
}
