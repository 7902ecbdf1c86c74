import type { CollabClient } from '@lore/server/testing';
import { seededRandom, traceParagraphText } from '@lore/server/testing';

/**
 * Clients typing at once: each inserts one letter at a random place of the page body's first
 * paragraph every `intervalMs`, whether or not its socket is open right now (the provider keeps
 * what it could not send and sends it after the next sync, as an editor does).
 */
export class Typists {
  readonly #clients: readonly CollabClient[];
  readonly #intervalMs: number;
  readonly #random: () => number;
  readonly #timers = new Set<NodeJS.Timeout>();
  #keystrokes = 0;

  constructor(clients: readonly CollabClient[], options: { intervalMs: number; seed: number }) {
    this.#clients = clients;
    this.#intervalMs = options.intervalMs;
    this.#random = seededRandom(options.seed);
  }

  get keystrokes(): number {
    return this.#keystrokes;
  }

  start(): void {
    if (this.#timers.size > 0) return;
    for (const client of this.#clients) {
      const text = traceParagraphText(client.doc);
      if (!text) throw new Error('A typist has no paragraph to type into.');
      const timer = setInterval(() => {
        this.#keystrokes += 1;
        const letter = String.fromCharCode(97 + (this.#keystrokes % 26));
        text.insert(Math.floor(this.#random() * (text.length + 1)), letter);
      }, this.#intervalMs);
      this.#timers.add(timer);
    }
  }

  stop(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers.clear();
  }
}
