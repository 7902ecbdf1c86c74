import type { GlossaryInput, GlossaryTerm } from '@lore/api';
import { useMemo, useState } from 'react';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format/formatDateTime';
import { useCurrentUser } from '../session/useCurrentUser';
import { GlossaryTermForm } from './GlossaryTermForm';
import { searchApi } from './searchApi';
import './GlossaryPage.css';

const byTerm = (a: GlossaryTerm, b: GlossaryTerm) =>
  a.term.localeCompare(b.term, undefined, { sensitivity: 'base' });

/**
 * The workspace glossary: everyone reads it; members and admins add, edit and delete terms.
 * Terms are underlined in pages with their meaning on hover, and their other names are search
 * synonyms.
 */
export function GlossaryPage() {
  const user = useCurrentUser();
  const canEdit = user.role !== 'guest';
  const glossary = useApiQuery(queryKeys.glossary, searchApi.listGlossary);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<GlossaryTerm | null>(null);
  const [notice, setNotice] = useState('');

  const replace = (term: GlossaryTerm) =>
    glossary.setData((current) =>
      current
        ? { terms: [...current.terms.filter((item) => item.id !== term.id), term].sort(byTerm) }
        : current,
    );

  const add = async (input: GlossaryInput) => {
    const { term } = await searchApi.createTerm(input);
    replace(term);
    setNotice(`Added “${term.term}”.`);
  };

  const save = async (id: string, input: GlossaryInput) => {
    const { term } = await searchApi.updateTerm(id, input);
    replace(term);
    setEditing(null);
    setNotice(`Saved “${term.term}”.`);
  };

  const remove = async (term: GlossaryTerm) => {
    await searchApi.deleteTerm(term.id);
    glossary.setData((current) =>
      current ? { terms: current.terms.filter((item) => item.id !== term.id) } : current,
    );
    setDeleting(null);
    setNotice(`Deleted “${term.term}”.`);
  };

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const terms = glossary.data?.terms ?? [];
    if (!needle) return terms;
    return terms.filter((term) =>
      [term.term, term.meaning, ...term.expansions].some((text) =>
        text.toLowerCase().includes(needle),
      ),
    );
  }, [glossary.data, filter]);

  return (
    <div className="page glossary-page">
      <title>Glossary · Lore</title>
      <h1 className="page__title">Glossary</h1>
      <p className="page__lead">
        The words your workspace uses. Pages underline these terms and show their meaning on hover,
        and search finds a term by any of its names.
      </p>

      {canEdit && (
        <section className="section" aria-labelledby="glossary-add-title">
          <div className="section__header">
            <h2 className="section__title" id="glossary-add-title">
              Add a term
            </h2>
          </div>
          <GlossaryTermForm submitLabel="Add term" onSubmit={add} />
        </section>
      )}

      <section className="section" aria-labelledby="glossary-terms-title">
        <div className="section__header glossary-page__list-header">
          <h2 className="section__title" id="glossary-terms-title">
            Terms{glossary.data ? ` (${glossary.data.terms.length})` : ''}
          </h2>
          {glossary.data && glossary.data.terms.length > 0 && (
            <div className="field glossary-page__filter">
              <label className="visually-hidden" htmlFor="glossary-filter">
                Filter terms
              </label>
              <input
                id="glossary-filter"
                className="field__input"
                type="search"
                placeholder="Filter terms"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
            </div>
          )}
        </div>
        <div className="success-note" aria-live="polite">
          {notice && <p>{notice}</p>}
        </div>
        <FormError message={glossary.error?.message ?? null} />
        {!glossary.data && !glossary.error && (
          <p className="muted delayed-appearance">Loading the glossary…</p>
        )}
        {glossary.data && glossary.data.terms.length === 0 && (
          <p className="muted">
            No terms yet. {canEdit ? 'Add the acronyms and names newcomers ask about first.' : ''}
          </p>
        )}
        {glossary.data && glossary.data.terms.length > 0 && shown.length === 0 && (
          <p className="muted">No term matches “{filter.trim()}”.</p>
        )}
        <ul className="glossary-list">
          {shown.map((term) =>
            editing === term.id ? (
              <li key={term.id} className="glossary-list__item glossary-list__item--editing">
                <GlossaryTermForm
                  initial={term}
                  submitLabel="Save"
                  onSubmit={(input) => save(term.id, input)}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={term.id} className="glossary-list__item">
                <div className="glossary-list__text">
                  <h3 className="glossary-list__term">{term.term}</h3>
                  {term.expansions.length > 0 && (
                    <p className="glossary-list__expansions">Also: {term.expansions.join(', ')}</p>
                  )}
                  <p className="glossary-list__meaning">{term.meaning}</p>
                  <p className="glossary-list__updated">Updated {formatDateTime(term.updatedAt)}</p>
                </div>
                {canEdit && (
                  <div className="glossary-list__actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={`Edit ${term.term}`}
                      onClick={() => setEditing(term.id)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button--danger button--small"
                      aria-label={`Delete ${term.term}`}
                      onClick={() => setDeleting(term)}
                    >
                      Delete
                    </button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      </section>

      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.term}”?`}
          confirmLabel="Delete term"
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          Pages stop showing its meaning, and search stops treating its other names as synonyms.
        </ConfirmDialog>
      )}
    </div>
  );
}
