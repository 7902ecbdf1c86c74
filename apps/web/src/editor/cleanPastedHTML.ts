import { documentLimits, isSafeImageSrc } from '@lore/schema';

/**
 * Attributes worth keeping on pasted HTML: what the page schema reads (links, images, table
 * spans, list starts, task and callout markers) and nothing that only styled the source.
 */
const keptAttributes = new Set([
  'href',
  'src',
  'alt',
  'title',
  'colspan',
  'rowspan',
  'start',
  'checked',
  'type',
  'style',
]);

/** Inline style properties that carry meaning the schema turns into marks. */
const keptStyles = new Set([
  'font-weight',
  'font-style',
  'text-decoration',
  'text-decoration-line',
]);

const wordListStyle = /mso-list:\s*l(\d+)\s+level(\d+)/i;
const orderedMarker = /^(\d{1,3}|[a-z]{1,3}|[ivxlcdm]{1,6})[.)]$/i;

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function removeComments(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** Office's own XML elements: `o:p` holds only spacing, `v:*` are drawings; others wrap text. */
function removeOfficeElements(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    if (!tag.includes(':')) continue;
    if (tag === 'o:p' || tag.startsWith('v:')) element.remove();
    else unwrap(element);
  }
}

/** Word draws list bullets as text inside `mso-list:Ignore` spans; turn its paragraphs into lists. */
function convertWordLists(root: Element): void {
  const doc = root.ownerDocument;
  const isListParagraph = (node: Element | null): node is HTMLElement =>
    node !== null && node.tagName === 'P' && wordListStyle.test(node.getAttribute('style') ?? '');

  for (const first of Array.from(root.querySelectorAll('p'))) {
    if (!first.isConnected || !isListParagraph(first)) continue;
    if (isListParagraph(first.previousElementSibling)) continue;

    const run: HTMLElement[] = [];
    for (let node: Element | null = first; isListParagraph(node); node = node.nextElementSibling) {
      run.push(node);
    }
    const stack: { level: number; list: HTMLElement }[] = [];
    const anchor = doc.createElement('div');
    first.before(anchor);
    let listId: string | null = null;
    for (const paragraph of run) {
      const style = wordListStyle.exec(paragraph.getAttribute('style') ?? '');
      const level = Number(style?.[2] ?? 1);
      // Word numbers its lists (l0, l1…): a new number is a new list, even right after another.
      if (style?.[1] !== listId) stack.length = 0;
      listId = style?.[1] ?? null;
      const ignored = paragraph.querySelector('[style*="mso-list"][style*="Ignore" i]');
      const marker = (ignored?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
      const tag = orderedMarker.test(marker) ? 'OL' : 'UL';
      ignored?.remove();
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > level) stack.pop();
      let top = stack[stack.length - 1];
      if (top && top.level === level && top.list.tagName !== tag) {
        stack.pop();
        top = stack[stack.length - 1];
      }
      if (!top || top.level < level) {
        const list = doc.createElement(tag.toLowerCase());
        if (top) {
          const parentItem =
            top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'));
          parentItem.append(list);
        } else {
          anchor.append(list);
        }
        top = { level, list };
        stack.push(top);
      }
      const item = doc.createElement('li');
      item.append(...Array.from(paragraph.childNodes));
      top.list.append(item);
      paragraph.remove();
    }
    unwrap(anchor);
  }
}

/** Google Docs marks checklist items as `li[role=checkbox]`; the schema calls them task items. */
function convertDocsChecklists(root: Element): void {
  for (const list of Array.from(root.querySelectorAll('ul'))) {
    const items = Array.from(list.children).filter((child) => child.tagName === 'LI');
    if (items.length === 0 || !items.every((item) => item.getAttribute('role') === 'checkbox')) {
      continue;
    }
    list.setAttribute('data-type', 'taskList');
    for (const item of items) {
      item.setAttribute('data-type', 'taskItem');
      item.setAttribute(
        'data-checked',
        item.getAttribute('aria-checked') === 'true' ? 'true' : 'false',
      );
    }
  }
}

/** A list directly inside a list (as Google Docs nests) belongs in the item before it. */
function nestStrayLists(root: Element): void {
  for (const list of Array.from(root.querySelectorAll('ul > ul, ul > ol, ol > ul, ol > ol'))) {
    const previous = list.previousElementSibling;
    if (previous?.tagName === 'LI') previous.append(list);
  }
}

function cleanStyle(element: Element): void {
  const style = element.getAttribute('style');
  if (style === null) return;
  const kept = style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => {
      const property = declaration.split(':')[0]?.trim().toLowerCase() ?? '';
      return keptStyles.has(property);
    });
  if (kept.length === 0) element.removeAttribute('style');
  else element.setAttribute('style', kept.join('; '));
}

function cleanAttributes(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const { name } of Array.from(element.attributes)) {
      if (!keptAttributes.has(name) && !name.startsWith('data-')) element.removeAttribute(name);
    }
    cleanStyle(element);
  }
}

function isBlank(element: Element): boolean {
  const text = (element.textContent ?? '').replace(/[\u00a0\s]/g, '');
  return text === '' && element.querySelector('img, hr, table, input') === null;
}

/**
 * Cleans HTML pasted from Word, Google Docs and web pages before the editor parses it with
 * the page schema: drops comments, `<meta>`/`<style>`/`<script>`, Office XML elements and the
 * bullet glyphs Word writes as text, unwraps Google Docs' bold-but-not-bold wrapper, turns
 * Word list paragraphs and Docs checklists into real lists, strips classes, ids and styling
 * (keeping only bold/italic/underline/strike styles, which the schema reads as marks) and
 * removes empty paragraphs.
 */
/**
 * Elements nested deeper than this are unwrapped (their content kept), so that what is pasted
 * stays within the page's depth limit: each document level takes at least one element, and a
 * few levels are left for wrappers the schema adds (a list around a stray item).
 */
const pasteDepthLimit = documentLimits.maxDepth - 4;

/** Unwraps every element deeper than {@link pasteDepthLimit}, deepest first, without recursion. */
function flattenDeepElements(body: HTMLElement): void {
  const tooDeep: Element[] = [];
  const stack: [Element, number][] = [[body, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    if (depth > pasteDepthLimit) tooDeep.push(element);
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  for (let index = tooDeep.length - 1; index >= 0; index--) {
    const element = tooDeep[index] as Element;
    // Words of neighbouring blocks stay apart once their elements are gone.
    element.before(element.ownerDocument.createTextNode(' '));
    unwrap(element);
  }
}

export function cleanPastedHTML(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  flattenDeepElements(body);
  removeComments(body);
  for (const element of Array.from(
    body.querySelectorAll('meta, style, link, title, script, template, xml, colgroup, col'),
  )) {
    element.remove();
  }
  removeOfficeElements(body);
  convertWordLists(body);
  // Numbered headings keep Word's number glyphs too; the text without them is what counts.
  for (const glyph of Array.from(body.querySelectorAll('[style*="mso-list"][style*="Ignore" i]'))) {
    glyph.remove();
  }
  convertDocsChecklists(body);
  nestStrayLists(body);

  // Google Docs wraps everything in <b style="font-weight:normal" id="docs-internal-guid-…">.
  for (const bold of Array.from(body.querySelectorAll('b, strong'))) {
    const weight = (bold as HTMLElement).style?.fontWeight ?? '';
    if (bold.id.startsWith('docs-internal-guid') || weight === 'normal' || weight === '400') {
      unwrap(bold);
    }
  }
  for (const br of Array.from(body.querySelectorAll('br.Apple-interchange-newline'))) br.remove();
  // Pictures from the clipboard's source (file:, data:, cid:) cannot be loaded here; their
  // description keeps the information.
  for (const image of Array.from(body.querySelectorAll('img'))) {
    if (!isSafeImageSrc(image.getAttribute('src'))) {
      image.replaceWith(doc.createTextNode(image.getAttribute('alt') ?? ''));
    }
  }

  cleanAttributes(body);

  for (const element of Array.from(body.querySelectorAll('span, font'))) {
    if (!element.hasAttribute('style')) unwrap(element);
  }
  for (const anchor of Array.from(body.querySelectorAll('a:not([href])'))) unwrap(anchor);
  for (const paragraph of Array.from(body.querySelectorAll('p, h1, h2, h3, h4, h5, h6'))) {
    if (isBlank(paragraph)) paragraph.remove();
  }
  // Line breaks between blocks (Google Docs puts them there) are not part of any paragraph.
  for (const br of Array.from(body.querySelectorAll(':scope > br'))) br.remove();
  return body.innerHTML;
}
