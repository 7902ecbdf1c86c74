import type { Editor } from '@tiptap/core';
import { useLocation } from 'react-router';
import { useToast } from '../../tree/useToast';
import { HeadingLinkButton } from './HeadingLinkButton';
import { PageLinkMenu } from './PageLinkMenu';
import { useInternalLinkClicks } from './useInternalLinkClicks';
import { useScrollToAnchor } from './useScrollToAnchor';
import './links.css';

interface PageLinksProps {
  editor: Editor;
  /** Must be the `listboxId` the editor's `PageLinksExtension` was configured with. */
  listboxId: string;
  readOnly: boolean;
}

/**
 * Links between pages in the editor: the `[[` page menu, in-app opening of page links, the
 * "copy link" button of headings and scrolling to the `#anchor` of the address.
 */
export function PageLinks({ editor, listboxId, readOnly }: PageLinksProps) {
  const { pathname } = useLocation();
  const [toast, showToast] = useToast();
  useInternalLinkClicks(editor);
  useScrollToAnchor(editor);

  return (
    <>
      {!readOnly && <PageLinkMenu editor={editor} listboxId={listboxId} />}
      <HeadingLinkButton editor={editor} pagePath={pathname} onCopied={showToast} />
      {toast}
    </>
  );
}
