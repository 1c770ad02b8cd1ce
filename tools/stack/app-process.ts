/**
 * The real worker (apps/worker/src/main.ts), mail relay (apps/mail-relay) or API (apps/api/src/main.ts) as
 * a child process, configured through its environment like a deployed one:
 * what the benchmarks measure (the worker's RSS, the API under load in its
 * own event loop) and what the ops tests stop with signals. Each runs from its
 * TypeScript source (bin/ts-run.js, as in development) unless asked to run the
 * JavaScript `npm run build` compiled into dist/, as production does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export type AppBuild = 'source' | 'compiled';

/** The file `nest build` compiles an entry point to (tsconfig.build.json: rootDir `.`, outDir `dist`). */
export const compiledEntry = (entry: string) => join(ROOT, 'dist', entry.replace(/\.ts$/, '.js'));

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class AppProcess {
  /** Every line the process wrote (JSON logs), most recent last. */
  readonly lines: string[] = [];
  readonly exited: Promise<AppExit>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let buffer = '';
    const collect = (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      this.lines.push(...parts.filter((l) => l.trim()));
      if (this.lines.length > 5000) this.lines.splice(0, this.lines.length - 5000);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
  }

  /**
   * Starts the worker and resolves once it logs "worker started" (or rejects with its output);
   * `root`, another checkout (a benchmark's worktree of an earlier commit) to run from.
   */
  static worker(
    env: Record<string, string>,
    timeoutMs = 120_000,
    build: AppBuild = 'source',
    root = ROOT,
  ): Promise<AppProcess> {
    return AppProcess.start('the worker', 'apps/worker/src/main.ts', '"worker started"', env, timeoutMs, build, root);
  }

  /** Starts the mail relay and resolves once it logs "mail relay started". */
  static mailRelay(env: Record<string, string>, timeoutMs = 120_000, build: AppBuild = 'source'): Promise<AppProcess> {
    return AppProcess.start(
      'the mail relay',
      'apps/mail-relay/src/main.ts',
      '"mail relay started"',
      env,
      timeoutMs,
      build,
    );
  }

  /** Starts the API and resolves once it logs "api listening" on env.PORT; `root` as for the worker. */
  static api(
    env: Record<string, string> & { PORT: string },
    timeoutMs = 120_000,
    build: AppBuild = 'source',
    root = ROOT,
  ): Promise<AppProcess> {
    return AppProcess.start('the API', 'apps/api/src/main.ts', '"api listening"', env, timeoutMs, build, root);
  }

  private static async start(
    name: string,
    entry: string,
    ready: string,
    env: Record<string, string>,
    timeoutMs: number,
    build: AppBuild,
    root = ROOT,
  ): Promise<AppProcess> {
    const args = build === 'compiled' ? [compiledEntry(entry)] : [join(root, 'bin/ts-run.js'), entry];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(child);
    const started = Date.now();
    while (!app.lines.some((l) => l.includes(ready))) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${name} exited before it started:\n${app.lines.slice(-30).join('\n')}`);
      if (Date.now() - started > timeoutMs) {
        child.kill('SIGKILL');
        throw new Error(`${name} did not start within ${timeoutMs} ms:\n${app.lines.slice(-30).join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return app;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resident set size and its high-water mark, in bytes, from /proc. */
  memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** SIGTERM, then waits for the exit; SIGKILL if it takes longer than `graceMs`. */
  async stop(graceMs = 60_000): Promise<AppExit> {
    if (!this.running) return this.exited;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}
