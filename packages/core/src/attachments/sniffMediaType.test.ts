import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './sniffMediaType';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? Array.from(new TextEncoder().encode(part)) : part,
    ),
  );
const typeOf = (data: Uint8Array) => {
  const result = sniffMediaType(data);
  return result.accepted ? result.mediaType : `refused: ${result.kind}`;
};

describe('sniffMediaType', () => {
  it('recognises images by their leading bytes', () => {
    expect(typeOf(bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]))).toBe('image/png');
    expect(typeOf(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe('image/jpeg');
    expect(typeOf(bytes('GIF89a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(typeOf(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(typeOf(bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0]))).toBe('image/avif');
    expect(typeOf(bytes('BM', [0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0]))).toBe('image/bmp');
  });

  it('recognises documents, archives and media', () => {
    expect(typeOf(bytes('%PDF-1.7\n%\xe2\xe3'))).toBe('application/pdf');
    expect(typeOf(bytes('PK', [3, 4, 20, 0, 6, 0], '[Content_Types].xml'))).toBe('application/zip');
    expect(typeOf(bytes([0x1f, 0x8b, 8, 0]))).toBe('application/gzip');
    expect(typeOf(bytes([0, 0, 0, 0x20], 'ftypisom'))).toBe('video/mp4');
    expect(typeOf(bytes('ID3', [4, 0, 0]))).toBe('audio/mpeg');
  });

  it('refuses native programs', () => {
    expect(typeOf(bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]))).toBe('refused: Windows program');
    expect(typeOf(bytes([0x7f], 'ELF', [2, 1, 1, 0]))).toBe('refused: Linux program');
    expect(typeOf(bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]))).toBe('refused: macOS program');
  });

  it('does not mistake text that starts with the same letters for a binary format', () => {
    expect(typeOf(bytes('MZ notes: the plan for Q3'))).toBe('text/plain; charset=utf-8');
    expect(typeOf(bytes('BMW service schedule'))).toBe('text/plain; charset=utf-8');
    expect(typeOf(bytes('ID3 tags explained'))).toBe('text/plain; charset=utf-8');
  });

  it('calls valid UTF-8 text plain text, and binary noise octet-stream', () => {
    expect(typeOf(bytes('Grüße, 世界\n\tindented\r\n'))).toBe('text/plain; charset=utf-8');
    expect(typeOf(bytes('#!/bin/sh\necho hi\n'))).toBe('text/plain; charset=utf-8');
    expect(typeOf(bytes([0xc3, 0x28, 0x41]))).toBe('application/octet-stream');
    expect(typeOf(bytes('text', [0], 'with a NUL'))).toBe('application/octet-stream');
    expect(typeOf(bytes([1, 2, 3, 4, 5, 6, 7, 8]))).toBe('application/octet-stream');
  });

  it('recognises SVG by its root element, past declarations, comments and doctypes', () => {
    expect(typeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    const prologue =
      '\uFEFF<?xml version="1.0"?>\n<!-- drawn by hand -->\n' +
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd" [ <!ENTITY a "b"> ]>\n';
    expect(typeOf(bytes(`${prologue}<svg><script>alert(1)</script></svg>`))).toBe('image/svg+xml');
    expect(typeOf(bytes('<?xml version="1.0"?><s:svg xmlns:s="x"/>'))).toBe('image/svg+xml');
    expect(typeOf(bytes('<?xml version="1.0"?><feed/>'))).toBe('application/xml');
    expect(typeOf(bytes('<svgx>not svg</svgx>'))).toBe('text/plain; charset=utf-8');
  });

  it('recognises HTML however it is named or labelled', () => {
    expect(typeOf(bytes('<!DOCTYPE html><title>x</title>'))).toBe('text/html');
    expect(typeOf(bytes('  \n<HTML><body onload=alert(1)>'))).toBe('text/html');
    expect(typeOf(bytes('<script>alert(document.cookie)</script>'))).toBe('text/html');
    expect(typeOf(bytes('<p>hello'))).toBe('text/html');
    expect(typeOf(bytes('<!-- a comment -->hello'))).toBe('text/html');
    expect(typeOf(bytes('<pre-release notes>'))).toBe('text/plain; charset=utf-8');
  });
});
