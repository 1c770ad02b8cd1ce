/**
 * The real Temporal dev server (`temporal server start-dev` from .tools/) on a
 * port of its own with its state in a SQLite file, so it can be stopped and
 * started again with its workflows intact (as the fault tests do).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { registerSearchAttributes } from '@libs/temporal/search-attribute-registry';
import { freePort, waitFor } from './ports';

const ROOT = join(__dirname, '../..');
/** Write-ahead log without fsync per write: state survives the server's crash (not the machine's), writes stay fast. */
const SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=off'];

export class TemporalDevServer {
  private child: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    readonly dbFile: string,
    private readonly cli: string,
  ) {}

  static async start(dbFile: string, port?: number): Promise<TemporalDevServer> {
    const cli = process.env.TEMPORAL_CLI_PATH ?? join(ROOT, '.tools/venv/bin/temporal');
    if (!existsSync(cli)) throw new Error(`temporal CLI not found at ${cli}: run scripts/tools.sh`);
    const server = new TemporalDevServer(port ?? (await freePort()), dbFile, cli);
    await server.restart();
    return server;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Its one process, by the name its CPU time is reported under. */
  pids(): Record<string, number | undefined> {
    return { temporal: this.pid };
  }

  /** Starts the server (again, on the same port and file) and returns once it answers. */
  async restart(): Promise<void> {
    if (this.child) throw new Error('the Temporal dev server is already running');
    const metricsPort = await freePort();
    const child = spawn(
      this.cli,
      [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(this.port),
        '--metrics-port',
        String(metricsPort),
        '--headless',
        '--db-filename',
        this.dbFile,
        ...SQLITE_PRAGMAS.flatMap((p) => ['--sqlite-pragma', p]),
        '--log-level',
        'error',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    this.child = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`temporal server exited (${code}): ${stderr}`))),
    );
    await Promise.race([
      exited,
      waitFor(
        'the Temporal dev server',
        async () => {
          const connection = await Connection.connect({ address: this.address, connectTimeout: 1000 });
          try {
            await connection.workflowService.describeNamespace({ namespace: 'default' });
            // As scripts/services.sh does for the embedded server: the workflows set them.
            await registerSearchAttributes(connection, 'default');
            return true;
          } finally {
            await connection.close();
          }
        },
        60_000,
        200,
      ),
    ]);
    exited.catch(() => undefined);
  }

  /** Stops the server; SIGKILL simulates a crash, SIGTERM a clean stop. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }
}
