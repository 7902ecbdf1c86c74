import { parseArgs } from 'node:util';
import {
  type AuditFilter,
  type AuditRecord,
  auditCsvHeader,
  auditCsvLine,
  NotFoundError,
} from '@lore/core';
import { createLogger, createLore, loadConfig } from '@lore/server';
import { CliError } from '../CliError';
import type { CommandIo } from './CommandIo';

export const auditUsage = `Usage: lore audit [--since 7d] [--until DATE] [--actor EMAIL] [--action PREFIX]
                  [--text WORDS] [--format table|csv|json] [--limit N]

The audit log of the wiki in LORE_DATA_DIR (default ./data), newest first: sign-ins and failed
sign-ins, account, role and access changes, exports, trash, tokens…
  --since 7d        from a time: 30m, 12h, 7d, or a date such as 2026-03-01 (default: 7d)
  --until DATE      before a time, in the same forms
  --actor EMAIL     what this person did
  --action PREFIX   actions starting with it: user. for accounts, space. for spaces
  --text WORDS      text in the person's name or email or in what it was done to
  --format F        table (the default), csv (with a header row) or json
  --limit N         at most N records in the table (default 100; csv and json print them all)
Works while the wiki runs, or on a stopped one.`;

const units: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `7d`, `12h`, `30m` back from now, or an ISO date or date and time. */
function parseTime(value: string, option: string, now: number): number {
  const relative = /^(\d{1,6})([mhd])$/.exec(value);
  if (relative) return now - Number(relative[1]) * (units[relative[2] as string] as number);
  const absolute = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
    ? Date.parse(value)
    : Number.NaN;
  if (Number.isNaN(absolute)) {
    throw new CliError(`${option} takes 30m, 12h, 7d or a date such as 2026-03-01; got ${value}.`);
  }
  return absolute;
}

function cell(value: string, width: number): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

function tableLine(record: AuditRecord): string {
  const time = new Date(record.at).toISOString().replace('T', ' ').slice(0, 19);
  const actor =
    record.actor.email ?? record.actor.name ?? (record.actor.id ? record.actor.id : '-');
  const target = record.target
    ? `${record.target.kind} ${record.target.label ?? record.target.id ?? ''}`
    : '';
  return [
    time,
    cell(actor, 28),
    cell(record.action, 28),
    cell(target, 40),
    record.origin.address ?? '',
  ]
    .join('  ')
    .trimEnd();
}

/** `lore audit`: the audit log for operators, as a table, CSV or JSON. */
export async function auditCommand(args: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      since: { type: 'string', default: '7d' },
      until: { type: 'string' },
      actor: { type: 'string' },
      action: { type: 'string' },
      text: { type: 'string' },
      format: { type: 'string', default: 'table' },
      limit: { type: 'string', default: '100' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(auditUsage);
    return;
  }
  if (positionals.length > 0) throw new CliError(`Unknown use of lore audit.\n\n${auditUsage}`);
  const format = values.format;
  if (format !== 'table' && format !== 'csv' && format !== 'json') {
    throw new CliError(`--format is table, csv or json; got ${format}.`);
  }
  const limit = /^\d{1,6}$/.test(values.limit) ? Number(values.limit) : 0;
  if (limit < 1) throw new CliError(`--limit takes a whole number from 1; got ${values.limit}.`);
  if (values.action !== undefined && !/^[a-z0-9_.]{1,100}$/.test(values.action)) {
    throw new CliError(`--action takes the start of an action, such as user. or page.trashed.`);
  }
  const now = Date.now();
  const since = parseTime(values.since, '--since', now);
  const until = values.until === undefined ? undefined : parseTime(values.until, '--until', now);
  if (until !== undefined && since >= until) {
    throw new CliError('--since must come before --until.');
  }

  const runtime = await createLore(loadConfig(io.env), { logger: createLogger('error') });
  try {
    let actorId: string | undefined;
    if (values.actor !== undefined) {
      try {
        actorId = runtime.services.accounts.findAccount(null, values.actor).id;
      } catch (error) {
        if (error instanceof NotFoundError)
          throw new CliError(`No account has the email ${values.actor}.`);
        throw error;
      }
    }
    const filter: AuditFilter = {
      since,
      until,
      actorId,
      actionPrefixes: values.action === undefined ? undefined : [values.action],
      text: values.text,
    };
    const records = runtime.services.audit.records(null, filter);
    if (format === 'csv') {
      io.out(auditCsvHeader.trimEnd());
      for (const record of records) io.out(auditCsvLine(record).trimEnd());
      return;
    }
    if (format === 'json') {
      for (const record of records) io.out(JSON.stringify(record));
      return;
    }
    let shown = 0;
    let more = false;
    for (const record of records) {
      if (shown === limit) {
        more = true;
        break;
      }
      if (shown === 0) {
        io.out(
          [
            'Time (UTC)         ',
            cell('Who', 28),
            cell('Action', 28),
            cell('Target', 40),
            'Address',
          ].join('  '),
        );
      }
      io.out(tableLine(record));
      shown += 1;
    }
    if (shown === 0) io.out('No audit records match.');
    if (more) io.out(`… and more: narrow with --since, --action or --actor, or raise --limit.`);
  } finally {
    await runtime.close();
  }
}
