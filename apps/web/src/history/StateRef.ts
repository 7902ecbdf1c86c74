/**
 * Which state of a page a comparison side or a selection points at: a revision id, or
 * `current` for the page as it is now.
 */
export type StateRef = string;

export const currentState: StateRef = 'current';
