import type { GlossaryTerm } from '@lore/api';

/** Glossary terms the query mentions, shown above the results. */
export function GlossaryDefinitions({ terms }: { terms: GlossaryTerm[] }) {
  if (terms.length === 0) return null;
  return (
    <section className="glossary-definitions" aria-label="From the glossary">
      <dl>
        {terms.map((term) => (
          <div key={term.id} className="glossary-definitions__item">
            <dt>
              <span className="glossary-definitions__label">Glossary</span>
              <strong>{term.term}</strong>
              {term.expansions.length > 0 && (
                <span className="muted"> · {term.expansions.join(', ')}</span>
              )}
            </dt>
            <dd>{term.meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
