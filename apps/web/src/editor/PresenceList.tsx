import type { Awareness } from 'y-protocols/awareness';
import { Avatar } from '../components/Avatar';
import { usePresence } from './usePresence';

/** The avatars of everyone on the page, with their names for assistive technology. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const present = usePresence(awareness);
  if (present.length === 0) return null;
  return (
    <ul className="presence" aria-label="On this page">
      {present.map((person) => {
        const label = person.isSelf ? `${person.name} (you)` : person.name;
        return (
          <li key={person.key} className="presence__person" title={label}>
            <Avatar name={person.name} color={person.color} />
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
