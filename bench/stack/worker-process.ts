/**
 * The real worker (apps/worker/src/main.ts) as a child process, configured
 * through its environment like a deployed one: what the benchmarks measure
 * (its RSS) and what the ops tests stop with signals.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class WorkerProcess {
  /** Every line the worker wrote (JSON logs), most recent last. */
  readonly lines: string[] = [];
  readonly exited: Promise<WorkerExit>;

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

  /** Starts the worker and resolves once it logs "worker started" (or rejects with its output). */
  static async start(env: Record<string, string>, timeoutMs = 120_000): Promise<WorkerProcess> {
    const child = spawn(process.execPath, [join(ROOT, 'bin/ts-run.js'), 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    const started = Date.now();
    while (!worker.lines.some((l) => l.includes('"worker started"'))) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the worker exited before it started:\n${worker.lines.slice(-30).join('\n')}`);
      if (Date.now() - started > timeoutMs) {
        child.kill('SIGKILL');
        throw new Error(`the worker did not start within ${timeoutMs} ms:\n${worker.lines.slice(-30).join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return worker;
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
  async stop(graceMs = 60_000): Promise<WorkerExit> {
    if (!this.running) return this.exited;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}
