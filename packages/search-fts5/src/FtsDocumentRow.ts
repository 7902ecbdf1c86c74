/** A page as the index stores it (table `search_docs`); tags and path are JSON lists. */
export interface FtsDocumentRow {
  rowid: number;
  page_id: string;
  short_id: string;
  space_id: string;
  title: string;
  headings: string;
  body: string;
  tags: string;
  path: string;
  updated_at: number;
  views: number;
}

/** A JSON list column of `search_docs` as strings (empty when it is not a list). */
export function storedList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
}
