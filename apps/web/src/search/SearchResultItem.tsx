import type { SearchHit } from '@lore/api';
import { Link } from 'react-router';
import { formatDateTime } from '../format/formatDateTime';
import { HighlightedText } from './HighlightedText';

interface SearchResultItemProps {
  hit: SearchHit;
  /** 0-based rank, reported with the click. */
  position: number;
  onOpen(hit: SearchHit, position: number): void;
}

/** One result on the search page: title, where it lives, the matching excerpt, who and when. */
export function SearchResultItem({ hit, position, onOpen }: SearchResultItemProps) {
  const ancestors = hit.path.slice(1);
  return (
    <li className="search-result">
      <nav className="search-result__path" aria-label={`Location of ${hit.title}`}>
        <ol>
          <li>
            <Link to={`/spaces/${encodeURIComponent(hit.space.slug)}`}>
              {hit.space.name || hit.path[0]}
            </Link>
          </li>
          {ancestors.map((title, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: ancestor titles may repeat.
            <li key={index}>{title}</li>
          ))}
        </ol>
      </nav>
      <h2 className="search-result__title">
        <Link
          to={hit.url}
          onClick={() => onOpen(hit, position)}
          onAuxClick={(event) => {
            // A middle click opens a new tab: that counts as opening the result too.
            if (event.button === 1) onOpen(hit, position);
          }}
        >
          <HighlightedText text={hit.title} highlights={hit.titleHighlights} />
        </Link>
      </h2>
      {hit.snippet && (
        <p className="search-result__snippet">
          <HighlightedText text={hit.snippet} highlights={hit.snippetHighlights} />
        </p>
      )}
      <p className="search-result__meta">
        Updated <time dateTime={hit.updatedAt}>{formatDateTime(hit.updatedAt)}</time>
        {hit.updatedBy && (
          <>
            {' '}
            by{' '}
            <span className="search-result__author">
              <span
                className="search-result__author-dot"
                style={{ backgroundColor: hit.updatedBy.color }}
                aria-hidden="true"
              />
              {hit.updatedBy.displayName}
            </span>
          </>
        )}
      </p>
    </li>
  );
}
