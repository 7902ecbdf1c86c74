import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { PageLoadStatus } from '../pages/PageLoadStatus';
import { SpaceGeneralSection } from './SpaceGeneralSection';
import { SpaceMembersSection } from './SpaceMembersSection';
import { spaceRoleLabels } from './spaceRoleLabels';
import '../settings/SettingsPage.css';

/**
 * `/spaces/:slug/settings`: a space's name, visibility, default role and members; changeable
 * by its admins, readable by everyone who sees the space.
 */
export function SpaceSettingsPage() {
  const { slug = '' } = useParams();
  const loaded = useApiQuery(queryKeys.space(slug), () => api.getSpace(slug));

  if (loaded.error || !loaded.data) {
    return <PageLoadStatus error={loaded.error} loading="Loading space settings…" space={slug} />;
  }
  const { space } = loaded.data;

  return (
    <div className="page">
      <title>{`Settings of ${space.name} · Lore`}</title>
      <p className="page__eyebrow">
        <Link to={`/spaces/${space.slug}`}>{space.name}</Link>
      </p>
      <h1 className="page__title">Space settings</h1>
      <p className="page__lead">
        Your role here: <strong>{spaceRoleLabels[space.role]}</strong>.
        {space.role !== 'admin' && ' You can see these settings; its admins change them.'}
      </p>
      <SpaceGeneralSection
        space={space}
        onSaved={(updated) => loaded.setData({ space: updated })}
      />
      <SpaceMembersSection space={space} />
    </div>
  );
}
