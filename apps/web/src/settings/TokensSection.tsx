import type { CreatedApiToken, TokenScope } from '@lore/api';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { ExpiryField } from '../components/ExpiryField';
import { FormError } from '../components/FormError';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { type ExpiryChoice, expiryFromChoice } from '../format/expiryChoice';
import { useCurrentUser } from '../session/useCurrentUser';
import { CreatedTokenNotice } from './CreatedTokenNotice';
import { TokenRow } from './TokenRow';
import { tokenScopeDescriptions, tokenScopeLabels } from './tokenScopeLabels';

const expiryPresets = [7, 30, 90, 365] as const;

/** Lists the user's API tokens and creates and revokes them. */
export function TokensSection() {
  const user = useCurrentUser();
  const tokens = useApiQuery(queryKeys.tokens, api.listTokens);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('write');
  const [expiry, setExpiry] = useState<ExpiryChoice>({ kind: 'days', days: 90 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const expiresAt = expiryFromChoice(expiry, new Date());
    if (expiresAt === undefined) {
      setError('Choose a date in the future for the token to expire.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      setCreated(
        await api.createToken({
          name: name.trim(),
          scope,
          ...(expiresAt === null ? {} : { expiresAt }),
        }),
      );
      setName('');
      tokens.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Creating the token failed.');
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    await api.revokeToken(id);
    tokens.setData((current) =>
      current ? { tokens: current.tokens.filter((token) => token.id !== id) } : current,
    );
  };

  return (
    <section className="section" id="tokens" aria-labelledby="tokens-title">
      <div className="section__header">
        <h2 className="section__title" id="tokens-title">
          API tokens
        </h2>
        <p className="section__description">
          Tokens let scripts, the command line and chat integrations act as you. Send one as{' '}
          <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
      </div>

      <div className="section__body">
        {created && <CreatedTokenNotice token={created} onDismiss={() => setCreated(null)} />}
        <form className="form" aria-label="New API token" onSubmit={create}>
          <div className="form__grid">
            <TextField
              label="Token name"
              name="tokenName"
              required
              maxLength={100}
              placeholder="e.g. Deploy script"
              value={name}
              onChange={setName}
            />
            <SelectField<TokenScope>
              label="Scope"
              name="tokenScope"
              value={scope}
              options={scopeOptions(user.role === 'admin')}
              onChange={setScope}
            />
            <ExpiryField
              label="Expires"
              value={expiry}
              presets={expiryPresets}
              allowDate
              onChange={setExpiry}
            />
          </div>
          <p className="field__hint">{tokenScopeDescriptions[scope]}</p>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create token'}
            </button>
          </div>
        </form>
        <FormError message={error} />
      </div>

      <div className="section__body">
        <FormError message={tokens.error?.message ?? null} />
        {tokens.data === null && !tokens.error && <p className="muted">Loading tokens…</p>}
        {tokens.data?.tokens.length === 0 && <p className="muted">You have no API tokens yet.</p>}
        {tokens.data && tokens.data.tokens.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Your API tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.tokens.map((token) => (
                  <TokenRow key={token.id} token={token} onRevoke={revoke} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

function scopeOptions(isAdmin: boolean): { value: TokenScope; label: string }[] {
  const scopes: TokenScope[] = isAdmin ? ['read', 'write', 'admin'] : ['read', 'write'];
  return scopes.map((value) => ({ value, label: tokenScopeLabels[value] }));
}
