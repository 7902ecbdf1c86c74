import { isApplePlatform } from '../platform/isApplePlatform';

/** The keys that open the Share dialog of the page being viewed, as ARIA and as shown. */
export const shareShortcut = {
  aria: 'Alt+Shift+S',
  label: isApplePlatform ? '⌥⇧S' : 'Alt+Shift+S',
  /** By physical key, since Option+S types a character on Apple keyboards. */
  matches: (event: KeyboardEvent) =>
    event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyS',
};
