/** Lower-cases A–Z only, as SQLite's `lower()` does, so every audit store matches text alike. */
export function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
