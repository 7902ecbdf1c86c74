import type { Person } from '@lore/api';
import { Avatar } from '../components/Avatar';

interface PeopleListProps {
  people: readonly Person[];
  /** Said before the names to screen readers, e.g. "Edited by". */
  label: string;
}

/** Avatars and names of a few people; past three, the rest are counted. */
export function PeopleList({ people, label }: PeopleListProps) {
  const shown = people.slice(0, 3);
  const more = people.length - shown.length;
  const names = people.map((person) => person.displayName).join(', ');
  return (
    <span className="history-people" title={`${label} ${names}`}>
      <span className="history-people__avatars" aria-hidden="true">
        {shown.map((person) => (
          <Avatar key={person.id} name={person.displayName} color={person.color} />
        ))}
      </span>
      <span className="history-people__names">
        <span className="visually-hidden">{label} </span>
        {shown.map((person) => person.displayName).join(', ')}
        {more > 0 ? ` and ${more} more` : ''}
      </span>
    </span>
  );
}
