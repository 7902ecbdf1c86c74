import { contentChangedEvent } from './contentChangedEvent';
import type { DomainEvent, NewDomainEvent } from './DomainEvent';
import type { ContentChangeMark, EventLog } from './EventLog';

/** The event log in memory, for tests of consumers and of the dispatcher. */
export class MemoryEventLog implements EventLog {
  readonly #events: DomainEvent[] = [];
  readonly #marks = new Map<string, ContentChangeMark>();
  #seq = 0;

  append(event: NewDomainEvent): number {
    this.#seq += 1;
    this.#events.push({ ...event, seq: this.#seq } as DomainEvent);
    return this.#seq;
  }

  readAfter(afterSeq: number, limit: number): DomainEvent[] {
    return this.#events.filter((event) => event.seq > afterSeq).slice(0, limit);
  }

  get(seq: number): DomainEvent | null {
    return this.#events.find((event) => event.seq === seq) ?? null;
  }

  lastSeq(): number {
    return this.#seq;
  }

  /** What the document store does in its append transaction. */
  markContentChanged(pageId: string, at: number): void {
    const mark = this.#marks.get(pageId);
    this.#marks.set(pageId, { pageId, firstAt: mark?.firstAt ?? at, lastAt: at });
  }

  dueContentChanges(
    now: number,
    quietMs: number,
    maxWaitMs: number,
    limit: number,
  ): ContentChangeMark[] {
    return [...this.#marks.values()]
      .filter((mark) => mark.lastAt <= now - quietMs || mark.firstAt <= now - maxWaitMs)
      .sort((a, b) => a.firstAt - b.firstAt)
      .slice(0, limit);
  }

  emitContentChanged(mark: ContentChangeMark, at: number): number | null {
    const current = this.#marks.get(mark.pageId);
    if (!current || current.lastAt !== mark.lastAt) return null;
    this.#marks.delete(mark.pageId);
    return this.append(contentChangedEvent(current, at));
  }

  prune(before: number, upToSeq: number): number {
    const kept = this.#events.filter((event) => event.at >= before || event.seq > upToSeq);
    const removed = this.#events.length - kept.length;
    this.#events.splice(0, this.#events.length, ...kept);
    return removed;
  }

  count(): number {
    return this.#events.length;
  }
}
