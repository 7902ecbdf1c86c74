import { useState } from 'react';
import { useCanonicalPath } from '../spaces/useCanonicalPath';
import { copyPageLink } from './copyPageLink';
import { MoveDialog } from './MoveDialog';
import { useToast } from './useToast';

interface PageActionsProps {
  pageId: string;
  pageTitle: string;
  /** The page's space; moving is offered only when it is known and the person may edit. */
  spaceId: string | null;
  canMove: boolean;
}

/** The page's "Copy link" and "Move…" buttons in its header. */
export function PageActions({ pageId, pageTitle, spaceId, canMove }: PageActionsProps) {
  const path = useCanonicalPath(pageId);
  const [moving, setMoving] = useState(false);
  const [toast, showToast] = useToast();

  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={async () => showToast(await copyPageLink(path ?? window.location.pathname))}
      >
        Copy link
      </button>
      {canMove && spaceId && (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-haspopup="dialog"
          onClick={() => setMoving(true)}
        >
          Move…
        </button>
      )}
      {moving && spaceId && (
        <MoveDialog
          pageId={pageId}
          pageTitle={pageTitle}
          spaceId={spaceId}
          onClose={() => setMoving(false)}
          onMoved={(message) => {
            setMoving(false);
            showToast(message);
          }}
        />
      )}
      {toast}
    </>
  );
}
