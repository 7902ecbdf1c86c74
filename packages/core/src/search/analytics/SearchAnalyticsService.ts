import { randomUUID } from 'node:crypto';
import { assertWorkspaceAdmin } from '../../access/workspaceRole';
import type { User } from '../../accounts/User';
import type { Clock } from '../../Clock';
import { csvField } from '../../csvField';
import { searchTokens } from '../searchTokens';
import type { QueryStat, SearchAnalyticsStore, SearchTotals } from './SearchAnalyticsStore';

/** What admins see: what people look for, what they do not find, and whether results help. */
export interface SearchAnalyticsReport {
  readonly since: number;
  readonly totals: SearchTotals;
  /** Searches with at least one click, divided by searches (0 when there were none). */
  readonly clickThroughRate: number;
  readonly topQueries: QueryStat[];
  readonly zeroResultQueries: QueryStat[];
}

interface LastSearch {
  readonly id: string;
  readonly normalized: string;
  readonly at: number;
}

export interface SearchAnalyticsOptions {
  readonly store: SearchAnalyticsStore;
  readonly clock: Clock;
  /** Counts a click as a view of the page by the user, for the popularity boost. */
  readonly onClick?: (pageId: string, userId: string) => void;
  /** Refinements within this time of the previous search collapse into it. Default 30 s. */
  readonly refineWindowMs?: number;
  /** Searches older than this are deleted. Default 365 days. */
  readonly retentionMs?: number;
}

const day = 86_400_000;
const maxTracked = 10_000;

/**
 * Records searches and clicks and reports on them. Searching as you type sends a query per
 * keystroke; a search that extends or shortens the same user's previous one within a few
 * seconds replaces it, so "onb", "onbo", "onboarding" count once, as "onboarding".
 */
export class SearchAnalyticsService {
  readonly #store: SearchAnalyticsStore;
  readonly #clock: Clock;
  readonly #onClick: ((pageId: string, userId: string) => void) | undefined;
  readonly #refineWindowMs: number;
  readonly #retentionMs: number;
  readonly #last = new Map<string, LastSearch>();
  #lastPrune = 0;

  constructor(options: SearchAnalyticsOptions) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#onClick = options.onClick;
    this.#refineWindowMs = options.refineWindowMs ?? 30_000;
    this.#retentionMs = options.retentionMs ?? 365 * day;
  }

  /** Records a search; returns its id, which clicks refer to. */
  recordSearch(actor: User, text: string, results: number): string {
    const at = this.#clock.now();
    const query = Array.from(text.replace(/\s+/g, ' ').trim()).slice(0, 200).join('');
    const normalized = searchTokens(query).join(' ');
    const previous = this.#last.get(actor.id);
    const refines =
      previous !== undefined &&
      at - previous.at <= this.#refineWindowMs &&
      (normalized.startsWith(previous.normalized) || previous.normalized.startsWith(normalized));
    const fields = { at, query, normalized, results };
    let id = refines ? previous.id : null;
    if (id === null || !this.#store.updateSearch({ id, ...fields })) {
      id = randomUUID();
      this.#store.insertSearch({ id, ...fields });
    }
    this.#remember(actor.id, { id, normalized, at });
    this.#pruneDaily(at);
    return id;
  }

  /** Records that the user opened a result. False when the search is unknown or expired. */
  recordClick(actor: User, click: { searchId: string; pageId: string; position: number }): boolean {
    const recorded = this.#store.recordClick({ ...click, at: this.#clock.now() });
    if (recorded) {
      // A click ends the refinement: the next search is a new one.
      if (this.#last.get(actor.id)?.id === click.searchId) this.#last.delete(actor.id);
      this.#onClick?.(click.pageId, actor.id);
    }
    return recorded;
  }

  report(actor: User, options: { days?: number; limit?: number } = {}): SearchAnalyticsReport {
    assertAdmin(actor);
    const since = this.#since(options.days);
    const limit = options.limit ?? 20;
    const totals = this.#store.totals(since);
    return {
      since,
      totals,
      clickThroughRate: totals.searches === 0 ? 0 : totals.searchesWithClicks / totals.searches,
      topQueries: this.#store.topQueries(since, limit),
      zeroResultQueries: this.#store.zeroResultQueries(since, limit),
    };
  }

  /** Every search of the period as CSV (RFC 4180), for spreadsheets. */
  exportCsv(actor: User, options: { days?: number } = {}): string {
    assertAdmin(actor);
    const rows = this.#store.searches(this.#since(options.days));
    const lines = ['searched_at,query,results,clicks'];
    for (const row of rows) {
      lines.push(
        [new Date(row.at).toISOString(), csvField(row.query), row.results, row.clicks].join(','),
      );
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  #since(days = 30): number {
    const clamped = Math.min(3650, Math.max(1, Math.trunc(days) || 30));
    return this.#clock.now() - clamped * day;
  }

  #remember(userId: string, search: LastSearch): void {
    this.#last.delete(userId);
    this.#last.set(userId, search);
    if (this.#last.size > maxTracked) {
      const oldest = this.#last.keys().next().value;
      if (oldest !== undefined) this.#last.delete(oldest);
    }
  }

  #pruneDaily(now: number): void {
    if (now - this.#lastPrune < day) return;
    this.#lastPrune = now;
    this.#store.prune(now - this.#retentionMs);
  }
}

/**
 * Only workspace admins see the analytics: they hold every space, so the queries and pages in a
 * report are never ones they could not read.
 */
function assertAdmin(actor: User): void {
  assertWorkspaceAdmin(actor, 'Only admins can see search analytics.');
}
