import type { BrokenLink, Space } from '@lore/api';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { PageLoadStatus } from '../pages/PageLoadStatus';
import { displayTitle } from './displayTitle';
import { pageHref } from './pageHref';
import { pageLinksApi } from './pageLinksApi';
import '../pages/SpacePage.css';

const reasons: Record<BrokenLink['reason'], string> = {
  deleted: 'Page in the trash',
  missing: 'No such page',
};

async function loadBrokenLinks(slug: string): Promise<{ space: Space; links: BrokenLink[] }> {
  const [{ space }, { brokenLinks }] = await Promise.all([
    api.getSpace(slug),
    pageLinksApi.brokenLinks(slug),
  ]);
  return { space, links: brokenLinks };
}

/** `/spaces/:slug/broken-links`: links in a space's pages to pages that are gone. */
export function BrokenLinksPage() {
  const { slug = '' } = useParams();
  const { data: loaded, error } = useApiQuery(queryKeys.brokenLinks(slug), () =>
    loadBrokenLinks(slug),
  );

  if (error || !loaded) {
    return <PageLoadStatus error={error} loading="Looking for broken links…" space={slug} />;
  }
  const { space, links } = loaded;

  return (
    <div className="page">
      <title>{`Broken links · ${space.name} · Lore`}</title>
      <p className="page__eyebrow">
        <Link to={`/spaces/${space.slug}`}>{space.name}</Link>
      </p>
      <h1 className="page__title">Broken links</h1>
      <p className="page__lead">
        Links in this space's pages to pages that were moved to the trash or never existed. Restore
        the page from the trash, or edit the link.
      </p>
      {links.length === 0 ? (
        <div className="empty-state">
          <h2 className="empty-state__title">No broken links</h2>
          <p>Every link to a page of this wiki leads somewhere.</p>
        </div>
      ) : (
        <table className="broken-links">
          <thead>
            <tr>
              <th scope="col">In page</th>
              <th scope="col">Link</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a page can hold the same link twice; the list never reorders.
              <tr key={`${link.source.id} ${link.href} ${index}`}>
                <td>
                  <Link to={pageHref(link.source)}>{displayTitle(link.source.title)}</Link>
                </td>
                <td>
                  <span className="broken-links__text">{link.text || link.href}</span>
                  <code className="broken-links__href">{link.href}</code>
                </td>
                <td>{reasons[link.reason] ?? link.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
