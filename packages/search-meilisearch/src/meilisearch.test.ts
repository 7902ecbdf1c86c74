import { parseQuery } from '@lore/core';
import { searchIndexContract } from '@lore/core/testing';
import { describe, expect, it } from 'vitest';
import { MeilisearchSearchIndex } from './MeilisearchSearchIndex';
import { meiliDocument, meiliId } from './meiliDocument';
import { meiliFilter, meiliQueryText, meiliSearchParams, meiliString } from './meiliSearchParams';
import { meiliSettings, meiliSynonyms } from './meiliSettings';
import { presentMeiliHit, typoCorrections } from './presentMeiliHit';

const request = {
  text: 'x',
  readableSpaceIds: ['s1', 's2'],
  limit: 20,
  offset: 0,
};

describe('Meilisearch query building', () => {
  it('turns the parsed query into plain words, phrases and exclusions', () => {
    expect(meiliQueryText(parseQuery('How do I request PTO'))).toBe('request pto');
    expect(meiliQueryText(parseQuery('request PTO '))).toBe('request pto ');
    expect(meiliQueryText(parseQuery('"time off" -draft NEAR(x:y)'))).toBe(
      '"time off" "near x y" -draft ',
    );
    expect(meiliQueryText(parseQuery('title:"<script>" OR 1=1 --'))).toBe('title script "1 1" ');
  });

  it('always filters on the readable spaces, narrowed by the requested ones', () => {
    expect(meiliFilter(request)).toBe('spaceId IN ["s1", "s2"]');
    expect(meiliFilter({ ...request, filters: { spaceIds: ['s2', 's3'] } })).toBe(
      'spaceId IN ["s2"]',
    );
    expect(meiliFilter({ ...request, filters: { spaceIds: ['s3'] } })).toBeNull();
    expect(meiliFilter({ ...request, readableSpaceIds: [] })).toBeNull();
    expect(
      meiliFilter({
        ...request,
        filters: { authorIds: ['u"1'], tags: [' Process '], updatedAfter: 1700000000000.7 },
      }),
    ).toBe(
      'spaceId IN ["s1", "s2"] AND authorIds IN ["u\\"1"] AND tagKeys = "process" AND updatedAt >= 1700000000000',
    );
    expect(meiliString('a\\"b')).toBe('"a\\\\\\"b"');
  });

  it('asks for highlights with private markers, a cropped body and bounded paging', () => {
    const params = meiliSearchParams({ ...request, limit: 1000, offset: -5 }, 'f');
    expect(params).toMatchObject({
      filter: 'f',
      limit: 100,
      offset: 0,
      highlightPreTag: '\uE000',
      highlightPostTag: '\uE001',
      attributesToCrop: ['body'],
      matchingStrategy: 'last',
    });
  });
});

describe('Meilisearch settings and documents', () => {
  it('applies Lore ranking, typo tolerance, filters and synonyms both ways', () => {
    const settings = meiliSettings([['PTO', 'Paid time off', 'leave'], ['solo']]);
    expect(settings.searchableAttributes).toEqual(['title', 'headings', 'tags', 'path', 'body']);
    expect(settings.filterableAttributes).toEqual([
      'spaceId',
      'pageId',
      'authorIds',
      'tagKeys',
      'updatedAt',
    ]);
    expect(settings.rankingRules?.slice(-2)).toEqual(['updatedAt:desc', 'views:desc']);
    expect(settings.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    });
    expect(settings.stopWords).toContain('how');
    expect(settings.synonyms).toEqual({
      pto: ['paid time off', 'leave'],
      'paid time off': ['pto', 'leave'],
      leave: ['pto', 'paid time off'],
    });
    expect(meiliSynonyms([])).toEqual({});
  });

  it('stores pages with safe ids, lowercased tag keys and no stray markers', () => {
    expect(meiliId('0f1e2d3c-aaaa-4aaa-8aaa-000000000001')).toBe(
      '0f1e2d3c-aaaa-4aaa-8aaa-000000000001',
    );
    expect(meiliId('a/b')).toBe('x_612f62');
    expect(meiliId('x_1')).not.toBe('x_1');
    const document = meiliDocument({
      pageId: 'p1',
      shortId: 's',
      spaceId: 'sp',
      title: 'Hello\uE000',
      headings: ['H'],
      body: 'Body\uE001',
      tags: ['Ops'],
      path: ['Eng'],
      authors: ['u1'],
      updatedAt: 5,
      views: 2,
    });
    expect(document).toMatchObject({ id: 'p1', title: 'Hello', body: 'Body', tagKeys: ['ops'] });
  });

  it('presents hits as plain text with highlight ranges and infers corrections from them', () => {
    const hit = {
      pageId: 'p1',
      shortId: 's1',
      spaceId: 'sp',
      title: 'Onboarding <b>',
      path: ['Eng'],
      updatedAt: 3,
      _formatted: {
        title: '\uE000Onboarding\uE001 <b>',
        body: '… first week of \uE000onboarding\uE001 & <script> …',
      },
    };
    expect(presentMeiliHit(hit)).toEqual({
      pageId: 'p1',
      shortId: 's1',
      spaceId: 'sp',
      title: 'Onboarding <b>',
      titleHighlights: [{ start: 0, end: 10 }],
      snippet: '… first week of onboarding & <script> …',
      snippetHighlights: [{ start: 16, end: 26 }],
      path: ['Eng'],
      updatedAt: 3,
    });
    expect([...typoCorrections(parseQuery('onbaording plan '), [hit])]).toEqual([
      ['onbaording', 'onboarding'],
    ]);
    expect(typoCorrections(parseQuery('onboarding '), [hit]).size).toBe(0);
    const unformatted = { ...hit, _formatted: { title: 'Something else \uE000x\uE001' } };
    expect(presentMeiliHit(unformatted)).toMatchObject({
      title: 'Onboarding <b>',
      titleHighlights: [],
      snippet: '',
      snippetHighlights: [],
    });
  });
});

const url = process.env.MEILISEARCH_URL;
if (!url) {
  console.warn(
    'The SearchIndex contract did NOT run against Meilisearch: MEILISEARCH_URL is not set. ' +
      'See docs/search.md to run it against a real server.',
  );
}

describe.skipIf(!url)('against a real Meilisearch server (MEILISEARCH_URL)', () => {
  let run = 0;
  searchIndexContract({ describe, it }, 'MeilisearchSearchIndex', async () => {
    run += 1;
    const index = new MeilisearchSearchIndex({
      url: url ?? '',
      ...(process.env.MEILISEARCH_KEY ? { apiKey: process.env.MEILISEARCH_KEY } : {}),
      indexUid: `lore_contract_${process.pid}_${run}`,
    });
    await index.open();
    await index.clear();
    return { index, close: () => index.close() };
  });
});
