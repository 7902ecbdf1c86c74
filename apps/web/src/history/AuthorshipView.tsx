import type { AuthoredRun, Person } from '@lore/api';
import type { CSSProperties } from 'react';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { Avatar } from '../components/Avatar';
import { authorLegend } from './authorLegend';
import { authorshipBlockShape } from './authorshipBlockShape';
import { historyApi } from './historyApi';
import { LoadState } from './LoadState';

interface AuthorshipViewProps {
  pageId: string;
  refresh: number;
}

/** The current text coloured by author, in each person's own colour, with a legend. */
export function AuthorshipView({ pageId, refresh }: AuthorshipViewProps) {
  const { data, error } = useApiQuery(
    queryKeys.authorship(pageId),
    () => historyApi.authorship(pageId),
    { reloadOn: refresh },
  );
  if (error || !data) return <LoadState error={error} what="who wrote what" />;
  const people = new Map(data.people.map((person) => [person.id, person]));
  const legend = authorLegend(data);
  const total = legend.reduce((sum, entry) => sum + entry.characters, 0);
  return (
    <div className="history-authors">
      {legend.length > 0 ? (
        <ul className="history-authors__legend" aria-label="Authors">
          {legend.map(({ person, characters }) => (
            <li
              key={person?.id ?? 'unknown'}
              className="history-authors__person"
              data-unattributed={person === null || undefined}
            >
              {person ? (
                <Avatar name={person.displayName} color={person.color} />
              ) : (
                <span className="history-authors__swatch" aria-hidden="true" />
              )}
              <span>{person?.displayName ?? 'Unattributed'}</span>
              <span className="muted">{Math.round((characters / total) * 100)}%</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">The page has no text yet.</p>
      )}
      <article className="history-document" aria-label="The page by author">
        <p className="history-document__title">
          <Runs runs={data.title} people={people} />
        </p>
        <div className="page-body history-document__body">
          {data.blocks.map((block, index) => {
            const shape = authorshipBlockShape(block);
            const Tag = shape.tag;
            const style = { '--depth': shape.depth } as CSSProperties;
            const className = [
              'history-authors__block',
              shape.listed && 'history-authors__block--listed',
              shape.quoted && 'history-authors__block--quoted',
              shape.tabular && 'history-authors__block--tabular',
            ]
              .filter(Boolean)
              .join(' ');
            // Blocks have no ids and the list is rebuilt whole on every load: position is identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            if (Tag === 'hr') return <hr key={index} />;
            if (Tag === 'figure') {
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                <p key={index} className={`${className} muted`} style={style}>
                  [{block.type}]
                </p>
              );
            }
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <Tag key={index} className={className} style={style}>
                {Tag === 'pre' ? (
                  <code>
                    <Runs runs={block.runs} people={people} />
                  </code>
                ) : (
                  <Runs runs={block.runs} people={people} />
                )}
              </Tag>
            );
          })}
        </div>
      </article>
    </div>
  );
}

function Runs({
  runs,
  people,
}: {
  runs: readonly AuthoredRun[];
  people: ReadonlyMap<string, Person>;
}) {
  return runs.map((run, index) => {
    const person = run.author === null ? undefined : people.get(run.author);
    if (!person) {
      return (
        // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and rebuilt whole.
        <span key={index} className="author-run author-run--unknown" title="Unattributed">
          {run.text}
        </span>
      );
    }
    return (
      <span
        // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and rebuilt whole.
        key={index}
        className="author-run"
        data-author={person.id}
        title={person.displayName}
        style={{ '--author': person.color } as CSSProperties}
      >
        {run.text}
      </span>
    );
  });
}
