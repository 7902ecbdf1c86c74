import type { Revision } from '@lore/api';

/**
 * Why a revision exists, in words for the history list: "Saved automatically", "Restored from
 * version 3"… `numberOf` finds the number of another revision (for restores) when it is known.
 */
export function describeRevision(
  revision: Revision,
  numberOf: (revisionId: string) => number | undefined,
): string {
  switch (revision.kind) {
    case 'auto':
      return 'Saved automatically';
    case 'manual':
      return 'Saved by hand';
    case 'before-restore':
      return 'Before a restore';
    case 'before-import':
      return 'Before an import';
    case 'restore': {
      const number = revision.restoredFrom === null ? undefined : numberOf(revision.restoredFrom);
      return number === undefined
        ? 'Restored from an earlier version'
        : `Restored from version ${number}`;
    }
  }
}

/** A short name for a revision in pickers and headings: its name, else "Version N". */
export function revisionTitle(revision: Revision): string {
  return revision.name
    ? `Version ${revision.number}: ${revision.name}`
    : `Version ${revision.number}`;
}
