import { formatNameList } from '../format/formatNameList';
import { useSpaceAdminNames } from './useAdminsToAsk';

/** Above a page the person may read but not edit: says so, and whom to ask. */
export function ReadOnlyBanner({ space }: { space: string }) {
  const admins = useSpaceAdminNames(space);
  return (
    <div className="editor-banner" role="status">
      <p>
        You can read this page
        {admins.names.length > 0 ? (
          <>
            ; ask <strong>{formatNameList(admins.names)}</strong> to edit it
          </>
        ) : (
          '; ask a space admin to edit it'
        )}
        .
      </p>
    </div>
  );
}
