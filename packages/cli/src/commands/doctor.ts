import { parseArgs } from 'node:util';
import { checkPageStructure, type StructureCheck } from '@lore/server';
import { CliError } from '../CliError';
import type { CommandIo } from './CommandIo';
import { finish, openRuntime } from './openRuntime';
import { ProgressBar, type ProgressOutput } from './ProgressBar';

export const doctorUsage = `Usage: lore doctor [--repair]

Checks every page's stored document (LORE_DATA_DIR, default ./data) against the page limits
(nesting depth, nodes, text length, attribute sizes, table size; see docs/collaboration.md).
Pages stored before the limits existed, or written into the database around them, are listed.
With --repair each one is brought within the limits through a normal revisioned edit: its
content as it was is kept as the revision "Before structure repair". Stop the wiki first.
Exits with 1 when pages pass the limits and were not repaired.
  --repair   write the repairs`;

const stderr: ProgressOutput = {
  isTTY: process.stderr.isTTY === true,
  write: (text) => process.stderr.write(text),
};

/** `lore doctor`: finds (and with --repair fixes) stored pages past the structure limits. */
export async function doctor(
  args: string[],
  io: CommandIo,
  progress: ProgressOutput = stderr,
): Promise<StructureCheck | null> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      repair: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(doctorUsage);
    return null;
  }
  const runtime = await openRuntime(io);
  const bar = new ProgressBar(progress, 'Checking pages');
  let result: StructureCheck;
  try {
    result = await checkPageStructure(runtime.services, {
      repair: values.repair,
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.finish();
    await finish(runtime);
  }
  for (const finding of result.findings) {
    const what = finding.excess.map((item) => item.message).join('; ');
    io.out(
      `${finding.repaired ? 'repaired' : 'past the limits'}: ${finding.pageId} "${finding.title}": ${what}`,
    );
  }
  const verb = values.repair ? 'repaired' : 'past the limits';
  io.out(`Checked ${result.checked} pages: ${result.findings.length} ${verb}.`);
  if (!values.repair && result.findings.length > 0) {
    throw new CliError('Run `lore doctor --repair` to bring them within the limits.', 1);
  }
  return result;
}
