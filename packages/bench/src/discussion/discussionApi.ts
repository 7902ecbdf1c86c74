import type { BenchAdmin } from '../cluster/ClusterBenchTarget';

/** The discussion calls the benchmark makes, as the admin (docs/api.md, "Comments"). */
export class DiscussionApi {
  readonly #admin: BenchAdmin;

  constructor(admin: BenchAdmin) {
    this.#admin = admin;
  }

  /** Opens a thread (anchored when `anchor` is given) and returns its id. */
  async createThread(
    pageId: string,
    body: string,
    anchor?: { from: string; to: string; quote: string },
  ): Promise<string> {
    const reply = (await this.#send('POST', `/api/pages/${pageId}/comments`, 201, {
      body,
      ...(anchor ? { anchor } : {}),
    })) as { thread: { id: string } };
    return reply.thread.id;
  }

  async reply(threadId: string, body: string): Promise<void> {
    await this.#send('POST', `/api/comments/${threadId}/replies`, 201, { body });
  }

  /** The page's threads; returns how many there are and the response size. */
  async listThreads(pageId: string): Promise<{ threads: number; bytes: number }> {
    const response = await fetch(`${this.#admin.baseUrl}/api/pages/${pageId}/comments`, {
      headers: { authorization: `Bearer ${this.#admin.token}` },
    });
    const text = await response.text();
    if (response.status !== 200) {
      throw new Error(`GET comments: HTTP ${response.status} ${text.slice(0, 300)}`);
    }
    return {
      threads: (JSON.parse(text) as { threads: unknown[] }).threads.length,
      bytes: text.length,
    };
  }

  async #send(method: string, path: string, status: number, payload: unknown): Promise<unknown> {
    const response = await fetch(`${this.#admin.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#admin.token}` },
      body: JSON.stringify(payload),
    });
    const text = await response.text();
    if (response.status !== status) {
      throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
    }
    return JSON.parse(text) as unknown;
  }
}
