/**
 * The few Lore HTTP API calls the benchmark needs to set up users, tokens, a space and pages
 * (docs/api.md). Mutations with a session cookie carry our own Origin, as a browser would.
 */
export class LoreApi {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /**
   * Signs in and returns a new API token for that user; `admin` scope for the account that
   * creates users, `write` (the default) for editors.
   */
  async tokenFor(
    email: string,
    password: string,
    scope: 'write' | 'admin' = 'write',
    tokenName = 'bench',
  ): Promise<string> {
    const login = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.baseUrl },
      body: JSON.stringify({ email, password }),
    });
    await this.#expect(login, 200, 'sign in');
    const cookie = login.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    const created = await fetch(`${this.baseUrl}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.baseUrl, cookie },
      body: JSON.stringify({ name: tokenName, scope }),
    });
    const body = (await this.#expect(created, 201, 'create a token')) as { token: string };
    return body.token;
  }

  async createUser(token: string, email: string, password: string): Promise<void> {
    await this.#post(token, '/api/users', {
      email,
      password,
      displayName: email.split('@')[0],
      role: 'member',
    });
  }

  async createSpace(token: string, name: string): Promise<string> {
    const body = (await this.#post(token, '/api/spaces', { name })) as { space: { id: string } };
    return body.space.id;
  }

  async createPage(token: string, spaceId: string, title: string): Promise<string> {
    const body = (await this.#post(token, '/api/pages', { spaceId, title })) as {
      page: { id: string };
    };
    return body.page.id;
  }

  async #post(token: string, path: string, payload: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(payload),
    });
    return this.#expect(response, 201, `POST ${path}`);
  }

  async #expect(response: Response, status: number, what: string): Promise<unknown> {
    const text = await response.text();
    if (response.status !== status) {
      throw new Error(`Could not ${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
    }
    return text ? (JSON.parse(text) as unknown) : null;
  }
}
