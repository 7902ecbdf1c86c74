/**
 * Attributes for the editable element while a menu is open: it points at the listbox and the
 * highlighted option (`${listboxId}-<index>`), so screen readers announce the choice while focus
 * stays in the text.
 */
export function activeOptionAttributes(listboxId: string, index: number): Record<string, string> {
  return {
    'aria-controls': listboxId,
    'aria-activedescendant': `${listboxId}-${index}`,
    'aria-autocomplete': 'list',
  };
}
