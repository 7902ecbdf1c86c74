import type { Space } from '@lore/api';
import { useEffect, useState } from 'react';
import { ShareDialog } from './ShareDialog';
import { shareShortcut } from './shareShortcut';

interface ShareButtonProps {
  pageId: string;
  pageTitle: string;
  space: Space;
  canEdit: boolean;
}

/** The page header's "Share" button, also opened with its keyboard shortcut. */
export function ShareButton({ pageId, pageTitle, space, canEdit }: ShareButtonProps) {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!shareShortcut.matches(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-haspopup="dialog"
        aria-keyshortcuts={shareShortcut.aria}
        title={`Share (${shareShortcut.label})`}
        onClick={() => setOpen(true)}
      >
        Share
      </button>
      {open && (
        <ShareDialog
          pageId={pageId}
          pageTitle={pageTitle}
          space={space}
          canEdit={canEdit}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
