import type { Space, TreeNode } from '@lore/api';
import { pageBodyField } from '@lore/schema';
import type { Editor } from '@tiptap/core';
import { Selection } from '@tiptap/pm/state';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ReadOnlyBanner } from '../access/ReadOnlyBanner';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError } from '../components/FormError';
import { DiscussionSidebar } from '../discussion/DiscussionSidebar';
import { DiscussionToggle } from '../discussion/DiscussionToggle';
import { PageReactions } from '../discussion/PageReactions';
import { useDiscussion } from '../discussion/useDiscussion';
import { useDiscussionInEditor } from '../discussion/useDiscussionInEditor';
import { useThreadFromAddress } from '../discussion/useThreadFromAddress';
import { HistoryControls } from '../history/HistoryControls';
import { HistoryPanel } from '../history/HistoryPanel';
import { useHistoryState } from '../history/useHistoryState';
import { SinceLastVisitBanner } from '../home/SinceLastVisitBanner';
import { WatchButton } from '../notifications/WatchButton';
import { useCurrentUser } from '../session/useCurrentUser';
import { useSession } from '../session/useSession';
import { ShareButton } from '../share/ShareButton';
import { displayTitle } from '../spaces/displayTitle';
import { findTreePath } from '../spaces/findTreePath';
import { PageAddress } from '../spaces/PageAddress';
import { type PageLocationState, useCreatePage } from '../spaces/useCreatePage';
import { useSpaces } from '../spaces/useSpaces';
import { PageTags } from '../tags/PageTags';
import { PageActions } from '../tree/PageActions';
import { PageIconButton } from '../tree/PageIconButton';
import { BacklinksPanel } from './links/BacklinksPanel';
import { PageBody } from './PageBody';
import { PageHeader } from './PageHeader';
import { PageUnavailable } from './PageUnavailable';
import { TitleField } from './TitleField';
import { useCollabSession, useCollabSnapshot } from './useCollabSession';
import { usePageInfo } from './usePageInfo';
import './editor.css';

/** How long the server waits before it copies a title edit into the page list, plus margin. */
const titleMirrorDelayMs = 1500;

/**
 * Puts the caret at the start of the body at once. Tiptap's `focus` command waits a frame,
 * and keys typed in that frame would still land in the title.
 */
function focusBodyStart(editor: Editor | null): void {
  if (!editor) return;
  const { state, view } = editor;
  view.dispatch(state.tr.setSelection(Selection.atStart(state.doc)).scrollIntoView());
  view.focus();
}

/**
 * `/<space>/<slug>-<shortId>` (and `/pages/:pageId`, `/s/:shortId`): one page, edited together
 * in real time (and offline).
 */
export function EditorPage() {
  const { pageId, pageSlug } = useParams();
  return (
    <PageAddress reference={pageSlug ?? pageId ?? ''}>
      {(id) => <PageEditor key={id} pageId={id} />}
    </PageAddress>
  );
}

function PageEditor({ pageId }: { pageId: string }) {
  const user = useCurrentUser();
  const { reload } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { trees, liveTitles, setLiveTitle, refresh, spaces, trashPage } = useSpaces();
  const createPage = useCreatePage();
  const session = useCollabSession(pageId);
  const snapshot = useCollabSnapshot(session);
  const info = usePageInfo(pageId);
  const history = useHistoryState();
  const titleId = useId();
  const editor = useRef<Editor | null>(null);
  const [title, setTitle] = useState('');
  const [confirmingTrash, setConfirmingTrash] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  // The server says what this person may do with the page (space role and every restriction).
  const access =
    info.status !== 'ready'
      ? 'unknown'
      : info.access === 'edit' || info.access === 'admin'
        ? 'edit'
        : 'read';
  const readOnly = access === 'read';
  const canComment = info.status === 'ready' && ['comment', 'edit', 'admin'].includes(info.access);
  const [editorInstance, setEditorInstance] = useState<Editor | null>(null);
  const discussion = useDiscussion(pageId, info.status === 'ready');
  const threadsData = discussion.threads.data;
  const threads = useMemo(() => threadsData?.threads ?? [], [threadsData]);
  const comments = useDiscussionInEditor(editorInstance, threads, canComment);
  useThreadFromAddress(location.search, editorInstance, threads, comments);
  const openThreads = threads.filter((thread) => thread.state === 'open').length;
  const focusTitle = (location.state as PageLocationState | null)?.focusTitle === true;
  const terminal = snapshot.terminal;

  // The sidebar shows the title as it is typed, here and for everyone else on the page.
  useEffect(() => {
    setLiveTitle(pageId, title);
  }, [pageId, title, setLiveTitle]);
  useEffect(
    () => () => {
      setLiveTitle(pageId, null);
      setTimeout(() => void refresh(), titleMirrorDelayMs);
    },
    [pageId, setLiveTitle, refresh],
  );

  // The session expired: ask again who is signed in, which leads to the login page.
  useEffect(() => {
    if (terminal?.code === 4401) reload();
  }, [terminal, reload]);

  const onEditor = useCallback((instance: Editor | null) => {
    editor.current = instance;
    setEditorInstance(instance);
  }, []);

  if (info.status === 'missing' || terminal?.code === 4403 || terminal?.code === 4404) {
    return <PageUnavailable />;
  }

  // Where the page sits: from the API when online, else from the trees loaded earlier.
  let space: Space | null = info.status === 'ready' ? info.space : null;
  let ancestors: TreeNode[] = [];
  for (const [spaceId, tree] of trees) {
    const path = findTreePath(tree, pageId);
    if (!path) continue;
    ancestors = path.slice(0, -1);
    space ??= spaces?.find((candidate) => candidate.id === spaceId) ?? null;
  }

  const canChange = !readOnly && space !== null && info.status === 'ready';
  const addSubpage = async () => {
    if (!space) return;
    setActionError(null);
    try {
      await createPage(space, pageId);
    } catch (failure) {
      setActionError(failure instanceof Error ? failure.message : 'The page could not be created.');
    }
  };

  const showsEmptyOffline =
    snapshot.connection === 'offline' &&
    snapshot.loadedLocally &&
    !snapshot.syncedOnce &&
    session !== null &&
    session.doc.getXmlFragment(pageBodyField).length === 0 &&
    title === '';

  return (
    <div className="editor-page">
      <title>{`${displayTitle(title)} · Lore`}</title>
      <PageHeader
        session={session}
        connection={snapshot.connection}
        space={space}
        ancestors={ancestors}
        liveTitles={liveTitles}
        readOnly={readOnly}
        onAddSubpage={canChange ? addSubpage : undefined}
        onTrash={canChange ? () => setConfirmingTrash(true) : undefined}
        history={<HistoryControls pageId={pageId} doc={session?.doc ?? null} history={history} />}
        actions={
          <>
            <PageReactions pageId={pageId} discussion={discussion} canReact={canComment} />
            <DiscussionToggle
              open={comments.open}
              openThreads={openThreads}
              onToggle={() => comments.setOpen(!comments.open)}
            />
            {info.status === 'ready' && <WatchButton pageId={pageId} />}
            {info.status === 'ready' && (
              <ShareButton
                pageId={pageId}
                pageTitle={displayTitle(title)}
                space={info.space}
                canEdit={access === 'edit'}
              />
            )}
            <PageActions
              pageId={pageId}
              pageTitle={displayTitle(title)}
              spaceId={space?.id ?? null}
              canMove={canChange}
            />
          </>
        }
      />
      <FormError message={actionError} />
      {readOnly && space && <ReadOnlyBanner space={space.id} />}
      {info.status === 'ready' && <SinceLastVisitBanner pageId={pageId} />}
      {terminal && terminal.code !== 4401 && (
        <div className="editor-banner" role="alert">
          <p>
            The server closed this page's connection
            {terminal.reason ? ` (${terminal.reason})` : ''}. Changes made since are kept on this
            device.
          </p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => window.location.reload()}
          >
            Reload
          </button>
        </div>
      )}
      {showsEmptyOffline && (
        <div className="editor-banner" role="status">
          <p>
            This page has not been opened on this device before, so there is no copy of it here yet.
            It will appear when the connection returns.
          </p>
        </div>
      )}
      {session && (
        <article className="editor-page__document" aria-labelledby={titleId}>
          <h1 className="visually-hidden">{displayTitle(title)}</h1>
          <PageIconButton pageId={pageId} readOnly={!canChange} />
          <TitleField
            id={titleId}
            text={session.title}
            readOnly={readOnly}
            autoFocus={focusTitle && !readOnly && snapshot.syncedOnce}
            onChange={setTitle}
            onLeave={() => focusBodyStart(editor.current)}
          />
          <PageTags pageId={pageId} readOnly={!canChange} />
          <PageBody
            // The editor's extensions depend on it: rebuilt when access turns out read-only.
            key={readOnly ? 'read' : 'edit'}
            session={session}
            user={user}
            readOnly={readOnly}
            onEditor={onEditor}
            onExitTop={() => document.getElementById(titleId)?.focus()}
            onComment={canComment ? comments.startDraft : undefined}
            space={space}
          />
        </article>
      )}
      {comments.open && (
        <DiscussionSidebar
          pageId={pageId}
          space={space}
          discussion={discussion}
          canComment={canComment}
          draft={comments.draft}
          onDraftDone={comments.endDraft}
          activeThreadId={comments.activeThreadId}
          onSelectThread={comments.selectThread}
          positionOf={comments.positionOf}
          onClose={() => comments.setOpen(false)}
        />
      )}
      {session && <BacklinksPanel pageId={pageId} />}
      {history.state.open && (
        <HistoryPanel
          pageId={pageId}
          doc={session?.doc ?? null}
          canEdit={!readOnly}
          history={history}
        />
      )}
      {confirmingTrash && (
        <ConfirmDialog
          title="Move this page to the trash?"
          confirmLabel="Move to trash"
          onCancel={() => setConfirmingTrash(false)}
          onConfirm={async () => {
            await trashPage(pageId);
            setConfirmingTrash(false);
            navigate(space ? `/spaces/${space.slug}` : '/');
          }}
        >
          <p>
            “{displayTitle(title)}” and its subpages go to the trash of{' '}
            {space ? `“${space.name}”` : 'its space'}. Anyone who can edit the space can restore
            them from there.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
