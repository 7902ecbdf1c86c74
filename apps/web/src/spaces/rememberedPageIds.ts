/** Where the page id of each short id opened on this device is kept, for opening it offline. */
const storageKey = (shortId: string) => `lore:page-id:${shortId}`;

/** Remembers which page a short id names; short ids never change, so this never goes stale. */
export function rememberPageId(shortId: string, pageId: string): void {
  try {
    localStorage.setItem(storageKey(shortId), pageId);
  } catch {
    // Storage full or disabled: the page then needs the network to open by its address.
  }
}

/** The page id remembered for a short id, if the page was opened here before. */
export function rememberedPageId(shortId: string): string | null {
  try {
    return localStorage.getItem(storageKey(shortId));
  } catch {
    return null;
  }
}
