/**
 * A PostgreSQL server of the fault test's own (Debian's binaries, a throw-away
 * cluster on a free port), so restarting it disturbs nobody else's tests.
 * As root the cluster belongs to `postgres`, as initdb requires.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tools/stack/ports';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class PrivatePostgres {
  private constructor(
    private readonly dir: string,
    private readonly bin: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const version = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0];
    const dir = mkdtempSync(join(tmpdir(), 'plan-eval-pg-'));
    if (process.getuid?.() === 0) {
      const [uid, gid] = ['-u', '-g'].map((f) =>
        Number(execFileSync('id', [f, 'postgres'], { encoding: 'utf8' }).trim()),
      );
      chownSync(dir, uid, gid);
    }
    const pg = new PrivatePostgres(dir, `/usr/lib/postgresql/${version}/bin`, await freePort());
    pg.run('initdb', '-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8');
    pg.start();
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off`;
    this.run(
      'pg_ctl',
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      options,
      'start',
    );
  }

  /** `immediate` is a crash: no checkpoint, connections cut, recovery at the next start. */
  stop(mode: 'immediate' | 'fast' = 'fast'): void {
    this.run('pg_ctl', '-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop');
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(tool: string, ...args: string[]): void {
    const command = [join(this.bin, tool), ...args];
    if (process.getuid?.() === 0)
      execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', command.map(quote).join(' ')], { stdio: 'pipe' });
    else execFileSync(command[0], command.slice(1), { stdio: 'pipe' });
  }
}
