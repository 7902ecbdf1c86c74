import { searchAnalyticsReportSchema } from '@lore/api';
import type { QueryStat } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { errorResponse } from './schemas';

const period = {
  days: z.coerce.number().int().min(1).max(3650).default(30).describe('how far back, in days'),
};

const presentStat = (stat: QueryStat) => ({
  query: stat.query,
  searches: stat.searches,
  clicks: stat.clicks,
  clickThroughRate: stat.clickThroughRate,
  results: stat.results,
  lastSearchedAt: new Date(stat.lastSearchedAt).toISOString(),
});

export const searchAnalyticsRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/admin/search-analytics',
    tag: 'Search analytics',
    summary:
      'What people search for: top queries, queries without results (pages to write next), click-through rate',
    access: 'user',
    query: z.object({
      ...period,
      limit: z.coerce.number().int().min(1).max(200).default(20),
    }),
    responses: {
      200: {
        description: 'The report',
        schema: searchAnalyticsReportSchema,
      },
      403: errorResponse('Admins only'),
    },
    handler: ({ actor, query, services }) => {
      const report = services.search.analytics.report(actor, query);
      return {
        status: 200,
        body: {
          since: new Date(report.since).toISOString(),
          ...report.totals,
          clickThroughRate: report.clickThroughRate,
          topQueries: report.topQueries.map(presentStat),
          zeroResultQueries: report.zeroResultQueries.map(presentStat),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/admin/search-analytics/export',
    tag: 'Search analytics',
    summary: 'Every search of the period as CSV (searched_at, query, results, clicks)',
    access: 'user',
    query: z.object(period),
    responses: {
      200: { description: 'text/csv attachment' },
      403: errorResponse('Admins only'),
    },
    handler: ({ actor, query, services, res }) => {
      const csv = services.search.analytics.exportCsv(actor, query);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(`lore-search-analytics-${new Date().toISOString().slice(0, 10)}.csv`)
        .send(csv);
      return { status: 200 };
    },
  }),
];
