import { CloseIcon } from '../components/CloseIcon';
import { type Principal, principalKey } from './Principal';
import './PrincipalChips.css';

interface PrincipalChipsProps {
  /** What the list is, for screen readers: "Can view". */
  label: string;
  principals: readonly Principal[];
  /** Absent for a list that cannot be changed here. */
  onRemove?: (principal: Principal) => void;
  /** Said when the list is empty. */
  empty: string;
}

/** People and groups as a row of chips, each with a remove button when the list can change. */
export function PrincipalChips({ label, principals, onRemove, empty }: PrincipalChipsProps) {
  if (principals.length === 0) return <p className="principal-chips__empty">{empty}</p>;
  return (
    <ul className="principal-chips" aria-label={label}>
      {principals.map((principal) => (
        <li key={principalKey(principal)} className="principal-chip">
          {principal.kind === 'group' && <span className="principal-chip__kind">Group</span>}
          <span className="principal-chip__name">{principal.name}</span>
          {onRemove && (
            <button
              type="button"
              className="principal-chip__remove"
              aria-label={`Remove ${principal.name} from “${label}”`}
              onClick={() => onRemove(principal)}
            >
              <CloseIcon />
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
