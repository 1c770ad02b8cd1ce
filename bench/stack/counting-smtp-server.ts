/**
 * The benchmarks' mail server: a real SMTP server (the `smtp-server` package)
 * that accepts each message, counts it and lets it go, as an MTA accepts mail
 * into its queue. The embedded server of the demo and the tests
 * (libs/mail/local-smtp-server.ts) parses every message before it answers,
 * so a test can read it; here that parsing would be the harness's own cost,
 * charged to the engine: at 10,000 items it made each 50-item digest take
 * hundreds of milliseconds on the shared CPU.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export class CountingSmtpServer {
  /** Messages accepted so far. */
  received = 0;
  private server: SMTPServer | null = null;

  constructor(private port: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          this.received += 1;
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
