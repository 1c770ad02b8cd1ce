/**
 * The embedded mail server of the demo and the tests: a real SMTP server
 * (the `smtp-server` package) that keeps every message it accepts, as an
 * `.eml` file when given a folder. It can be told to refuse an address with
 * a permanent 550, as a real server refuses an unknown mailbox. Stopped and
 * started again (the same instance, the same port) it keeps counting what it
 * received, so a test can stop it in the middle of a cycle.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

export class LocalSmtpServer {
  readonly received: ReceivedMessage[] = [];
  private server: SMTPServer | null = null;
  private readonly refused = new Set<string>();
  /** Distinguishes files written in the same millisecond. */
  private fileSeq = 0;

  /** Port 0 picks a free port on the first start; a later start reuses it. */
  constructor(
    private port: number,
    private readonly mailDir?: string,
  ) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(address: string): void {
    this.refused.add(address.toLowerCase());
  }

  async start(): Promise<void> {
    if (this.mailDir) await mkdir(this.mailDir, { recursive: true });
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // On stop, connections still open (a client's pool) answer 421 and close after a second, as a crash would.
      closeTimeout: 1000,
      onRcptTo: (address, _session, callback) => {
        if (this.refused.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), {
            responseCode: 550,
          });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.keep(
            raw,
            session.envelope.rcptTo.map((r) => r.address),
          ).then(() => callback(), callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    // A client that dies mid-session (a worker killed, a pool closed) resets its connection: that is
    // the client's problem, not the server's, and must not bring the process down.
    server.removeAllListeners('error');
    server.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE')
        console.error(JSON.stringify({ level: 'error', msg: 'smtp server error', error: e.message }));
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async keep(raw: string, envelopeTo: string[]): Promise<void> {
    const parsed = await simpleParser(raw);
    this.received.push({ envelopeTo, raw, parsed });
    if (this.mailDir) {
      // Sortable by arrival and unique across restarts of the process: see mail-store.ts, which reads them.
      const stamp = new Date().toISOString().replace(/[-:.]/g, '');
      const seq = String(++this.fileSeq).padStart(5, '0');
      const name = `${stamp}-${seq}-${(parsed.messageId ?? 'message').replace(/[^A-Za-z0-9@.-]/g, '')}.eml`;
      await writeFile(join(this.mailDir, name), raw);
    }
  }
}
