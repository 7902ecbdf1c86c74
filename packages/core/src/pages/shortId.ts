import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghijkmnopqrstuvwxyz';
const shortIdPattern = /^[0-9a-km-z]{10}$/;

/**
 * A short random id for links (10 characters, about 51 bits): lowercase without the easily
 * confused `l`, so it survives being read aloud or retyped from a screenshot.
 */
export function newShortId(length = 10): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}

/** Whether `value` has the shape of a short id made by `newShortId`. */
export function isValidShortId(value: string): boolean {
  return shortIdPattern.test(value);
}
