import { describe, expect, it } from 'vitest';
import { maxFilenameLength, sanitizeFilename } from './sanitizeFilename';

describe('sanitizeFilename', () => {
  it('keeps ordinary names as they are', () => {
    expect(sanitizeFilename('Quarterly report (final) – v2.pdf')).toBe(
      'Quarterly report (final) – v2.pdf',
    );
    expect(sanitizeFilename('日本語の資料.docx')).toBe('日本語の資料.docx');
  });

  it('drops folder parts of either slash', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('..\\..\\windows\\win.ini')).toBe('win.ini');
    expect(sanitizeFilename('/abs/path/')).toBe('file');
    expect(sanitizeFilename('..')).toBe('file');
    expect(sanitizeFilename('.')).toBe('file');
  });

  it('removes control and direction-override characters and hidden-file dots', () => {
    expect(sanitizeFilename('a\u0000b\r\nc.txt')).toBe('abc.txt');
    expect(sanitizeFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFilename('.htaccess')).toBe('htaccess');
    expect(sanitizeFilename('  report.pdf. . ')).toBe('report.pdf');
    expect(sanitizeFilename('a<b>:c"d|e?f*.txt')).toBe('a_b__c_d_e_f_.txt');
    expect(sanitizeFilename('\u0007\u0008')).toBe('file');
  });

  it('caps the length and keeps the extension', () => {
    const long = sanitizeFilename(`${'x'.repeat(500)}.jpeg`);
    expect(Array.from(long)).toHaveLength(maxFilenameLength);
    expect(long.endsWith('x.jpeg')).toBe(true);
    const emoji = sanitizeFilename('😀'.repeat(300));
    expect(Array.from(emoji)).toHaveLength(maxFilenameLength);
    expect(Buffer.from(emoji).toString('utf8')).toBe(emoji);
  });
});
