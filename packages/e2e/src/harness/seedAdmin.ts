import type { RunningLore } from './startLore';

export interface Credentials {
  email: string;
  password: string;
  displayName: string;
}

/** The administrator most tests sign in as. */
export const admin: Credentials = {
  email: 'ada@example.com',
  password: 'correct horse battery',
  displayName: 'Ada Lovelace',
};

/** Creates the first admin through the API, for tests that start past the setup page. */
export async function seedAdmin(lore: RunningLore, who: Credentials = admin): Promise<void> {
  const response = await lore.api('POST', '/api/setup', { ...who, setupCode: lore.setupCode() });
  if (response.status !== 201) {
    throw new Error(`Seeding the admin failed: HTTP ${response.status} ${await response.text()}`);
  }
}
