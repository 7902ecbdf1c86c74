/** Presence colors with enough contrast for white caret labels in light and dark themes. */
export const presenceColors = [
  '#1f6feb',
  '#8250df',
  '#bf3989',
  '#cf222e',
  '#bc4c00',
  '#1a7f37',
  '#0a7480',
  '#6e40c9',
] as const;

/** A stable color for a user, derived from their id so it does not change between sessions. */
export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return presenceColors[hash % presenceColors.length] ?? presenceColors[0];
}
