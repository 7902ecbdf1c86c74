import type { Space, User } from '@lore/api';
import { createExtensions, pageBodyField } from '@lore/schema';
import type { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { Selection } from '@tiptap/pm/state';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { CommentHighlights } from '../discussion/commentHighlights';
import type { MentionablePerson } from '../discussion/discussionApi';
import { AttachmentUploads } from './attachments/AttachmentUploads';
import { BubbleMenu } from './BubbleMenu';
import { CodeBlockLanguageLabel } from './CodeBlockLanguageLabel';
import type { CollabSession } from './CollabSession';
import { cleanPastedHTML } from './cleanPastedHTML';
import { GlossaryHover } from './glossary/GlossaryHover';
import { PageLinks } from './links/PageLinks';
import { PageLinksExtension } from './links/PageLinksExtension';
import { pageLinkMenuKey } from './links/pageLinkMenuPlugin';
import { MentionMenu } from './mentions/MentionMenu';
import { MentionNotice, type UnreadableMention } from './mentions/MentionNotice';
import { MentionsExtension } from './mentions/MentionsExtension';
import { mentionMenuKey } from './mentions/mentionMenuPlugin';
import { SlashMenu } from './slash/SlashMenu';
import { SlashMenuExtension } from './slash/SlashMenuExtension';
import { slashMenuKey } from './slash/slashMenuPlugin';

interface PageBodyProps {
  session: CollabSession;
  user: User;
  readOnly: boolean;
  /** Hands the editor to the page, e.g. so the title can move the focus into the body. */
  onEditor(editor: Editor | null): void;
  /** ArrowUp at the very start of the body: back to the title. */
  onExitTop(): void;
  /** Present when the person may comment: comments on the selected text. */
  onComment?: (() => void) | undefined;
  /** The page's space, to share the page with someone mentioned who cannot read it. */
  space?: Space | null;
}

/**
 * The page body: Tiptap with the one page schema, bound to the session's Y.Doc. Undo and redo
 * come from the Collaboration extension (Yjs undo of your own changes only; the schema has no
 * other history), carets and selections of others are labelled with their names, pasted HTML
 * is cleaned first, and `/` opens the block menu.
 */
export function PageBody({
  session,
  user,
  readOnly,
  onEditor,
  onExitTop,
  onComment,
  space = null,
}: PageBodyProps) {
  const [unreadable, setUnreadable] = useState<readonly UnreadableMention[]>([]);
  const noteMention = useRef((person: MentionablePerson) => {
    if (person.canRead) return;
    setUnreadable((current) =>
      current.some((known) => known.id === person.id)
        ? current
        : [...current, { id: person.id, name: person.name }],
    );
  });
  const exitTop = useRef(onExitTop);
  exitTop.current = onExitTop;
  const listboxId = `slash-menu-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const editor = useEditor(
    {
      extensions: [
        ...createExtensions({ openLinksOnClick: readOnly }),
        Placeholder.configure({
          placeholder: readOnly ? '' : 'Write something, or type / to insert a block…',
        }),
        Collaboration.configure({ document: session.doc, field: pageBodyField }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: { id: user.id, name: user.displayName, color: user.color },
        }),
        SlashMenuExtension.configure({ listboxId }),
        PageLinksExtension.configure({ listboxId: `${listboxId}-pages` }),
        MentionsExtension.configure({
          listboxId: `${listboxId}-people`,
          onMentioned: (person) => noteMention.current(person),
        }),
        CodeBlockLanguageLabel,
        GlossaryHover,
        AttachmentUploads.configure({ pageId: session.pageId }),
        CommentHighlights,
      ],
      editable: !readOnly,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'page-body',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Page content',
          ...(readOnly ? { 'aria-readonly': 'true' } : {}),
        },
        transformPastedHTML: cleanPastedHTML,
        handleKeyDown(view, event) {
          if (
            event.key !== 'ArrowUp' ||
            event.shiftKey ||
            slashMenuKey.getState(view.state)?.active ||
            pageLinkMenuKey.getState(view.state)?.active ||
            mentionMenuKey.getState(view.state)?.active
          )
            return false;
          const { selection, doc } = view.state;
          const inFirstBlock = selection.$from.start() === Selection.atStart(doc).from;
          if (selection.empty && inFirstBlock && view.endOfTextblock('up')) {
            exitTop.current();
            return true;
          }
          return false;
        },
      },
    },
    [],
  );

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  return (
    <>
      <EditorContent editor={editor} className="page-body-container" />
      {!readOnly && <SlashMenu editor={editor} listboxId={listboxId} />}
      <PageLinks editor={editor} listboxId={`${listboxId}-pages`} readOnly={readOnly} />
      {!readOnly && (
        <MentionMenu
          editor={editor}
          pageId={session.pageId}
          listboxId={`${listboxId}-people`}
          onMentioned={(person) => noteMention.current(person)}
        />
      )}
      <MentionNotice
        pageId={session.pageId}
        space={space}
        people={unreadable}
        onDone={(person) =>
          setUnreadable((current) => current.filter((known) => known.id !== person.id))
        }
      />
      {(!readOnly || onComment) && (
        <BubbleMenu editor={editor} formatting={!readOnly} onComment={onComment} />
      )}
    </>
  );
}
