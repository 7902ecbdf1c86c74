import {
  type AccessStore,
  type AccountService,
  type Clock,
  type EventLog,
  ExternalSignInService,
  type IdentityLinkStore,
} from '@lore/core';
import type { LoreModule } from '../runtime/LoreModule';
import { OidcRelyingParty } from './OidcRelyingParty';
import { OidcSignInAttempts } from './OidcSignInAttempts';
import type { SsoServices } from './SsoServices';
import type { SsoConfig } from './ssoConfig';
import { ssoRoutes } from './ssoRoutes';

export interface WireSsoOptions {
  readonly config: SsoConfig;
  readonly accounts: AccountService;
  readonly links: IdentityLinkStore;
  readonly access: AccessStore;
  readonly clock: Clock;
  readonly events: EventLog;
}

/** Single sign-on: its routes always (they say what is configured), its services when it is. */
export function wireSso(options: WireSsoOptions): {
  module: LoreModule;
  services: SsoServices | null;
} {
  const module: LoreModule = { name: 'sso', routes: ssoRoutes };
  const oidc = options.config.oidc;
  if (!oidc) return { module, services: null };
  return {
    module,
    services: {
      relyingParty: new OidcRelyingParty(oidc),
      attempts: new OidcSignInAttempts({ now: () => options.clock.now() }),
      signIn: new ExternalSignInService({
        accounts: options.accounts,
        links: options.links,
        access: options.access,
        clock: options.clock,
        events: options.events,
        defaultRole: oidc.defaultRole,
      }),
    },
  };
}
