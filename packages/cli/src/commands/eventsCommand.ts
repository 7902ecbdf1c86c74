import { parseArgs } from 'node:util';
import { createLogger, createLore, type LoreRuntime, loadConfig } from '@lore/server';
import { CliError } from '../CliError';
import type { CommandIo } from './CommandIo';

export const eventsUsage = `Usage: lore events [status | dead | replay ID | replay --all]

The domain-event outbox of the wiki in LORE_DATA_DIR (default ./data): every change is written
there, and each consumer (search, links, page titles…) works through it at its own pace.
  status        each consumer: where it is, how far behind, how many events it gave up on
                (the default)
  dead          the events consumers gave up on after their retries, with the last error
  replay ID     hand one of them to its consumer again (consumers are idempotent)
  replay --all  replay every one; exits with 1 when some still fail
Works while the wiki runs, or on a stopped one.`;

function describeStatus(runtime: LoreRuntime): string[] {
  const lines = [`Events written: ${runtime.events.lastSeq()}.`];
  for (const consumer of runtime.events.status()) {
    const retrying = consumer.retrying
      ? `, retrying event ${consumer.retrying.seq} (attempt ${consumer.retrying.attempts})`
      : '';
    lines.push(
      `  ${consumer.name}: at ${consumer.cursor}, ${consumer.behind} behind, ${consumer.deadLetters} dead${retrying}`,
    );
  }
  return lines;
}

function describeDead(runtime: LoreRuntime): string[] {
  const letters = runtime.events.deadLetters();
  if (letters.length === 0) return ['No dead letters: every consumer handled every event.'];
  return letters.map(
    (letter) =>
      `#${letter.id} ${letter.consumer} event ${letter.seq} ${letter.type}${letter.pageId ? ` page ${letter.pageId}` : ''}: ${letter.attempts} attempts, last error: ${letter.error}`,
  );
}

/** `lore events`: the outbox's consumers and dead letters, and replaying them. */
export async function eventsCommand(args: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(eventsUsage);
    return;
  }
  const [action = 'status', id, ...extra] = positionals;
  if (!['status', 'dead', 'replay'].includes(action) || extra.length > 0) {
    throw new CliError(`Unknown use of lore events.\n\n${eventsUsage}`);
  }
  if (action === 'replay' && (id === undefined) === !values.all) {
    throw new CliError(`Give one dead letter's ID, or --all.\n\n${eventsUsage}`);
  }
  const runtime = await createLore(loadConfig(io.env), { logger: createLogger('error') });
  try {
    if (action === 'status') for (const line of describeStatus(runtime)) io.out(line);
    if (action === 'dead') for (const line of describeDead(runtime)) io.out(line);
    if (action === 'replay') {
      const ids = values.all
        ? runtime.events.deadLetters().map((letter) => letter.id)
        : [Number(id)];
      let failed = 0;
      for (const letterId of ids) {
        const outcome = Number.isInteger(letterId) ? await runtime.events.replay(letterId) : null;
        if (!outcome) throw new CliError(`There is no dead letter #${id}.`);
        if (outcome.ok) io.out(`#${letterId}: replayed to ${outcome.letter.consumer}.`);
        else {
          failed += 1;
          io.out(`#${letterId}: failed again (${outcome.error}); kept.`);
        }
      }
      if (ids.length === 0) io.out('No dead letters to replay.');
      if (failed > 0) throw new CliError(`${failed} dead letter(s) still fail.`, 1);
    }
  } finally {
    await runtime.close();
  }
}
