import type { CreatedApiToken } from '@lore/api';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { TextField } from '../components/TextField';
import { CreatedTokenNotice } from './CreatedTokenNotice';
import { TokenRow } from './TokenRow';

/** Lists the user's API tokens and creates and revokes them. */
export function TokensSection() {
  const tokens = useApiQuery(queryKeys.tokens, api.listTokens);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setCreated(await api.createToken({ name: name.trim() }));
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
        <form className="form form--inline" onSubmit={create}>
          <TextField
            label="Token name"
            name="tokenName"
            required
            maxLength={100}
            placeholder="e.g. Deploy script"
            value={name}
            onChange={setName}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create token'}
          </button>
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
                  <th scope="col">Created</th>
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
