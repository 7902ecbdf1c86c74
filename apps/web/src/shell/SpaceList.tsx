import { NavLink } from 'react-router';

/** A space as the sidebar needs it. */
export interface SpaceLink {
  id: string;
  name: string;
  /** Where the link goes, e.g. `/s/engineering`. */
  to: string;
}

/** The spaces in the sidebar, or a plain note when there are none. */
export function SpaceList({ spaces }: { spaces: readonly SpaceLink[] }) {
  if (spaces.length === 0) {
    return (
      <div className="space-list__empty">
        <p className="space-list__empty-title">No spaces yet</p>
        <p>Spaces group related pages. They will be listed here.</p>
      </div>
    );
  }
  return (
    <ul className="sidebar__links">
      {spaces.map((space) => (
        <li key={space.id}>
          <NavLink to={space.to} className="sidebar__link">
            <span className="space-list__dot" aria-hidden="true" />
            {space.name}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
