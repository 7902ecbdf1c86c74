/** The outcome of one page, as shards write it for the combined report. */
export interface PageOutcome {
  file: string;
  exact: boolean;
  stable: boolean;
  reasons: string[];
  missing: [string, number][];
  error?: string;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}

/**
 * Formats the Markdown round-trip results of the whole corpus as a readable table: how many
 * pages come back byte-identical, and for the others the reasons found by diffing, each with
 * the number of pages it affects and of pages where it is the only reason.
 */
export function formatRoundTripReport(outcomes: readonly PageOutcome[]): string {
  const total = outcomes.length;
  const exact = outcomes.filter((o) => o.exact).length;
  const threw = outcomes.filter((o) => o.error !== undefined).length;
  const lost = outcomes.filter((o) => o.missing.length > 0).length;
  const unstable = outcomes.filter((o) => !o.stable && o.error === undefined).length;
  const pages = new Map<string, number>();
  const only = new Map<string, number>();
  for (const outcome of outcomes) {
    for (const reason of outcome.reasons) pages.set(reason, (pages.get(reason) ?? 0) + 1);
    const sole = outcome.reasons[0];
    if (outcome.reasons.length === 1 && sole !== undefined)
      only.set(sole, (only.get(sole) ?? 0) + 1);
  }
  const rows = [...pages].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(6, ...rows.map(([reason]) => reason.length));
  const lines = [
    `Markdown → JSON → Markdown over ${total} pages of the Sourcegraph handbook`,
    `  exact (identical but for trailing whitespace): ${exact} / ${total} (${percent(exact, total)})`,
    `  threw: ${threw}   lost words: ${lost} pages   JSON → Markdown → JSON changed: ${unstable} pages`,
    `  why the other ${total - exact} pages differ (a page can have several reasons):`,
    `  ${pad('reason', width)} | pages | only reason`,
    `  ${'-'.repeat(width)} | ----- | -----------`,
    ...rows.map(
      ([reason, count]) =>
        `  ${pad(reason, width)} | ${pad(String(count), 5)} | ${only.get(reason) ?? 0}`,
    ),
  ];
  return lines.join('\n');
}
