import { parseHTMLBody } from '#parseHTMLBody';

/** Every element of an HTML string with its attributes, as a browser would parse it. */
export function htmlElements(html: string): { tag: string; attrs: Record<string, string> }[] {
  return Array.from(parseHTMLBody(html).querySelectorAll('*')).map((element) => ({
    tag: element.tagName.toLowerCase(),
    attrs: Object.fromEntries(Array.from(element.attributes).map((a) => [a.name, a.value])),
  }));
}
