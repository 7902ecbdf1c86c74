import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { HighlightRange } from './HighlightRange';
import type { SearchDocument } from './SearchDocument';
import type { SearchIndex, SearchRequest, SearchResults } from './SearchIndex';

/** A fresh, empty index for one test, and how to release it afterwards. */
export interface SearchIndexFixture {
  readonly index: SearchIndex;
  close?(): void | Promise<void>;
}

const day = 86_400_000;
const now = Date.UTC(2026, 0, 15);
const spaceA = '0f1e2d3c-aaaa-4aaa-8aaa-000000000001';
const spaceB = '0f1e2d3c-bbbb-4bbb-8bbb-000000000002';
const ada = 'user-ada';
const bob = 'user-bob';

const filler =
  'The team keeps notes about meetings, plans and decisions here so that everyone can find them later. ';

/** A page for the contract: defaults for everything the test does not care about. */
export function searchDocument(
  fields: Partial<SearchDocument> & { pageId: string },
): SearchDocument {
  return {
    shortId: `s-${fields.pageId}`,
    spaceId: spaceA,
    title: 'Untitled',
    headings: [],
    body: '',
    tags: [],
    path: ['Handbook'],
    authors: [ada],
    updatedAt: now - 30 * day,
    views: 0,
    ...fields,
  };
}

const ids = (results: SearchResults) => results.hits.map((hit) => hit.pageId);

/** Highlights are sorted, non-empty, non-overlapping ranges inside `text`. */
function assertHighlights(text: string, ranges: readonly HighlightRange[]): void {
  let previousEnd = 0;
  for (const range of ranges) {
    const shown = JSON.stringify({ text: text.slice(0, 80), ranges });
    assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), shown);
    assert.ok(range.start >= previousEnd && range.start < range.end, shown);
    assert.ok(range.end <= text.length, shown);
    previousEnd = range.end;
  }
}

/**
 * The behaviour every `SearchIndex` implementation must share. Each implementation's test file
 * calls this once with its own factory; the suite imports no test runner.
 */
export function searchIndexContract(
  api: ContractTestApi,
  name: string,
  open: () => SearchIndexFixture | Promise<SearchIndexFixture>,
): void {
  const withIndex = (body: (index: SearchIndex) => Promise<void>) => async () => {
    const fixture = await open();
    try {
      await body(fixture.index);
    } finally {
      await fixture.close?.();
    }
  };
  const search = (index: SearchIndex, text: string, request: Partial<SearchRequest> = {}) =>
    index.search({
      text,
      readableSpaceIds: [spaceA, spaceB],
      limit: 20,
      offset: 0,
      now,
      ...request,
    });

  api.describe(`SearchIndex contract: ${name}`, () => {
    api.it(
      'finds a page by a word of its title, headings, body, tags or path',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'title', title: 'Quokka handling' }),
          searchDocument({ pageId: 'heading', headings: ['Wombat care'] }),
          searchDocument({ pageId: 'body', body: `${filler}The platypus lives here.` }),
          searchDocument({ pageId: 'tags', tags: ['echidna'] }),
          searchDocument({ pageId: 'path', path: ['Handbook', 'Numbat team'] }),
        ]);
        assert.equal(await index.count(), 5);
        assert.deepEqual(ids(await search(index, 'quokka ')), ['title']);
        assert.deepEqual(ids(await search(index, 'wombat ')), ['heading']);
        assert.deepEqual(ids(await search(index, 'platypus ')), ['body']);
        assert.deepEqual(ids(await search(index, 'echidna ')), ['tags']);
        assert.deepEqual(ids(await search(index, 'numbat ')), ['path']);
        const hit = (await search(index, 'quokka')).hits[0];
        assert.equal(hit?.shortId, 's-title');
        assert.equal(hit?.spaceId, spaceA);
        assert.equal(hit?.title, 'Quokka handling');
        assert.deepEqual(hit?.path, ['Handbook']);
        assert.equal(hit?.updatedAt, now - 30 * day);
      }),
    );

    api.it(
      'replaces a page on upsert and forgets removed pages',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'a', title: 'Deploying the gateway' }),
          searchDocument({ pageId: 'b', title: 'Gateway runbook' }),
        ]);
        await index.upsert([searchDocument({ pageId: 'a', title: 'Deploying the scheduler' })]);
        assert.deepEqual(ids(await search(index, 'gateway ')), ['b']);
        assert.deepEqual(ids(await search(index, 'scheduler ')), ['a']);
        await index.remove(['b', 'unknown']);
        assert.deepEqual(ids(await search(index, 'gateway ')), []);
        assert.equal(await index.count(), 1);
        await index.clear();
        assert.equal(await index.count(), 0);
        assert.deepEqual(ids(await search(index, 'scheduler ')), []);
      }),
    );

    api.it(
      'rebuilds from batches, replacing everything, with typos and prefixes working after',
      withIndex(async (index) => {
        await index.upsert([searchDocument({ pageId: 'stale', title: 'Obsolete runbook' })]);
        async function* batches() {
          yield [
            searchDocument({ pageId: 'a', title: 'Kubernetes upgrades', spaceId: spaceB }),
            searchDocument({ pageId: 'b', title: 'Quarterly planning' }),
          ];
          yield [searchDocument({ pageId: 'c', title: 'Kubernetes access', tags: ['infra'] })];
        }
        assert.equal(await index.rebuild(batches()), 3);
        assert.equal(await index.count(), 3);
        assert.deepEqual(ids(await search(index, 'obsolete ')), []);
        assert.deepEqual(ids(await search(index, 'kubernetes ')).sort(), ['a', 'c']);
        assert.deepEqual(ids(await search(index, 'kubernetes ', { readableSpaceIds: [spaceA] })), [
          'c',
        ]);
        assert.deepEqual(ids(await search(index, 'kubernetse ')).sort(), ['a', 'c']);
        assert.deepEqual(ids(await search(index, 'quart')), ['b']);
        assert.deepEqual(
          ids(await search(index, 'planning', { filters: { tags: ['infra'] } })),
          [],
        );
        await index.upsert([searchDocument({ pageId: 'b', title: 'Yearly planning' })]);
        assert.deepEqual(ids(await search(index, 'yearl')), ['b']);
      }),
    );

    api.it(
      'filters by space, author, tag and update time',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'a1', title: 'Release checklist', tags: ['Process'] }),
          searchDocument({
            pageId: 'b1',
            spaceId: spaceB,
            title: 'Release notes',
            authors: [bob],
            updatedAt: now - day,
          }),
          searchDocument({
            pageId: 'b2',
            spaceId: spaceB,
            title: 'Release train',
            authors: [ada, bob],
            tags: ['process', 'trains'],
            updatedAt: now - 10 * day,
          }),
        ]);
        const sorted = async (filters: SearchRequest['filters']) =>
          ids(await search(index, 'release', { filters })).sort();
        assert.deepEqual(await sorted({}), ['a1', 'b1', 'b2']);
        assert.deepEqual(await sorted({ spaceIds: [spaceB] }), ['b1', 'b2']);
        assert.deepEqual(await sorted({ authorIds: [bob] }), ['b1', 'b2']);
        assert.deepEqual(await sorted({ authorIds: [ada], spaceIds: [spaceB] }), ['b2']);
        assert.deepEqual(await sorted({ tags: ['process'] }), ['a1', 'b2']);
        assert.deepEqual(await sorted({ tags: ['process', 'trains'] }), ['b2']);
        assert.deepEqual(await sorted({ updatedAfter: now - 15 * day }), ['b1', 'b2']);
        assert.deepEqual(await sorted({ updatedAfter: now - 2 * day }), ['b1']);
        const filtered = await search(index, 'release', { filters: { spaceIds: [spaceB] } });
        assert.equal(filtered.total, 2);
      }),
    );

    api.it(
      'never reveals pages outside the readable spaces: hits, totals, snippets, suggestions',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'open', title: 'Budget overview', body: 'Yearly budget.' }),
          searchDocument({
            pageId: 'secret',
            spaceId: spaceB,
            title: 'Budget for the acquisition',
            body: 'The confidential acquisition of Initech closes in March.',
          }),
        ]);
        const onlyA = { readableSpaceIds: [spaceA] };
        const budget = await search(index, 'budget', onlyA);
        assert.deepEqual(ids(budget), ['open']);
        assert.equal(budget.total, 1);
        assert.ok(!JSON.stringify(budget).includes('acquisition'));
        const secret = await search(index, 'initech', onlyA);
        assert.deepEqual(ids(secret), []);
        assert.equal(secret.total, 0);
        const typo = await search(index, 'confidentail', onlyA);
        assert.deepEqual(ids(typo), []);
        assert.equal(typo.didYouMean, null);
        const asked = await search(index, 'budget', {
          ...onlyA,
          filters: { spaceIds: [spaceB] },
        });
        assert.deepEqual(ids(asked), []);
        assert.equal(asked.total, 0);
        assert.deepEqual(ids(await search(index, 'budget', { readableSpaceIds: [] })), []);
        assert.deepEqual(ids(await search(index, 'initech', { readableSpaceIds: [spaceB] })), [
          'secret',
        ]);
      }),
    );

    api.it(
      'never leaks a private space or a restricted page: hits, totals, snippets, did-you-mean',
      withIndex(async (index) => {
        // A unique word on a page in a space the searcher cannot read, and on a restricted page
        // (with a subpage) inside a space they can.
        await index.upsert([
          searchDocument({ pageId: 'public', title: 'Quarterly planning', body: 'Plans.' }),
          searchDocument({
            pageId: 'private-space-page',
            spaceId: spaceB,
            title: 'Zanzibarite merger',
            body: 'The zanzibarite merger is confidential.',
          }),
          searchDocument({
            pageId: 'restricted',
            title: 'Quarterly salaries',
            body: 'Salary bands for quokkamancer roles.',
          }),
          searchDocument({
            pageId: 'restricted-child',
            title: 'Quokkamancer hiring',
            body: 'Quarterly quokkamancer interviews.',
          }),
        ]);
        const outsider = {
          readableSpaceIds: [spaceA],
          hiddenPageIds: ['restricted', 'restricted-child'],
        };
        for (const text of [
          'zanzibarite',
          'zanzibar',
          'zanzibarit',
          'zanzibarrite',
          'quokkamancer',
          'quokka',
          'quokkamanser',
          'salaries',
          'salary bands',
        ]) {
          const results = await search(index, text, outsider);
          const shown = JSON.stringify(results).toLowerCase();
          assert.deepEqual(ids(results), [], text);
          assert.equal(results.total, 0, text);
          assert.equal(results.didYouMean, null, text);
          assert.ok(!shown.includes('zanzibar') || text.startsWith('zanzibar'), text);
          assert.ok(!shown.includes('salar') || text.startsWith('salar'), text);
        }
        const quarterly = await search(index, 'quarterly', outsider);
        assert.deepEqual(ids(quarterly), ['public']);
        assert.equal(quarterly.total, 1);
        assert.ok(!JSON.stringify(quarterly).toLowerCase().includes('quokka'));
        const asked = await search(index, 'quarterly', {
          ...outsider,
          filters: { spaceIds: [spaceA, spaceB] },
        });
        assert.deepEqual(ids(asked), ['public']);
        // Someone allowed sees them, with the same index.
        const insider = { readableSpaceIds: [spaceA, spaceB], hiddenPageIds: [] };
        assert.deepEqual(ids(await search(index, 'zanzibarite', insider)), ['private-space-page']);
        assert.deepEqual(ids(await search(index, 'quokkamancer', insider)).sort(), [
          'restricted',
          'restricted-child',
        ]);
        assert.equal((await search(index, 'quokkamanser', insider)).didYouMean, 'quokkamancer');
      }),
    );

    api.it(
      'matches the last word as a prefix while it is being typed',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'onb', title: 'Onboarding checklist' }),
          searchDocument({ pageId: 'other', title: 'Offboarding checklist' }),
        ]);
        assert.deepEqual(ids(await search(index, 'onbo')), ['onb']);
        assert.deepEqual(ids(await search(index, 'checklist onboar')), ['onb']);
        assert.deepEqual(ids(await search(index, 'onbo ')), []);
      }),
    );

    api.it(
      'tolerates one typo from 5 letters and two from 9, and none in shorter words',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({
            pageId: 'p',
            title: 'Vacation requests',
            body: `${filler}Claim a reimbursement through the expense tool. Keep the task list short.`,
          }),
          searchDocument({ pageId: 'q', title: 'Unrelated', body: filler }),
        ]);
        assert.deepEqual(ids(await search(index, 'vacatiom ')), ['p']);
        assert.deepEqual(ids(await search(index, 'vacaton ')), ['p']);
        assert.deepEqual(ids(await search(index, 'reimbursmnt ')), ['p']);
        assert.deepEqual(ids(await search(index, 'vcatiom ')), []);
        assert.deepEqual(ids(await search(index, 'tosk ')), []);
      }),
    );

    api.it(
      'matches quoted phrases only when the words are adjacent',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'adjacent', body: `${filler}Request time off a week ahead.` }),
          searchDocument({
            pageId: 'apart',
            body: `${filler}Time to switch it off, then request a new badge.`,
          }),
        ]);
        assert.deepEqual(ids(await search(index, '"time off"')), ['adjacent']);
        assert.deepEqual(ids(await search(index, 'time off ')).sort(), ['adjacent', 'apart']);
      }),
    );

    api.it(
      'excludes pages matching a -word',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'laptop', title: 'Laptop setup for engineers' }),
          searchDocument({ pageId: 'phone', title: 'Laptop and phone policy' }),
        ]);
        assert.deepEqual(ids(await search(index, 'laptop -phone')), ['laptop']);
        assert.deepEqual(ids(await search(index, '-phone')), []);
      }),
    );

    api.it(
      'ranks title matches above heading matches above body matches',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({
            pageId: 'body',
            title: 'Travel',
            body: `${filler}Expenses for travel. Expenses need receipts. Expenses are paid monthly.`,
          }),
          searchDocument({
            pageId: 'heading',
            title: 'Finance',
            headings: ['Expenses'],
            body: `${filler}Expenses are handled by finance.`,
          }),
          searchDocument({
            pageId: 'title',
            title: 'Expenses',
            body: `${filler}How to get paid back.`,
          }),
        ]);
        assert.deepEqual(ids(await search(index, 'expenses ')), ['title', 'heading', 'body']);
      }),
    );

    api.it(
      'prefers recently edited, then often viewed pages among equal matches',
      withIndex(async (index) => {
        const same = { title: 'Holiday calendar', body: `${filler}Public holidays by country.` };
        await index.upsert([
          searchDocument({ pageId: 'old', ...same, updatedAt: now - 400 * day }),
          searchDocument({ pageId: 'new', ...same, updatedAt: now - day }),
        ]);
        assert.deepEqual(ids(await search(index, 'holiday calendar ')), ['new', 'old']);
        await index.clear();
        await index.upsert([
          searchDocument({ pageId: 'quiet', ...same, views: 0 }),
          searchDocument({ pageId: 'popular', ...same, views: 500 }),
        ]);
        assert.deepEqual(ids(await search(index, 'holiday calendar ')), ['popular', 'quiet']);
      }),
    );

    api.it(
      'returns plain-text snippets and titles with the ranges of the matches',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({
            pageId: 'p',
            title: 'Vacation <b>rules</b>',
            body: `${filler}${filler}Never paste <script>alert(1)</script> & always file the vacation form early. ${filler}`,
          }),
        ]);
        const [hit] = (await search(index, 'vacation')).hits;
        assert.ok(hit);
        assertHighlights(hit.snippet, hit.snippetHighlights);
        assertHighlights(hit.title, hit.titleHighlights);
        const marked = (text: string, ranges: readonly HighlightRange[]) =>
          ranges.map((range) => text.slice(range.start, range.end).toLowerCase());
        assert.ok(marked(hit.snippet, hit.snippetHighlights).includes('vacation'), hit.snippet);
        assert.deepEqual(
          new Set(marked(hit.snippet, hit.snippetHighlights)),
          new Set(['vacation']),
        );
        // Plain text: markup in a page is text, left for the presenter to escape, never marked.
        assert.ok(hit.snippet.includes('<script>alert(1)</script> &'), hit.snippet);
        assert.ok(!hit.snippet.includes('&lt;') && !hit.snippet.includes('<mark>'), hit.snippet);
        assert.ok(hit.snippet.length < 600, hit.snippet);
        assert.equal(hit.title, 'Vacation <b>rules</b>');
        assert.deepEqual(hit.titleHighlights, [{ start: 0, end: 8 }]);
      }),
    );

    api.it(
      'suggests a corrected query',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'p', title: 'Onboarding', body: `${filler}First week.` }),
        ]);
        const results = await search(index, 'onbaording plan ');
        assert.equal(results.didYouMean, 'onboarding plan');
        const exact = await search(index, 'onboarding');
        assert.equal(exact.didYouMean, null);
      }),
    );

    api.it(
      'expands glossary synonyms both ways',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({
            pageId: 'long',
            body: `${filler}Request paid time off in the HR tool.`,
          }),
          searchDocument({ pageId: 'short', body: `${filler}The PTO calendar shows who is out.` }),
        ]);
        assert.deepEqual(ids(await search(index, 'pto ')), ['short']);
        await index.setSynonyms([['PTO', 'paid time off', 'leave']]);
        assert.deepEqual(ids(await search(index, 'pto ')).sort(), ['long', 'short']);
        assert.deepEqual(ids(await search(index, 'paid time off ')).sort(), ['long', 'short']);
        await index.setSynonyms([]);
        assert.deepEqual(ids(await search(index, 'pto ')), ['short']);
      }),
    );

    api.it(
      'ignores question words when other words remain',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'p', title: 'Requesting a new laptop', body: filler }),
        ]);
        assert.deepEqual(ids(await search(index, 'How do I get a new laptop?')), ['p']);
      }),
    );

    api.it(
      'pages through results with a stable total',
      withIndex(async (index) => {
        await index.upsert(
          Array.from({ length: 25 }, (_, i) =>
            searchDocument({
              pageId: `p${String(i).padStart(2, '0')}`,
              title: `Incident review ${i}`,
              updatedAt: now - i * day,
            }),
          ),
        );
        const first = await search(index, 'incident', { limit: 10 });
        const second = await search(index, 'incident', { limit: 10, offset: 10 });
        const third = await search(index, 'incident', { limit: 10, offset: 20 });
        assert.equal(first.total, 25);
        assert.equal(first.totalExact, true);
        assert.equal(first.hits.length, 10);
        assert.equal(third.hits.length, 5);
        const all = [...ids(first), ...ids(second), ...ids(third)];
        assert.equal(new Set(all).size, 25);
        assert.equal(all[0], 'p00');
      }),
    );

    api.it(
      'treats any input as a query: operators, punctuation, emoji, control characters, huge text',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'p', title: 'Node.js release (v20) notes', body: filler }),
        ]);
        const inputs = [
          '',
          ' ',
          '"',
          '""',
          '"unclosed phrase',
          '-',
          '--',
          '-"',
          '- -x',
          ':',
          'title:',
          'title:notes',
          '{title}: notes',
          'NEAR(notes release)',
          'notes NEAR/2 release',
          'AND',
          'OR',
          'NOT',
          'notes AND OR NOT',
          '(notes',
          'notes)',
          '*',
          'no*',
          '^notes',
          'notes^2',
          "'; DROP TABLE pages; --",
          '🚀🔥 notes',
          '\u0000\u0001\u001f\u007f notes',
          '\u202e\u200b notes',
          'x'.repeat(10_240),
          'notes '.repeat(2_000),
          '"notes" '.repeat(500),
          String.fromCharCode(0xd800),
          '\\',
          '%_%',
          'é\u0301',
        ];
        for (const text of inputs) {
          const results = await search(index, text);
          assert.ok(Array.isArray(results.hits), text.slice(0, 40));
          assert.ok(results.total >= results.hits.length);
          for (const hit of results.hits) {
            assertHighlights(hit.title, hit.titleHighlights);
            assertHighlights(hit.snippet, hit.snippetHighlights);
          }
        }
        assert.deepEqual(ids(await search(index, 'node.js')), ['p']);
        assert.deepEqual(ids(await search(index, '(v20)')), ['p']);
      }),
    );

    api.it(
      'survives a fuzz of random queries',
      withIndex(async (index) => {
        await index.upsert([
          searchDocument({ pageId: 'p', title: 'Alpha beta gamma', body: `${filler}delta` }),
        ]);
        const alphabet = [
          'a',
          'b',
          'g',
          ' ',
          '"',
          '-',
          '*',
          ':',
          '(',
          ')',
          '^',
          '{',
          '}',
          '\u0000',
        ];
        alphabet.push('NEAR', 'AND', 'OR', 'NOT', 'alpha', 'beta', '🙂', '\u0301', 'ß', '\t', '\n');
        let seed = 7;
        const random = () => {
          seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
          return seed / 2_147_483_648;
        };
        for (let run = 0; run < 300; run += 1) {
          const length = Math.floor(random() * 12);
          const text = Array.from(
            { length },
            () => alphabet[Math.floor(random() * alphabet.length)],
          ).join('');
          const results = await search(index, text, { limit: 5 });
          assert.ok(results.hits.length <= 5, text);
        }
      }),
    );
  });
}
