/** The page body: the Y.XmlFragment Tiptap's Collaboration extension edits by default. */
export const pageBodyField = 'default';
/** The page title, a Y.Text edited in place by every viewer. */
export const pageTitleField = 'title';
