import type { Space } from '@lore/api';
import { Dialog } from '../components/Dialog';
import { PeopleSection } from './PeopleSection';
import { PublicLinkSection } from './PublicLinkSection';
import { shareShortcut } from './shareShortcut';
import './share.css';

interface ShareDialogProps {
  pageId: string;
  pageTitle: string;
  space: Space;
  canEdit: boolean;
  onClose(): void;
}

/** Who can see and edit a page, its restrictions, and its public links. */
export function ShareDialog({ pageId, pageTitle, space, canEdit, onClose }: ShareDialogProps) {
  return (
    <Dialog title={`Share “${pageTitle}”`} onCancel={onClose} size="wide">
      <div className="share-dialog">
        <PeopleSection pageId={pageId} space={space} canEdit={canEdit} />
        <PublicLinkSection pageId={pageId} canEdit={canEdit} />
        <div className="form__actions share-dialog__footer">
          <span className="muted share-dialog__shortcut">
            Open this dialog with <kbd>{shareShortcut.label}</kbd>
          </span>
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  );
}
