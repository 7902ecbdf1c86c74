import { describe, expect, it } from 'vitest';
import { MemoryAccessStore } from '../access/MemoryAccessStore';
import { AccountService } from '../accounts/AccountService';
import { MemoryAccountStore } from '../accounts/MemoryAccountStore';
import { MemoryEventLog } from '../events/MemoryEventLog';
import type { ExternalIdentity } from './ExternalIdentity';
import { ExternalSignInService } from './ExternalSignInService';
import { MemoryIdentityLinkStore } from './MemoryIdentityLinkStore';

const issuer = 'https://id.example.com';

const identity = (fields: Partial<ExternalIdentity> = {}): ExternalIdentity => ({
  providerId: issuer,
  subject: 'sub-ada',
  email: 'Ada@Example.com',
  emailVerified: true,
  displayName: 'Ada Lovelace',
  groups: null,
  ...fields,
});

function setup() {
  const clock = { now: () => 1_000_000 };
  const events = new MemoryEventLog();
  const accountStore = new MemoryAccountStore();
  const access = new MemoryAccessStore();
  const links = new MemoryIdentityLinkStore();
  const accounts = new AccountService({
    store: accountStore,
    clock,
    events,
    sessionTtlMs: 3_600_000,
    scrypt: { N: 2 ** 10, r: 8, p: 1 },
  });
  const sso = new ExternalSignInService({
    accounts,
    links,
    access,
    clock,
    events,
    defaultRole: 'guest',
  });
  const groupNames = (userId: string) =>
    access
      .listGroupsOfUser(userId)
      .map((id) => access.findGroupById(id)?.name)
      .sort();
  return { accounts, access, links, sso, events, groupNames };
}

describe('ExternalSignInService', () => {
  it('creates the account at the first sign-in with the default role, and follows the link after', async () => {
    const { accounts, sso, links } = setup();
    const first = sso.signIn(identity());
    expect(first.user).toMatchObject({ email: 'ada@example.com', role: 'guest' });
    expect(first.sessionSecret).toMatch(/^lore_ses_/);
    expect(accounts.authenticateSession(first.sessionSecret)?.user.id).toBe(first.user.id);
    // The email changed at the provider: the subject still names the same account.
    const again = sso.signIn(identity({ email: 'ada.lovelace@example.com' }));
    expect(again.user.id).toBe(first.user.id);
    expect(links.listLinksOfUser(first.user.id)).toHaveLength(1);
    // No password matches an account made by single sign-on.
    await expect(accounts.login('ada@example.com', '!sso')).rejects.toThrow();
  });

  it('refuses an email the provider did not verify, and creates nothing', () => {
    const { accounts, sso } = setup();
    expect(() => sso.signIn(identity({ emailVerified: false }))).toThrow(/not verified/);
    expect(accounts.findAccountByEmail('ada@example.com')).toBeNull();
  });

  it('links an existing account by email and refuses it once disabled', async () => {
    const { accounts, sso } = setup();
    const admin = await accounts.setupFirstAdminFromConfig({
      email: 'root@example.com',
      displayName: 'Root',
      password: 'long password',
    });
    const ada = await accounts.createUser(admin, {
      email: 'ada@example.com',
      displayName: 'Ada',
      password: 'long password',
    });
    expect(sso.signIn(identity()).user.id).toBe(ada.id);
    accounts.updateAccount(admin, ada.id, { disabled: true });
    expect(() => sso.signIn(identity())).toThrow(/disabled/);
  });

  it('creates missing groups as provider-managed and keeps their memberships in step', () => {
    const { access, sso, groupNames, links } = setup();
    access.insertGroup({ id: 'g-hand', name: 'Writers', createdAt: 0, updatedAt: 0 });
    const { user } = sso.signIn(identity({ groups: ['Engineering', 'writers', ' Analysts '] }));
    // Writers exists and was made by hand: the provider does not manage it.
    expect(groupNames(user.id)).toEqual(['Analysts', 'Engineering']);
    expect(links.listManagedGroups(issuer)).toHaveLength(2);

    access.addGroupMember('g-hand', user.id);
    sso.signIn(identity({ groups: ['engineering'] }));
    expect(groupNames(user.id)).toEqual(['Engineering', 'Writers']);

    // A provider that sends no groups claim leaves memberships alone.
    sso.signIn(identity({ groups: null }));
    expect(groupNames(user.id)).toEqual(['Engineering', 'Writers']);
    sso.signIn(identity({ groups: [] }));
    expect(groupNames(user.id)).toEqual(['Writers']);
  });
});
