import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '@lore/core';
import { writeZipArchive } from '@lore/transfer';
import { CliError } from '../CliError';
import type { CommandIo } from './CommandIo';
import { openRuntime } from './openRuntime';
import { transferActor } from './transferActor';

export const exportUsage = `Usage: lore export --space SLUG --out FILE.zip [--format markdown|html] [--as EMAIL]
       lore export --page PAGE_ID [--subpages] --out FILE.zip [--format markdown|html]

Writes a space, or a page (with --subpages: and the pages below it), as a zip of Markdown files
(front matter title, folders with index.md for pages with subpages, images as files, links
between pages as relative links) or of standalone HTML pages in the same layout.`;

/** `lore export`: a space or a page tree to a zip of Markdown or HTML. */
export async function exportCommand(args: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      space: { type: 'string' },
      page: { type: 'string' },
      subpages: { type: 'boolean', default: false },
      out: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      as: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(exportUsage);
    return;
  }
  if (positionals.length > 0 || values.out === undefined) {
    throw new CliError(`Give --out FILE.zip.\n\n${exportUsage}`);
  }
  if ((values.space === undefined) === (values.page === undefined)) {
    throw new CliError(`Give either --space or --page.\n\n${exportUsage}`);
  }
  const format = values.format;
  if (format !== 'markdown' && format !== 'html') {
    throw new CliError('--format must be markdown or html.');
  }
  const runtime = await openRuntime(io);
  try {
    const actor = transferActor(runtime, values.as);
    const result = await runtime.services.transfer.exporter.exportPages(actor, {
      format,
      ...(values.space !== undefined ? { space: values.space } : {}),
      ...(values.page !== undefined ? { pageId: values.page, subpages: values.subpages } : {}),
    });
    const out = resolve(values.out);
    writeFileSync(out, writeZipArchive(result.files));
    const pages = result.files.filter((file) => /\.(md|html)$/.test(file.path)).length;
    io.out(`Exported ${pages} pages and ${result.files.length - pages} files to ${out}.`);
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(error.message);
    throw error;
  } finally {
    await runtime.close();
  }
}
