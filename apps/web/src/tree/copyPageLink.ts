import { copyToClipboard } from '../platform/copyToClipboard';

/**
 * Copies the absolute address of `path` (plus `#anchor`) and returns the message to show.
 */
export async function copyPageLink(path: string, anchor?: string): Promise<string> {
  const url = new URL(path, window.location.origin);
  if (anchor) url.hash = anchor;
  return (await copyToClipboard(url.href)) ? 'Link copied' : `Copy this link by hand: ${url.href}`;
}
