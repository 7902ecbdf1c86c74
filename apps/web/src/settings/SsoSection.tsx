import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';

/** The single sign-on settings, read-only: they come from the server's environment. */
export function SsoSection() {
  const settings = useApiQuery(queryKeys.ssoSettings, api.ssoSettings);
  const sso = settings.data?.sso ?? null;
  const oidc = sso?.oidc ?? null;
  return (
    <section className="section" id="sso" aria-labelledby="sso-title">
      <div className="section__header">
        <h2 className="section__title" id="sso-title">
          Single sign-on
        </h2>
        <p className="section__description">
          Sign-in through your identity provider (OpenID Connect), set in the server's environment (
          <code>LORE_OIDC_*</code>).
        </p>
      </div>
      <div className="section__body">
        {settings.error && (
          <p role="alert">Could not load the settings: {settings.error.message}</p>
        )}
        {!settings.error && !sso && <p>Loading…</p>}
        {sso && !oidc && (
          <p>
            Single sign-on is off. Set <code>LORE_OIDC_ISSUER</code>,{' '}
            <code>LORE_OIDC_CLIENT_ID</code> and <code>LORE_OIDC_CLIENT_SECRET</code> to turn it on.
          </p>
        )}
        {sso && oidc && (
          <dl className="sso-settings">
            <dt>Issuer</dt>
            <dd>
              <code>{oidc.issuer}</code>
            </dd>
            <dt>Client id</dt>
            <dd>
              <code>{oidc.clientId}</code>
            </dd>
            <dt>Redirect URI to register at the provider</dt>
            <dd>
              <code>{oidc.redirectUri}</code>
            </dd>
            <dt>Button</dt>
            <dd>Sign in with {oidc.displayName}</dd>
            <dt>Scopes</dt>
            <dd>
              <code>{oidc.scopes.join(' ')}</code>
            </dd>
            <dt>Groups claim</dt>
            <dd>
              {oidc.groupsClaim ? <code>{oidc.groupsClaim}</code> : 'none (groups left alone)'}
            </dd>
            <dt>Role of new accounts</dt>
            <dd>{oidc.defaultRole}</dd>
            <dt>Password sign-in</dt>
            <dd>
              {sso.ssoOnly ? `off, except for ${sso.breakGlass.join(', ') || 'no one'}` : 'on'}
            </dd>
          </dl>
        )}
      </div>
    </section>
  );
}
