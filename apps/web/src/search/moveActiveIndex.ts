/**
 * The option a list key press makes active, for lists whose focus stays in a text field
 * (a combobox): ArrowDown and ArrowUp step and wrap around, and from "nothing active" (-1) they
 * start at the first or the last option. Returns `null` for keys the list does not handle, so
 * the caller leaves them to the text field.
 */
export function moveActiveIndex(current: number, key: string, count: number): number | null {
  if (count <= 0) return key === 'ArrowDown' || key === 'ArrowUp' ? -1 : null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 || current >= count ? count - 1 : current - 1;
    case 'PageDown':
      return count - 1;
    case 'PageUp':
      return 0;
    default:
      return null;
  }
}
