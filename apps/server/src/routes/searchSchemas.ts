import { z } from 'zod';

/** A query parameter given once or repeated (`?tag=a&tag=b`), as a list. */
export const repeatable = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(20)])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
