import { randomUUID } from 'node:crypto';
import { assertWorkspaceMember } from '../../access/workspaceRole';
import type { User } from '../../accounts/User';
import type { Clock } from '../../Clock';
import { ConflictError, NotFoundError, ValidationError } from '../../DomainError';
import type { SynonymGroup } from '../SearchIndex';
import { searchTokens } from '../searchTokens';
import type { GlossaryEntry } from './GlossaryEntry';
import type { GlossaryStore } from './GlossaryStore';

export interface GlossaryInput {
  readonly term: string;
  readonly meaning: string;
  readonly expansions?: readonly string[];
}

const maxExpansions = 20;

/** The workspace glossary: everyone reads it (the editor shows it on hover); members edit it. */
export class GlossaryService {
  readonly #store: GlossaryStore;
  readonly #clock: Clock;

  constructor(options: { store: GlossaryStore; clock: Clock }) {
    this.#store = options.store;
    this.#clock = options.clock;
  }

  list(_actor: User): GlossaryEntry[] {
    return this.#store.list();
  }

  get(_actor: User, id: string): GlossaryEntry {
    const entry = this.#store.findById(id);
    if (!entry) throw new NotFoundError('The glossary term', 'glossary_term_not_found');
    return entry;
  }

  create(actor: User, input: GlossaryInput): GlossaryEntry {
    assertWorkspaceMember(actor, 'Guests can read the glossary but not change it.');
    const clean = validate(input);
    const now = this.#clock.now();
    const entry: GlossaryEntry = {
      id: randomUUID(),
      ...clean.fields,
      createdBy: actor.id,
      createdAt: now,
      updatedBy: actor.id,
      updatedAt: now,
    };
    if (!this.#store.insert(entry, clean.termKey)) throw termTaken(clean.fields.term);
    return entry;
  }

  update(actor: User, id: string, input: GlossaryInput): GlossaryEntry {
    assertWorkspaceMember(actor, 'Guests can read the glossary but not change it.');
    const existing = this.get(actor, id);
    const clean = validate(input);
    const entry: GlossaryEntry = {
      ...existing,
      ...clean.fields,
      updatedBy: actor.id,
      updatedAt: this.#clock.now(),
    };
    if (!this.#store.update(entry, clean.termKey)) throw termTaken(clean.fields.term);
    return entry;
  }

  remove(actor: User, id: string): void {
    assertWorkspaceMember(actor, 'Guests can read the glossary but not change it.');
    if (!this.#store.remove(id)) {
      throw new NotFoundError('The glossary term', 'glossary_term_not_found');
    }
  }

  /** Each term with its expansions, as synonym groups for the search engines. */
  synonymGroups(): SynonymGroup[] {
    return this.#store
      .list()
      .filter((entry) => entry.expansions.length > 0)
      .map((entry) => [entry.term, ...entry.expansions]);
  }

  version(): number {
    return this.#store.version();
  }
}

const termTaken = (term: string) =>
  new ConflictError('glossary_term_taken', `The glossary already explains "${term}".`);

/** The term as compared for uniqueness: its words, normalized. */
export function glossaryTermKey(term: string): string {
  return searchTokens(term).join(' ');
}

function validate(input: GlossaryInput) {
  const term = input.term.replace(/\s+/g, ' ').trim();
  const meaning = input.meaning.trim();
  const termKey = glossaryTermKey(term);
  if (term.length === 0 || term.length > 100 || termKey.length === 0) {
    throw new ValidationError(
      'A glossary term must be 1 to 100 characters with a letter or digit.',
    );
  }
  if (meaning.length === 0 || meaning.length > 2000) {
    throw new ValidationError('A meaning must be 1 to 2000 characters.');
  }
  const seen = new Set([termKey]);
  const expansions: string[] = [];
  for (const raw of input.expansions ?? []) {
    const expansion = raw.replace(/\s+/g, ' ').trim();
    const key = glossaryTermKey(expansion);
    if (expansion.length > 100 || (expansion.length > 0 && key.length === 0)) {
      throw new ValidationError(
        'Each expansion must be up to 100 characters with a letter or digit.',
      );
    }
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    expansions.push(expansion);
  }
  if (expansions.length > maxExpansions) {
    throw new ValidationError(`A term can have at most ${maxExpansions} expansions.`);
  }
  return { termKey, fields: { term, meaning, expansions } };
}
