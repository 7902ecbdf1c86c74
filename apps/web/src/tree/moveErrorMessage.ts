import type { ApiError } from '../api/ApiError';

/** What to tell someone whose move the server refused. */
export function moveErrorMessage(error: ApiError): string {
  switch (error.code) {
    case 'move_cycle':
      return 'A page cannot be moved into one of its own subpages.';
    case 'page_not_found':
    case 'parent_not_found':
      return 'The page or the place it was moved to no longer exists.';
    case 'invalid_position':
      return 'The pages around that place changed meanwhile. Try again.';
    default:
      return error.status === 403
        ? 'You cannot move pages.'
        : `The page was not moved: ${error.message}`;
  }
}
