import { useContext } from 'react';
import { type Spaces, SpacesContext } from './SpacesContext';

/** Spaces, page trees and the actions that change them. Needs a `SpacesProvider` above. */
export function useSpaces(): Spaces {
  const spaces = useContext(SpacesContext);
  if (!spaces) throw new Error('useSpaces must be used inside a SpacesProvider');
  return spaces;
}
