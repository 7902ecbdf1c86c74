/** Whether an imported file is a Markdown page (`.md` or `.markdown`, any case). */
export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}
