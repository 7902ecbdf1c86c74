import type { CollabRun } from '../collab/CollabRun';
import type { CrashSoakResult } from '../scenarios/crashSoak';
import { collabMarkdownTable } from './collabReport';
import type { MachineInfo } from './machineInfo';
import { findSection, replaceSection } from './replaceSection';

export const collabHeading = '## Collaboration';
export const soakHeading = '### Crash soak';

const machineLine = (machine: MachineInfo) =>
  `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM; Node ${machine.node}; ` +
  `load average ${machine.loadAverage} at the start`;

/** The `## Collaboration` section for a run; keeps `previousSoak` when this run had no soak. */
export function collabSection(run: CollabRun, previousSoak: string | null): string {
  const versions = Object.entries(run.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join('; ');
  const fanoutNotes = run.config.fanout.map((load, index) => {
    const parts = run.servers.map((server) => {
      const result = server.fanout[index];
      return result
        ? `${server.id}: server ${result.serverCpuPercent.toFixed(0)}% CPU, load generator ` +
            `${result.loadGeneratorCpuPercent.toFixed(0)}% CPU with event-loop lag p99 ` +
            `${result.loadGeneratorLagP99Ms.toFixed(1)} ms, other processes ${result.otherCpuPercent.toFixed(0)}% CPU, ` +
            `converged ${result.converged ? 'yes' : 'NO'}` +
            (result.lostConnections.length > 0
              ? `, ${result.lostConnections.length} connections closed by the server (${[...new Set(result.lostConnections)].join('; ')})`
              : '')
        : `${server.id}: no result`;
    });
    const everyRun = run.servers
      .map(
        (server) =>
          `${server.id} ${(server.fanoutP99s[index] ?? []).map((p99) => p99.toFixed(1)).join(', ') || 'n/a'}`,
      )
      .join('; ');
    return `  - ${load.clients} × ${load.keystrokesPerSecond}/s (${load.warmupMs / 1000} s warm-up, ${load.measureMs / 1000} s measured, best p99 of ${run.config.fanoutRepeats} interleaved runs; p99 of every run, in ms: ${everyRun}): ${parts.join('; ')}.`;
  });
  const memoryNotes = run.servers
    .filter((server) => server.memory)
    .map((server) => {
      const memory = server.memory;
      if (!memory) return '';
      return `${server.id} ${(memory.baselineRssBytes / 2 ** 20).toFixed(1)} → ${(memory.loadedRssBytes / 2 ** 20).toFixed(1)} MiB (${memory.verifiedPages} pages re-read by a fresh client)`;
    })
    .join('; ');
  const errors = run.servers.flatMap((server) =>
    server.errors.map((error) => `- ${server.id}: ${error}`),
  );
  const lore = run.servers.find((server) => server.id === 'lore')?.lore;
  const otherServers =
    'the y-websocket 1.5.4 reference `bin/server.js` (no `YPERSISTENCE`, so it stores nothing); `@hocuspocus/server` with defaults and no extensions (documents live in memory; nothing is stored). One process each (node with `--expose-gc` and a preload that runs a full GC on SIGUSR2, used before memory readings), started fresh for every scenario.';
  const lines = [
    collabHeading,
    '',
    `Command: \`${run.command}\` — run ${run.date.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `- Machine: ${machineLine(run.machine)}${run.nice === null ? '' : `; load generator and servers at nice ${run.nice}, as other work shared the machine`}${run.pinning === null ? '' : `; servers pinned to CPU ${run.pinning.servers}, the benchmark process and the load generators it forks to CPUs ${run.pinning.clients} (\`--pin\`)`}.`,
    `- Versions: ${versions}.`,
    `- Servers: Lore (${run.loreBuild === 'compiled' ? '`apps/server/dist/lore.mjs`, the compiled build `pnpm start` runs, with no TypeScript loader' : '`apps/server/src/main.ts` under tsx'}); ${otherServers}`,
    `- Load generator: fan-out clients run in ${run.config.loadGenerators} forked process(es) (cores − 1 by default, \`--load-generators=N\`); page opens are timed in one more forked process that lives for the whole run (like a browser with the app already loaded) and holds only the client being timed; the other scenarios' few clients run in the benchmark process. Send and receive times use the machine-wide monotonic clock.`,
    '- Clients: real Yjs documents. Lore and the reference get the stock y-websocket provider; Hocuspocus speaks its own framing on top of the Yjs protocol, so it gets `@hocuspocus/provider`. Every server sees the same document shape: the `default` XmlFragment → one paragraph → XmlText, and a `title` text.',
    '',
    collabMarkdownTable(run),
    '',
    'How each line is measured:',
    '',
    '- **Fan-out**: every client on one page types single characters at its caret, which jumps to a random place of the text now and then (every 50 keystrokes on average; people type runs, and a client that does not merge the others\' text would otherwise conflict with all of it on every keystroke, as if everyone had typed offline); the send time of each keystroke is kept by (client id, clock) and every other client records the delay when the update reaches it. Two clients are the server\'s stock provider and merge every keystroke into their document; the others speak the same sync protocol themselves: they sync the page, type into their own copy and send each keystroke as the same update a provider would, but only read the writer and clock of what they receive instead of merging it (a hundred clients each merging a thousand updates a second would measure the load generator, not the server). "converged" means the two stock clients ended with equal states and a text holding every keystroke anyone typed. Percentiles over every delivery of every keystroke sent in the measured window. "delivered" is deliveries seen ÷ keystrokes × (clients − 1). CPU is user + system time of the server process during the window.',
    ...fanoutNotes,
    `- **RSS per open page**: ${run.config.memory.pages} pages; RSS of the server with no page open, then one client per page opens it and writes ~${run.config.memory.contentBytes} characters of text (title + paragraphs) and stays connected; (RSS after − RSS before) ÷ pages, medians of five readings after ${run.config.memory.settleMs / 1000} s of quiet. It includes the connection's buffers. ${memoryNotes}.`,
    `- **Ingest**: the automerge-paper editing trace (${run.servers.find((server) => server.ingest)?.ingest?.ops ?? 'n/a'} transactions) replayed through one client, one Yjs transaction and so one update message per trace transaction, into the body paragraph; timed from the first send until a second client connected to the same page has the exact final text; the faster of ${run.config.ingestRepeats} interleaved runs is kept. CPU seconds meanwhile (server / load generator / everything else on the machine): ${run.servers.map((server) => (server.ingest ? `${server.id} ${server.ingest.serverCpuSeconds.toFixed(1)} / ${server.ingest.loadGeneratorCpuSeconds.toFixed(1)} / ${server.ingest.otherCpuSeconds.toFixed(1)}` : `${server.id} n/a`)).join('; ')}. The load generator alone needs ${run.traceFloorSeconds === null ? 'n/a' : `${run.traceFloorSeconds.toFixed(2)} s`} for the replay (no server), which bounds every server's number. Lore stores every update in its SQLite log (folding it into a snapshot every 5,000 updates or 1 MiB, and when the page unloads); the reference and Hocuspocus (without a storage extension) store nothing.`,
    `- **Open**: a fresh client in the opener process connects and is timed until its body text equals the final trace text. "Loaded": the page is open in the server (the ingest clients are still connected), p50 of ${run.config.opens} after ${run.config.openWarmUps} untimed ones. Lore only, as the others keep nothing across a restart: after the ingest clients left and the page unloaded, a graceful restart, then the first open (cold process, page read from SQLite; also timed until the client's first message arrived, which is the server's share: accept the connection, authorize, read the page and send it, while the rest is the stock client applying the state and encoding it again for its own update listeners), the next ${run.config.opens} opens, and ${run.config.unloadedOpens} opens each 7 s after the previous client left (page unloaded again, process warm).`,
  ];
  if (lore) {
    const after = lore.storageAfterUnload;
    lines.push(
      `- **Stored bytes** (Lore): after the page unloaded, lore.db ${after.dbBytes} B + WAL ${after.walBytes} B; document tables: ${after.snapshotRows} snapshot(s) of ${after.snapshotBytes} B, ${after.logRows} log rows of ${after.logBytes} B. After a graceful stop lore.db is ${lore.storageAfterStop.dbBytes} B, of which ${lore.storageAfterStop.freeBytes} B are free pages (incremental auto-vacuum gives the folded log's space back at stop and hourly). The final text is ${run.servers.find((server) => server.ingest)?.ingest?.finalLength ?? 'n/a'} characters.`,
    );
  }
  if (errors.length > 0) lines.push('', 'Errors during this run:', '', ...errors);
  lines.push('', previousSoak ?? `${soakHeading}\n\nNot run yet: \`pnpm bench collab --soak\`.`);
  return lines.join('\n');
}

/** The `### Crash soak` subsection. */
export function soakSection(
  result: CrashSoakResult,
  machine: MachineInfo,
  date: string,
  command: string,
  options: { clients: number; keystrokesPerSecond: number; minRunMs: number; maxRunMs: number },
): string {
  return [
    soakHeading,
    '',
    `Command: \`${command}\` — run ${date.slice(0, 16).replace('T', ' ')} UTC on ${machineLine(machine)}.`,
    '',
    `${options.clients} clients type ${options.keystrokesPerSecond} characters/s each into one Lore page; after ${options.minRunMs / 1000}–${options.maxRunMs / 1000} s the server gets \`kill -9\` and is started again on the same data. Before any client reconnects, a fresh client reads the page from the restarted server: everything any client had received from the server must be there. Then the clients reconnect and must converge with each other and with another fresh client.`,
    '',
    `**${result.passed} of ${result.cycles} cycles passed** (${result.keystrokes} keystrokes, final text ${result.finalLength} characters, ${result.seconds.toFixed(0)} s).`,
    ...(result.failures.length > 0
      ? ['', ...result.failures.map((failure) => `- ${failure}`)]
      : []),
  ].join('\n');
}

/** Puts a new soak subsection into the Collaboration section (creating that when missing). */
export function withSoakSection(markdown: string, soak: string): string {
  const collab = findSection(markdown, collabHeading);
  if (!collab)
    return replaceSection(
      markdown,
      collabHeading,
      `${collabHeading}\n\nNot run yet: \`pnpm bench collab\`.\n\n${soak}`,
    );
  const updated = findSection(collab, soakHeading)
    ? replaceSection(collab, soakHeading, soak)
    : `${collab}\n\n${soak}`;
  return replaceSection(markdown, collabHeading, updated);
}
