// The search screens still name these types from here; everything else imports `@lore/api`.
export type { Space, User } from '@lore/api';
