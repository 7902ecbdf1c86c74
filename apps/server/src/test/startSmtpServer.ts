import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message as the SMTP server received it. */
export interface ReceivedMail {
  /** The envelope's sender and recipients. */
  readonly from: string;
  readonly to: string[];
  /** The message as it came over the wire. */
  readonly raw: string;
  /** The same, parsed by mailparser. */
  readonly parsed: ParsedMail;
}

export interface TestSmtpServer {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Every sign-in attempt, with the credentials as the server decoded them. */
  readonly logins: { username: string | undefined; password: string | undefined }[];
  close(): Promise<void>;
}

/** The account `startSmtpServer` accepts when a client signs in. */
export const smtpAccount = { user: 'lore@example.com', password: 'p@ss:w/rd' } as const;

/**
 * A real SMTP server (smtp-server) on a loopback port (0: any free one), in plain text (no
 * STARTTLS), that keeps what it receives; `options` override its behaviour (require sign-in,
 * refuse recipients…).
 */
export async function startSmtpServer(
  options: SMTPServerOptions = {},
  port = 0,
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const logins: TestSmtpServer['logins'] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth(auth, _session, done) {
      logins.push({ username: auth.username, password: auth.password ?? undefined });
      if (auth.username === smtpAccount.user && auth.password === smtpAccount.password) {
        done(null, { user: auth.username });
      } else done(new Error('Invalid username or password'));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          parsed: await simpleParser(raw),
        });
        done();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  let closed: Promise<void> | null = null;
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    logins,
    close: () => {
      closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closed;
    },
  };
}

/** A header of a received message as sent, unfolded (RFC 5322 folding removed). */
export function headerOf(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line
    ?.replace(/\r?\n(?=[ \t])/g, '')
    .slice(name.length + 1)
    .trim();
}
