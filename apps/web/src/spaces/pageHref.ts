/**
 * Where in-app links to a page point: its canonical address, or `/pages/<id>` for data from a
 * server that does not send addresses yet (an older server, or a page cached offline).
 */
export function pageHref(page: { id: string; url?: string | undefined }): string {
  return page.url || `/pages/${page.id}`;
}
