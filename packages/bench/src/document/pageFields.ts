/** The page body: the Y.XmlFragment Tiptap's Collaboration extension edits (Lore accepts only it and `title`). */
export const bodyField = 'default';
/** The page title, a Y.Text. */
export const titleField = 'title';
/** The ProseMirror node the body text lives in. */
export const paragraphNode = 'paragraph';
