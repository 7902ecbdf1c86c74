import type { QueryStat, RecordedSearch, SearchAnalyticsStore, SearchTotals } from '@lore/core';
import type { Db } from '../openDatabase';

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

// Grouped by normalized query; the wording shown is the most recent one.
const statsSql = (where: string) => `
  SELECT (SELECT query FROM search_queries q2 WHERE q2.normalized = q.normalized AND q2.at >= ?
          ORDER BY at DESC LIMIT 1) AS query,
         count(*) AS searches, sum(clicks) AS clicks, sum(clicks > 0) AS clicked,
         max(at) AS last_at,
         (SELECT results FROM search_queries q3 WHERE q3.normalized = q.normalized AND q3.at >= ?
          ORDER BY at DESC LIMIT 1) AS results
  FROM search_queries q
  WHERE at >= ? AND normalized <> '' ${where}
  GROUP BY normalized
  ORDER BY searches DESC, last_at DESC
  LIMIT ?`;

/** `SearchAnalyticsStore` on tables `search_queries` and `search_clicks`. */
export class SqliteSearchAnalyticsStore implements SearchAnalyticsStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      insert: db.prepare(
        `INSERT INTO search_queries (id, at, query, normalized, results)
         VALUES (@id, @at, @query, @normalized, @results)`,
      ),
      update: db.prepare(
        `UPDATE search_queries SET at = @at, query = @query, normalized = @normalized,
           results = @results
         WHERE id = @id AND clicks = 0`,
      ),
      click: db.prepare<[string, number, number, string]>(
        `INSERT INTO search_clicks (query_id, page_id, position, at)
         SELECT id, ?, ?, ? FROM search_queries WHERE id = ?`,
      ),
      countClick: db.prepare<[string]>(
        'UPDATE search_queries SET clicks = clicks + 1 WHERE id = ?',
      ),
      top: db.prepare<[number, number, number, number], StatRow>(statsSql('')),
      zero: db.prepare<[number, number, number, number], StatRow>(statsSql('AND results = 0')),
      totals: db.prepare<
        [number],
        { searches: number; with_clicks: number; zero: number; clicks: number }
      >(
        `SELECT count(*) AS searches, coalesce(sum(clicks > 0), 0) AS with_clicks,
                coalesce(sum(results = 0), 0) AS zero, coalesce(sum(clicks), 0) AS clicks
         FROM search_queries WHERE at >= ?`,
      ),
      searches: db.prepare<[number], RecordedSearch & { clicks: number }>(
        `SELECT id, at, query, normalized, results, clicks FROM search_queries
         WHERE at >= ? ORDER BY at, id`,
      ),
      prune: db.prepare<[number]>('DELETE FROM search_queries WHERE at < ?'),
    };
  }

  insertSearch(search: RecordedSearch): void {
    this.#statements.insert.run(search);
  }

  updateSearch(search: RecordedSearch): boolean {
    return this.#statements.update.run(search).changes === 1;
  }

  recordClick(click: { searchId: string; pageId: string; position: number; at: number }): boolean {
    return this.#db.transaction(() => {
      const inserted = this.#statements.click.run(
        click.pageId,
        click.position,
        click.at,
        click.searchId,
      );
      if (inserted.changes === 0) return false;
      this.#statements.countClick.run(click.searchId);
      return true;
    })();
  }

  topQueries(since: number, limit: number): QueryStat[] {
    return this.#statements.top.all(since, since, since, limit).map(toStat);
  }

  zeroResultQueries(since: number, limit: number): QueryStat[] {
    return this.#statements.zero.all(since, since, since, limit).map(toStat);
  }

  totals(since: number): SearchTotals {
    const row = this.#statements.totals.get(since);
    return {
      searches: row?.searches ?? 0,
      searchesWithClicks: row?.with_clicks ?? 0,
      zeroResultSearches: row?.zero ?? 0,
      clicks: row?.clicks ?? 0,
    };
  }

  searches(since: number): (RecordedSearch & { clicks: number })[] {
    return this.#statements.searches.all(since);
  }

  prune(before: number): number {
    return this.#statements.prune.run(before).changes;
  }
}
