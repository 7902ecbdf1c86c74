import { isMarkdownPath } from './isMarkdownPath';

/** One page an import makes or updates. */
export interface PlannedPage {
  /**
   * Identity across re-imports: the Markdown file's path, or `folder/` for a folder's own page
   * (whether it comes from its `index.md`, its `README.md` or from nothing).
   */
  readonly key: string;
  readonly parentKey: string | null;
  /** The Markdown file holding its content; null for a folder without an index file. */
  readonly file: string | null;
  /** The title when the content names none: the file name without extension, or the folder name. */
  readonly fallbackTitle: string;
}

/** The page tree an import makes, parents before their children, siblings in name order. */
export interface ImportTreePlan {
  readonly pages: readonly PlannedPage[];
  /** Markdown file path → key of the page it became. */
  readonly keyOfFile: ReadonlyMap<string, string>;
  /** Folder path (no trailing slash) → key of the folder's page. */
  readonly keyOfFolder: ReadonlyMap<string, string>;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const dirname = (path: string) => {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
};
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Plans the page tree for a folder of Markdown files (given as relative paths; other files are
 * ignored here). Every file becomes a page; every folder holding Markdown (directly or deeper)
 * becomes the parent page of its contents, with `index.md` or else `README.md` (any case) as its
 * own content, or no content and the folder's name as title. Files at the top become top-level
 * pages, including a top-level `index.md`.
 */
export function planImportTree(paths: readonly string[]): ImportTreePlan {
  const markdown = [...new Set(paths.filter(isMarkdownPath))];
  const folders = new Set<string>();
  for (const file of markdown) {
    for (let dir = dirname(file); dir !== ''; dir = dirname(dir)) folders.add(dir);
  }
  const filesIn = new Map<string, string[]>();
  for (const file of markdown) {
    const dir = dirname(file);
    filesIn.set(dir, [...(filesIn.get(dir) ?? []), file]);
  }
  const indexOf = new Map<string, string>();
  for (const dir of folders) {
    const files = filesIn.get(dir) ?? [];
    const pick = (name: string) =>
      files.filter((file) => basename(file).toLowerCase() === name).sort()[0];
    const index = pick('index.md') ?? pick('readme.md');
    if (index !== undefined) indexOf.set(dir, index);
  }
  const keyOfFile = new Map<string, string>();
  const keyOfFolder = new Map<string, string>();
  for (const dir of folders) keyOfFolder.set(dir, `${dir}/`);
  for (const file of markdown) keyOfFile.set(file, file);
  for (const [dir, index] of indexOf) keyOfFile.set(index, `${dir}/`);

  const children = new Map<
    string,
    { name: string; folder: string | null; file: string | null }[]
  >();
  const addChild = (
    dir: string,
    child: { name: string; folder: string | null; file: string | null },
  ) => children.set(dir, [...(children.get(dir) ?? []), child]);
  for (const dir of folders)
    addChild(dirname(dir), { name: basename(dir), folder: dir, file: null });
  for (const file of markdown) {
    const dir = dirname(file);
    if (indexOf.get(dir) === file) continue;
    addChild(dir, { name: basename(file), folder: null, file });
  }

  const pages: PlannedPage[] = [];
  const visit = (dir: string, parentKey: string | null) => {
    const entries = (children.get(dir) ?? []).sort(
      (a, b) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : 1),
    );
    for (const entry of entries) {
      if (entry.folder !== null) {
        const key = `${entry.folder}/`;
        pages.push({
          key,
          parentKey,
          file: indexOf.get(entry.folder) ?? null,
          fallbackTitle: entry.name,
        });
        visit(entry.folder, key);
      } else if (entry.file !== null) {
        pages.push({
          key: entry.file,
          parentKey,
          file: entry.file,
          fallbackTitle: entry.name.replace(/\.(md|markdown)$/i, ''),
        });
      }
    }
  };
  visit('', null);
  return { pages, keyOfFile, keyOfFolder };
}
