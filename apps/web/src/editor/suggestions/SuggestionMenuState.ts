/**
 * What a menu of suggestions opened by typing (`/`, `[[`) is doing: where the trigger and the
 * query typed after it are, and which suggestion is highlighted.
 */
export interface SuggestionMenuState {
  /** A trigger typed here is being followed; false after Escape or when the trigger is gone. */
  active: boolean;
  /** Document range of the trigger and the query after it. */
  from: number;
  to: number;
  query: string;
  /** The highlighted suggestion. */
  index: number;
}
