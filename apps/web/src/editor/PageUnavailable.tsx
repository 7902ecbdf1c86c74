import { NoAccessPage } from '../access/NoAccessPage';

/**
 * What is left of a page that does not exist, was deleted, or that the reader may not (or no
 * longer) see: nothing about it, and whom to ask.
 */
export function PageUnavailable() {
  return <NoAccessPage reason="not-found" what="page" />;
}
