import type { AuthoredRun, PageAuthorship, Person } from '@lore/api';

export interface LegendEntry {
  /** Null for text without a known author. */
  person: Person | null;
  /** How many characters of the current page they wrote. */
  characters: number;
}

/** Text characters, not UTF-16 units, so emoji and accents count once. */
const lengthOf = (text: string) => [...text].length;

/**
 * Who wrote how much of the page, most first, for the legend beside "who wrote what".
 * Unattributed text comes last; authors the server did not describe count as unattributed.
 */
export function authorLegend(authorship: PageAuthorship): LegendEntry[] {
  const people = new Map(authorship.people.map((person) => [person.id, person]));
  const counts = new Map<string | null, number>();
  const count = (run: AuthoredRun) => {
    const author = run.author !== null && people.has(run.author) ? run.author : null;
    const characters = lengthOf(run.text.replace(/\s+/g, ''));
    if (characters === 0) return;
    counts.set(author, (counts.get(author) ?? 0) + characters);
  };
  authorship.title.forEach(count);
  for (const block of authorship.blocks) block.runs.forEach(count);
  const entries: LegendEntry[] = [];
  for (const [author, characters] of counts) {
    entries.push({ person: author === null ? null : (people.get(author) ?? null), characters });
  }
  return entries.sort((a, b) => {
    if ((a.person === null) !== (b.person === null)) return a.person === null ? 1 : -1;
    return (
      b.characters - a.characters ||
      (a.person?.displayName ?? '').localeCompare(b.person?.displayName ?? '')
    );
  });
}
