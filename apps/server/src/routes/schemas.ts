import { errorSchema } from '@lore/api';

/** A documented error answer: its description and the shape every error body has. */
export const errorResponse = (description: string) => ({ description, schema: errorSchema });
