/** What the bytes of an upload turned out to be. */
export type SniffResult =
  | { readonly accepted: true; readonly mediaType: string }
  | { readonly accepted: false; readonly kind: string };

interface Signature {
  readonly offset: number;
  readonly bytes: readonly (number | null)[];
}

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

const startsWith = (data: Uint8Array, { offset, bytes }: Signature): boolean =>
  data.length >= offset + bytes.length &&
  bytes.every((byte, index) => byte === null || data[offset + index] === byte);

/** Binary formats recognised by their leading bytes, in the order they are tried. */
const binaryFormats: readonly { readonly mediaType: string; readonly signature: Signature }[] = [
  {
    mediaType: 'image/png',
    signature: { offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  },
  { mediaType: 'image/jpeg', signature: { offset: 0, bytes: [0xff, 0xd8, 0xff] } },
  { mediaType: 'image/gif', signature: { offset: 0, bytes: ascii('GIF87a') } },
  { mediaType: 'image/gif', signature: { offset: 0, bytes: ascii('GIF89a') } },
  {
    mediaType: 'image/webp',
    signature: { offset: 0, bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  },
  { mediaType: 'image/avif', signature: { offset: 4, bytes: ascii('ftypavif') } },
  { mediaType: 'image/avif', signature: { offset: 4, bytes: ascii('ftypavis') } },
  // BMP, ID3 and Ogg start with letters; the zero bytes after them keep text files out.
  {
    mediaType: 'image/bmp',
    signature: { offset: 0, bytes: [...ascii('BM'), null, null, null, null, 0, 0, 0, 0] },
  },
  { mediaType: 'application/pdf', signature: { offset: 0, bytes: ascii('%PDF-') } },
  // Office documents (docx, xlsx, pptx, odt…) are zip files and are kept as such.
  { mediaType: 'application/zip', signature: { offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] } },
  { mediaType: 'application/zip', signature: { offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] } },
  { mediaType: 'application/gzip', signature: { offset: 0, bytes: [0x1f, 0x8b] } },
  {
    mediaType: 'application/x-7z-compressed',
    signature: { offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  },
  {
    mediaType: 'audio/wav',
    signature: { offset: 0, bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')] },
  },
  { mediaType: 'audio/mpeg', signature: { offset: 0, bytes: [...ascii('ID3'), null, 0] } },
  { mediaType: 'audio/ogg', signature: { offset: 0, bytes: [...ascii('OggS'), 0] } },
  { mediaType: 'video/webm', signature: { offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3] } },
  { mediaType: 'video/mp4', signature: { offset: 4, bytes: ascii('ftyp') } },
];

/**
 * Native programs: stored nowhere, since a download of one is a way to spread malware. `MZ` is
 * also how some text starts, so it counts only for bytes that are not text.
 */
const programFormats: readonly {
  readonly kind: string;
  readonly signature: Signature;
  readonly binaryOnly?: boolean;
}[] = [
  { kind: 'Windows program', signature: { offset: 0, bytes: ascii('MZ') }, binaryOnly: true },
  { kind: 'Linux program', signature: { offset: 0, bytes: [0x7f, ...ascii('ELF')] } },
  ...[
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ].map((bytes) => ({ kind: 'macOS program', signature: { offset: 0, bytes } })),
];

/** Elements whose appearance first in a text file makes browsers treat it as HTML. */
const htmlOpeners = [
  '!doctype html',
  'html',
  'head',
  'body',
  'script',
  'iframe',
  'style',
  'title',
  'table',
  'div',
  'font',
  'br',
  'p',
  'a',
  'b',
  'h1',
  '!--',
];

/**
 * Decides an upload's media type from its bytes alone. The uploader's Content-Type and file name
 * are ignored on purpose: both are whatever the uploader says, and serving bytes under a type
 * they chose is how stored cross-site scripting happens. Programs are refused; HTML and SVG are
 * recognised so they can be labelled honestly and only ever offered as downloads.
 */
export function sniffMediaType(data: Uint8Array): SniffResult {
  const text = decodeText(data);
  for (const { kind, signature, binaryOnly } of programFormats) {
    if (startsWith(data, signature) && !(binaryOnly && text !== null)) {
      return { accepted: false, kind };
    }
  }
  for (const { mediaType, signature } of binaryFormats) {
    if (startsWith(data, signature)) return { accepted: true, mediaType };
  }
  if (text === null) return { accepted: true, mediaType: 'application/octet-stream' };
  const markup = markupType(text);
  if (markup) return { accepted: true, mediaType: markup };
  return { accepted: true, mediaType: 'text/plain; charset=utf-8' };
}

/** The bytes as text when they are UTF-8 without binary control characters; otherwise null. */
function decodeText(data: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return null;
    // Tab, line feed, form feed, carriage return and escape (terminal colours) occur in text.
    if ((code < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(code)) || code === 0x7f) {
      controls += 1;
    }
  }
  return controls * 100 > text.length ? null : text;
}

/** `image/svg+xml`, `application/xml` or `text/html` when the text is such markup. */
function markupType(text: string): string | null {
  let rest = text.replace(/^\uFEFF/, '');
  const isXml = /^\s*<\?xml[\s?]/i.test(rest);
  // Prologue: declarations, processing instructions, comments and a doctype (possibly with an
  // internal subset) may precede the root element.
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) rest = after(rest, '?>');
    else if (rest.startsWith('<!--')) rest = after(rest, '-->');
    else if (/^<!doctype\s+svg[\s>]/i.test(rest)) {
      const subset = rest.indexOf('[');
      const close = rest.indexOf('>');
      rest = subset !== -1 && subset < close ? after(rest, ']>') : after(rest, '>');
    } else break;
    if (rest === '') break;
  }
  if (/^<([A-Za-z_][\w.-]*:)?svg[\s>/]/.test(rest)) return 'image/svg+xml';
  if (isXml) return 'application/xml';
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  for (const opener of htmlOpeners) {
    if (!start.startsWith(`<${opener}`)) continue;
    const next = start.charAt(opener.length + 1);
    if (opener === '!--' || next === '>' || next === '' || /\s/.test(next)) return 'text/html';
  }
  return null;
}

const after = (text: string, marker: string): string => {
  const index = text.indexOf(marker);
  return index === -1 ? '' : text.slice(index + marker.length);
};
