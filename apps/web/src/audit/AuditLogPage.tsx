import type { AuditLogPage as AuditPageBody } from '@lore/api';
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { useCurrentUser } from '../session/useCurrentUser';
import { AuditRows } from './AuditRows';
import { auditActionKinds } from './auditActionKinds';
import { auditApi } from './auditApi';
import {
  type AuditFilters,
  auditApiParams,
  auditFilterParams,
  readAuditFilters,
} from './auditFilters';
import './AuditLogPage.css';

interface Loaded {
  readonly page: AuditPageBody | null;
  readonly error: string | null;
}

/** The table for one set of filters: pages added by "Load more", newest first. */
function AuditResults({ filters, filtered }: { filters: string; filtered: boolean }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [loaded, setLoaded] = useState<ReadonlyMap<string | null, Loaded>>(new Map());
  const onLoaded = useCallback(
    (cursor: string | null, page: AuditPageBody | null, error: string | null) =>
      setLoaded((current) => {
        const before = current.get(cursor);
        if (before && before.page === page && before.error === error) return current;
        return new Map(current).set(cursor, { page, error });
      }),
    [],
  );
  const last = loaded.get(cursors.at(-1) ?? null);
  const first = loaded.get(null);
  const shown = cursors.reduce(
    (sum, cursor) => sum + (loaded.get(cursor)?.page?.records.length ?? 0),
    0,
  );
  const empty = first?.page?.records.length === 0;
  const next = last?.page?.nextCursor ?? null;

  return (
    <>
      <FormError message={last?.error ?? null} />
      <div className="table-scroll" hidden={empty}>
        <table className="table audit-log__table">
          <caption className="visually-hidden">Audit log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Person</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          {cursors.map((cursor) => (
            <AuditRows
              key={cursor ?? 'first'}
              filters={filters}
              cursor={cursor}
              onLoaded={onLoaded}
            />
          ))}
        </table>
      </div>
      {!first && <p className="muted delayed-appearance">Loading the audit log…</p>}
      {empty && (
        <div className="empty-state">
          <h2 className="empty-state__title">
            {filtered ? 'Nothing matches these filters' : 'Nothing recorded yet'}
          </h2>
          <p>
            {filtered
              ? 'Try a longer period, another person or another kind of action.'
              : 'Sign-ins, changes to people and access, exports and trash will show up here.'}
          </p>
        </div>
      )}
      <p className="audit-log__status muted" aria-live="polite">
        {shown > 0 &&
          `${shown} ${shown === 1 ? 'record' : 'records'} shown${next ? '' : ', the oldest last'}.`}
      </p>
      {next && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setCursors((list) => (list.includes(next) ? list : [...list, next]))}
        >
          Load more
        </button>
      )}
    </>
  );
}

/**
 * Who did what, when and from where (workspace admins only): sign-ins, people and roles,
 * access, pages and trash, exports, tokens; filtered, a page at a time, exported as CSV or JSON.
 */
export function AuditLogPage() {
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const [params, setParams] = useSearchParams();
  const filters = readAuditFilters(params);
  const [text, setText] = useState(filters.q);
  const people = useApiQuery(queryKeys.users, api.listUsers, { enabled: isAdmin });
  const apiParams = auditApiParams(filters);
  const apiFilters = apiParams.toString();

  if (!isAdmin) {
    return (
      <div className="page">
        <title>Audit log · Lore</title>
        <h1 className="page__title">Audit log</h1>
        <div className="empty-state" role="alert">
          <h2 className="empty-state__title">Only administrators can see the audit log</h2>
          <p>Ask an administrator of this Lore server if you need to know who changed something.</p>
        </div>
      </div>
    );
  }

  const update = (changes: Partial<AuditFilters>) =>
    setParams(auditFilterParams({ ...filters, ...changes }), { replace: true });

  return (
    <div className="page audit-log">
      <title>Audit log · Lore</title>
      <p className="page__eyebrow">
        <Link to="/settings#users">Settings</Link>
      </p>
      <h1 className="page__title">Audit log</h1>
      <p className="page__lead">
        Who did what, when and from where: sign-ins, people and roles, access, trash, exports and
        API tokens. Names are shown as they were at the time.
      </p>

      <form
        className="audit-log__filters"
        aria-label="Filter the audit log"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: text });
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor="audit-person">
            Person
          </label>
          <select
            id="audit-person"
            className="field__input field__select"
            value={filters.person}
            onChange={(event) => update({ person: event.target.value })}
          >
            <option value="">Everyone</option>
            {people.data?.users.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName} ({person.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="audit-kind">
            Action
          </label>
          <select
            id="audit-kind"
            className="field__input field__select"
            value={filters.kind}
            onChange={(event) => update({ kind: event.target.value })}
          >
            <option value="">Every action</option>
            {auditActionKinds.map((kind) => (
              <option key={kind.id} value={kind.id}>
                {kind.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="audit-from">
            From
          </label>
          <input
            id="audit-from"
            type="date"
            className="field__input"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(event) => update({ from: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="audit-to">
            To
          </label>
          <input
            id="audit-to"
            type="date"
            className="field__input"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(event) => update({ to: event.target.value })}
          />
        </div>
        <div className="field audit-log__text">
          <label className="field__label" htmlFor="audit-text">
            Text
          </label>
          <input
            id="audit-text"
            type="search"
            className="field__input"
            value={text}
            maxLength={200}
            placeholder="Name, email, page, group…"
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary">
          Search
        </button>
      </form>

      <div className="audit-log__exports">
        <span className="muted">Export what matches:</span>
        <a
          className="button button--secondary button--small"
          href={auditApi.exportUrl(apiParams, 'csv')}
          download
        >
          CSV
        </a>
        <a
          className="button button--secondary button--small"
          href={auditApi.exportUrl(apiParams, 'json')}
          download
        >
          JSON
        </a>
      </div>

      <AuditResults key={apiFilters} filters={apiFilters} filtered={apiFilters !== ''} />
    </div>
  );
}
