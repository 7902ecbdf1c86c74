import type { PrincipalList, Space } from '@lore/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { accessApi } from '../access/accessApi';
import { loadPageAccessChain, type RestrictedLevel } from '../access/loadPageAccessChain';
import type { Principal } from '../access/Principal';
import { spaceRoleLabels } from '../access/spaceRoleLabels';
import { usePeopleDirectory } from '../access/usePeopleDirectory';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { useCurrentUser } from '../session/useCurrentUser';
import { displayTitle } from '../spaces/displayTitle';
import { findTreePath } from '../spaces/findTreePath';
import { pageHref } from '../spaces/pageHref';
import { useSpaces } from '../spaces/useSpaces';
import { RestrictionListField } from './RestrictionListField';
import { samePrincipalList } from './samePrincipalList';

interface PeopleSectionProps {
  pageId: string;
  space: Space;
  /** Whether the person may edit the page, and so change its restrictions. */
  canEdit: boolean;
}

/**
 * Who can see and edit a page: the space's access, restrictions inherited from pages above
 * (with links to them) and the page's own view and edit lists, editable by its editors.
 */
export function PeopleSection({ pageId, space, canEdit }: PeopleSectionProps) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { trees, liveTitles } = useSpaces();
  const chain = useApiQuery(queryKeys.pageAccessChain(pageId), () =>
    loadPageAccessChain(pageId, me.id),
  );
  const members = useApiQuery(queryKeys.spaceMembers(space.id), () =>
    accessApi.spaceMembers(space.id),
  );
  const known = useMemo<Principal[]>(
    () => [
      { kind: 'user', id: me.id, name: me.displayName },
      ...(members.data?.members ?? []).map((m) => ({ kind: m.kind, id: m.id, name: m.name })),
    ],
    [me, members.data],
  );
  const directory = usePeopleDirectory(known);
  const nameOf = (kind: Principal['kind'], id: string) =>
    directory.nameOf(kind, id) ??
    (directory.loading ? '…' : kind === 'user' ? 'A person' : 'A group');

  const own = chain.data?.own ?? null;
  const [view, setView] = useState<PrincipalList | null>(null);
  const [edit, setEdit] = useState<PrincipalList | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!own) return;
    setView(own.view);
    setEdit(own.edit);
  }, [own]);

  const titleOf = (id: string) => {
    const path = findTreePath(trees.get(space.id) ?? [], id);
    const node = path?.at(-1);
    return node ? { title: displayTitle(liveTitles.get(id) ?? node.title), node } : null;
  };

  const dirty =
    own !== null && (!samePrincipalList(view, own.view) || !samePrincipalList(edit, own.edit));
  // Space admins are never limited; anyone else restricting a page starts on its lists.
  const startWith: PrincipalList =
    space.role === 'admin' ? { users: [], groups: [] } : { users: [me.id], groups: [] };

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const answer = await accessApi.setPageRestrictions(pageId, { view, edit });
      chain.setData((current) => (current ? { ...current, own: answer } : current));
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: ['pages', pageId] });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The restrictions could not be saved.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="share-section" aria-labelledby="share-people-title">
      <h3 className="share-section__title" id="share-people-title">
        People
      </h3>

      <SpaceAccessSummary space={space} memberCount={members.data?.members.length ?? null} />

      <FormError message={chain.error?.message ?? null} />
      {chain.data === null && !chain.error && <p className="muted">Loading restrictions…</p>}

      {chain.data && chain.data.inherited.length > 0 && (
        <div className="share-inherited">
          <p className="share-inherited__lead">
            Restricted by {chain.data.inherited.length === 1 ? 'a page' : 'pages'} above; these
            lists apply here too:
          </p>
          <ul>
            {chain.data.inherited.map((level) => (
              <InheritedLevel
                key={level.pageId}
                level={level}
                page={titleOf(level.pageId)}
                nameOf={nameOf}
              />
            ))}
          </ul>
        </div>
      )}

      {chain.data && (
        <div className="share-own">
          <p className="share-own__lead">
            {canEdit
              ? 'Limit this page and its subpages to fewer people than the space:'
              : 'This page’s own restrictions (only people who can edit it change them):'}
          </p>
          <RestrictionListField
            legend="Who can view"
            openLabel="Everyone who can see the space"
            restrictedLabel="Only these people and groups (and those who can edit)"
            list={view}
            principals={directory.principals}
            pickerHint={directory.complete ? undefined : pickerHint}
            nameOf={nameOf}
            startWith={startWith}
            onChange={
              canEdit
                ? (list) => {
                    setView(list);
                    setSaved(false);
                  }
                : undefined
            }
          />
          <RestrictionListField
            legend="Who can edit"
            openLabel="Everyone with the Editor role in the space"
            restrictedLabel="Only these people and groups"
            list={edit}
            principals={directory.principals}
            pickerHint={directory.complete ? undefined : pickerHint}
            nameOf={nameOf}
            startWith={startWith}
            onChange={
              canEdit
                ? (list) => {
                    setEdit(list);
                    setSaved(false);
                  }
                : undefined
            }
          />
          <p className="field__hint">
            Restrictions never give more than the space role: a viewer on the edit list still only
            reads. Space admins always get through.
          </p>
          <FormError message={error} />
          {canEdit && (
            <div className="form__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={!dirty || busy}
                onClick={() => void save()}
              >
                {busy ? 'Saving…' : 'Save restrictions'}
              </button>
              {dirty && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => {
                    setView(own?.view ?? null);
                    setEdit(own?.edit ?? null);
                    setError(null);
                  }}
                >
                  Discard changes
                </button>
              )}
              <span className="success-note" role="status">
                {saved && !dirty && <p>Restrictions saved.</p>}
              </span>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

const pickerHint = 'As a guest you can find the people already named here and the space’s members.';

function SpaceAccessSummary({ space, memberCount }: { space: Space; memberCount: number | null }) {
  const members =
    memberCount === null
      ? 'its members'
      : memberCount === 1
        ? 'its 1 member'
        : `its ${memberCount} members`;
  return (
    <p className="share-space">
      {space.visibility === 'open' ? (
        <>
          <strong>{space.name}</strong> is open: everyone in the workspace can see it as{' '}
          {spaceRoleLabels[space.defaultRole].toLowerCase()}s, and {members} have their own roles.
        </>
      ) : (
        <>
          <strong>{space.name}</strong> is private: only {members} (people and groups) and workspace
          admins can see it.
        </>
      )}{' '}
      <Link to={`/spaces/${space.slug}/settings`}>Space members and roles</Link>
    </p>
  );
}

interface InheritedLevelProps {
  level: RestrictedLevel;
  page: { title: string; node: Parameters<typeof pageHref>[0] } | null;
  nameOf(kind: Principal['kind'], id: string): string;
}

function InheritedLevel({ level, page, nameOf }: InheritedLevelProps) {
  const names = (list: PrincipalList) =>
    [
      ...list.groups.map((id) => `${nameOf('group', id)} (group)`),
      ...list.users.map((id) => nameOf('user', id)),
    ].join(', ') || 'nobody but space admins';
  return (
    <li>
      {page ? <Link to={pageHref(page.node)}>{page.title}</Link> : 'A page above'}
      <dl className="share-inherited__lists">
        {level.view && (
          <>
            <dt>Can view</dt>
            <dd>{names(level.view)}</dd>
          </>
        )}
        {level.edit && (
          <>
            <dt>Can edit</dt>
            <dd>{names(level.edit)}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
