/**
 * Parses an HTML string into an inert document body with the browser's own parser: scripts
 * never run and nothing is fetched.
 */
export function parseHTMLBody(html: string): HTMLElement {
  return new DOMParser().parseFromString(html, 'text/html').body;
}
