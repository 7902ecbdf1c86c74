import type { ExternalSignInService } from '@lore/core';
import type { OidcRelyingParty } from './OidcRelyingParty';
import type { OidcSignInAttempts } from './OidcSignInAttempts';

/** Single sign-on as wired when a provider is configured. */
export interface SsoServices {
  readonly relyingParty: OidcRelyingParty;
  readonly attempts: OidcSignInAttempts;
  /** Finds, links or creates the account and syncs its provider-managed groups. */
  readonly signIn: ExternalSignInService;
}
