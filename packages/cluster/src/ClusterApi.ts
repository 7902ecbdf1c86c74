/** An answer of the Lore HTTP API: its status and parsed JSON body (null when empty). */
export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/**
 * Lore's HTTP API as one person holding an API token, against one base URL: nginx (any process)
 * or one process directly. `at(url)` is the same person on another door, so a test can write
 * through one process and observe through another.
 */
export class ClusterApi {
  readonly baseUrl: string;
  readonly token: string;

  constructor(baseUrl: string, token: string) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /**
   * Signs in with a password (a session cookie, sent with our own Origin as a browser would)
   * and trades the session for an API token of `scope`.
   */
  static async signIn(
    baseUrl: string,
    email: string,
    password: string,
    scope: 'write' | 'admin' = 'write',
  ): Promise<ClusterApi> {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ email, password }),
    });
    if (login.status !== 200) {
      throw new Error(`Sign-in of ${email} failed: HTTP ${login.status} ${await login.text()}`);
    }
    const cookie = login.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    const created = await fetch(`${baseUrl}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
      body: JSON.stringify({ name: `cluster ${scope}`, scope }),
    });
    if (created.status !== 201) {
      throw new Error(`No token for ${email}: HTTP ${created.status} ${await created.text()}`);
    }
    return new ClusterApi(baseUrl, ((await created.json()) as { token: string }).token);
  }

  /** The same person through another door (a process's own URL, or nginx). */
  at(baseUrl: string): ClusterApi {
    return new ClusterApi(baseUrl, this.token);
  }

  /** Where the stock provider connects for collaboration: `<ws url>/collab/<pageId>`. */
  get collabUrl(): string {
    return `${this.baseUrl.replace(/^http/, 'ws')}/collab`;
  }

  async call<T = unknown>(method: string, path: string, json?: unknown): Promise<ApiAnswer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : null) as T,
      headers: response.headers,
    };
  }

  /** `call`, failing unless the answer has `status`. */
  async expect<T = unknown>(
    method: string,
    path: string,
    status: number,
    json?: unknown,
  ): Promise<T> {
    const answer = await this.call<T>(method, path, json);
    if (answer.status !== status) {
      throw new Error(
        `${method} ${path} answered ${answer.status}, expected ${status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
      );
    }
    return answer.body;
  }

  async createSpace(name: string, visibility: 'open' | 'private' = 'open'): Promise<string> {
    const body = await this.expect<{ space: { id: string } }>('POST', '/api/spaces', 201, {
      name,
      visibility,
    });
    return body.space.id;
  }

  async createPage(spaceId: string, title: string, markdown?: string): Promise<string> {
    const body = await this.expect<{ page: { id: string } }>('POST', '/api/pages', 201, {
      spaceId,
      title,
      ...(markdown === undefined ? {} : { markdown }),
    });
    return body.page.id;
  }

  /** A workspace member with a password (admins only); returns the new user's id. */
  async createUser(email: string, password: string): Promise<string> {
    const body = await this.expect<{ user: { id: string } }>('POST', '/api/users', 201, {
      email,
      password,
      displayName: email.split('@')[0],
      role: 'member',
    });
    return body.user.id;
  }
}
