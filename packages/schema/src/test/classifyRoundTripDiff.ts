import { structuredPatch } from 'diff';

interface Normalizer {
  reason: string;
  apply: (text: string, hunkHasHTML: boolean) => string;
}

const TAG = /<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>/g;

function decodeEntities(text: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0',
  };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return named[body.toLowerCase()] ?? all;
  });
}

/**
 * Normalizations applied one after the other to both sides of a changed region; the reasons
 * of a region are those whose normalization changed something before the sides matched.
 * Order matters: raw HTML (which rewrites a whole region) first, then specific spellings, then
 * structural ones; the reasons kept are the fewest that explain the region.
 */
const NORMALIZERS: Normalizer[] = [
  {
    reason: 'raw HTML converted to schema nodes',
    // Only for regions whose source has HTML: embeds become links to what they showed, images
    // keep their description, tables and lists change spelling. Only the words are compared.
    apply: (t, hunkHasHTML) =>
      !hunkHasHTML
        ? t
        : t
            .replace(
              /<(iframe|video|audio|object)\b([^>]*)>[\s\S]*?<\/\1>/gi,
              (_all, _tag, attrs: string) => {
                const title = /\btitle="([^"]*)"/.exec(attrs);
                return title ? ` ${title[1]} ` : '';
              },
            )
            .replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/gi, ' $1 ')
            .replace(TAG, ' ')
            .replace(/!?\[([^\]]*)\]\([^)\s]*\)/g, '$1')
            .replace(/\S*https?:\/\/\S*/g, '')
            .replace(/^\s*([-*+]|\d+\.)\s/gm, '')
            .replace(/[|*_\\]|-{3,}|:?-+:?(?=\s*\|)/g, '')
            .replace(/\s+/g, ''),
  },
  {
    reason: 'HTML comment dropped',
    apply: (t) => t.replace(/<!--[\s\S]*?-->/g, ''),
  },
  {
    reason: 'character reference decoded (&lt; → <)',
    apply: (t) => decodeEntities(t),
  },
  {
    reason: 'escaping differs (\\x)',
    apply: (t) => t.replace(/\\([!-/:-@[-`{-~])/g, '$1'),
  },
  {
    reason: 'list marker * or + → -',
    apply: (t) => t.replace(/^(\s*(?:>\s*)*)[*+](\s)/gm, '$1-$2'),
  },
  {
    reason: 'ordered list numbering',
    apply: (t) =>
      t.replace(
        /^(\s*(?:>\s*)*)\d+[.)](\s)/gm,
        (_all, lead: string, space: string) => `${lead}1.${space}`,
      ),
  },
  {
    reason: 'emphasis/strong marker (* ↔ _)',
    apply: (t) =>
      t
        .replace(/__(?=\S)([^_\n]+?)__/g, '**$1**')
        .replace(/(^|[^*\w])\*(?=[^\s*])([^*\n]+?)\*(?!\*)/g, '$1_$2_'),
  },
  {
    reason: 'autolink spelling (<url>, [url](url), bare)',
    apply: (t) =>
      t
        .replace(/\[([^\]]+)\]\(mailto:\1\)/g, '$1')
        .replace(/\[(https?:\/\/[^\]\s]+)\]\(\1\)/g, '$1')
        .replace(/<((?:https?:\/\/|mailto:)[^\s<>]+|[^\s<>@]+@[^\s<>]+)>/g, '$1'),
  },
  {
    reason: 'link destination spelling (<…>)',
    apply: (t) => t.replace(/\]\(<([^<>\n]*)>\)/g, ']($1)'),
  },
  {
    reason: 'table cell padding/alignment',
    apply: (t) =>
      t
        .split('\n')
        .map((line) =>
          /^\s*\|/.test(line)
            ? line.replace(/\s+/g, '').replace(/-+/g, '-').replace(/\|$/, '')
            : line,
        )
        .join('\n'),
  },
  {
    reason: 'GitHub alert marker placement',
    apply: (t) => t.replace(/\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/gi, ''),
  },
  {
    reason: 'reference link resolved inline',
    apply: (t) =>
      t.replace(/^\s*\[[^\]]+\]:\s*\S.*$/gm, '').replace(/\]\([^)]*\)|\]\[[^\]]*\]/g, ']'),
  },
  {
    reason: 'mark nesting order',
    apply: (t) => t.replace(/[[\]*_~]/g, ''),
  },
  {
    reason: 'heading/rule/code fence spelling',
    apply: (t) =>
      t
        .replace(/^(\*\s*){3,}$|^(_\s*){3,}$|^(-\s*){3,}$/gm, '---')
        .replace(/^(#{1,6}\s.*?)\s+#+\s*$/gm, '$1')
        .replace(/^\s*(~{3,}|`{3,}).*$/gm, '')
        .replace(/^ {4}/gm, ''),
  },
  {
    reason: 'blank lines between blocks (e.g. loose list written tight)',
    apply: (t) => t.replace(/^[ \t>]*\n/gm, '').replace(/\n[ \t>]*$/, ''),
  },
  {
    reason: 'indentation',
    apply: (t) => t.replace(/^[ \t]+/gm, ''),
  },
  {
    reason: 'line breaks (hard-wrapped paragraph joined, break style)',
    apply: (t) =>
      t
        .replace(/\\\n/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/(^|\s)>(\s|$)/g, ' ')
        .trim(),
  },
];

function explains(normalizers: readonly Normalizer[], removed: string, added: string): boolean {
  const hunkHasHTML = /<\/?[a-zA-Z][\w-]*(?:\s|\/?>)|<!--/.test(removed);
  let left = removed;
  let right = added;
  for (const normalizer of normalizers) {
    if (left === right) return true;
    left = normalizer.apply(left, hunkHasHTML);
    right = normalizer.apply(right, hunkHasHTML);
  }
  return left === right;
}

/**
 * The fewest normalizations that make both sides of a changed region equal. The broad ones at
 * the end of the list are dropped first, so a specific reason wins over a generic one.
 */
function reasonsFor(removed: string, added: string): string[] {
  if (!explains(NORMALIZERS, removed, added)) return ['other'];
  let needed = [...NORMALIZERS];
  for (const normalizer of [...NORMALIZERS].reverse()) {
    const without = needed.filter((n) => n !== normalizer);
    if (explains(without, removed, added)) needed = without;
  }
  return needed.map((n) => n.reason);
}

/**
 * Compares a Markdown file with its round-tripped form and names why they differ, one
 * reason per kind of change found, by normalizing each changed region until both sides match.
 * Regions no normalization explains are reported as `other`.
 */
export function classifyRoundTripDiff(original: string, output: string): string[] {
  const patch = structuredPatch('original', 'output', original, output, '', '', { context: 2 });
  const reasons = new Set<string>();
  for (const hunk of patch.hunks) {
    // `\ No newline at end of file` markers are not content.
    const lines = hunk.lines.filter((l) => !l.startsWith('\\'));
    const removed = lines
      .filter((l) => !l.startsWith('+'))
      .map((l) => l.slice(1))
      .join('\n');
    const added = lines
      .filter((l) => !l.startsWith('-'))
      .map((l) => l.slice(1))
      .join('\n');
    for (const reason of reasonsFor(removed, added)) reasons.add(reason);
  }
  return [...reasons];
}
