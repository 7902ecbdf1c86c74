/**
 * One message of a thread. The first comment opens the thread and has the thread's id; every
 * other one is a reply to the thread (replies are one level deep).
 */
export interface Comment {
  readonly id: string;
  readonly threadId: string;
  readonly pageId: string;
  readonly authorId: string;
  /** Markdown source, restricted to bold, italic, inline code, links and mentions. */
  readonly body: string;
  /** Ids of the people the body mentions (`@[Name](user:<id>)`), each once, in order. */
  readonly mentions: readonly string[];
  readonly createdAt: number;
  readonly editedAt: number | null;
  /**
   * Set when the first comment of a thread with replies was deleted: it stays as a "deleted"
   * placeholder with an empty body, so the replies keep their context.
   */
  readonly deletedAt: number | null;
}
