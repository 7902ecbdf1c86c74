import { test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { roundTripPage, normalizeMarkdownForComparison as norm, importImage, exportImage } from './testing/corpusRoundTrip';
import { markdownToJSON, jsonToMarkdown, readFrontMatter } from './index';
test('x', () => {
  const root = '/work/shared/corpora/sourcegraph-handbook/content';
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter(f => f.endsWith('.md')).sort();
  const t0 = Date.now();
  const results = files.map(f => roundTripPage(f, fs.readFileSync(path.join(root, f), 'utf8'), 'same-line'));
  console.log('ms', Date.now() - t0);
  const counts = new Map<string, number>();
  for (const r of results) for (const x of r.reasons) counts.set(x, (counts.get(x) ?? 0) + 1);
  console.log('exact', results.filter(r => r.exact).length, 'stable', results.filter(r => r.stable).length, 'lost', results.filter(r => r.missing.size).length);
  console.log([...counts].sort((a, b) => b[1] - a[1]));
  for (const r of results.filter(r => r.missing.size).slice(0, 20)) console.log('LOST', r.file, [...r.missing].slice(0, 8).join(' '));
  for (const r of results.filter(r => r.error).slice(0, 5)) console.log('ERR', r.file, r.error);
  const out: string[] = [];
  for (const r of results) if (!r.exact) {
    const src = fs.readFileSync(path.join(root, r.file), 'utf8');
    const md = jsonToMarkdown(markdownToJSON(src, { resolveImageSrc: importImage }), { frontMatter: readFrontMatter(src), calloutMarker: 'same-line', imageSrc: exportImage });
    out.push(`#### ${r.reasons.join(' | ')}\n` + createTwoFilesPatch(r.file, r.file, norm(src), norm(md), '', '', { context: 0 }));
  }
  fs.writeFileSync('/tmp/scratch/diffs.txt', out.join('\n'));
}, 600000);
