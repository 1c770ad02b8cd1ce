/**
 * The production build: `nest build` (nest-cli.json, tsconfig.build.json) compiles the apps into dist/, and
 * what it writes runs without TypeScript, as the Dockerfile and the Compose file run it. The compiled
 * command line migrates a fresh database and imports the plan (the Compose file's one-shot service); the
 * compiled API, its notice templates copied beside it, starts against that database and Temporal, is
 * ready, and serves the built portal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, compiledEntry } from '../../tools/stack/app-process';
import { freePort } from '../../tools/stack/ports';
import { TemporalDevServer } from '../../tools/stack/temporal-dev-server';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '../..');

/** Runs the compiled command line the way the image does: plain node, no ts-node on the way. */
const cli = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [compiledEntry('apps/cli/src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe('the compiled production build', () => {
  const work = mkdtempSync(join(tmpdir(), 'plan-eval-build-'));
  let temporal: TemporalDevServer;
  let db: TestDatabase;
  let api: AppProcess;
  let base: string;

  beforeAll(async () => {
    const build = spawnSync('npx', ['nest', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`nest build failed:\n${build.stdout}\n${build.stderr}`);
    [temporal, db] = await Promise.all([
      TemporalDevServer.start(join(work, 'temporal.sqlite')),
      createTestDatabase({ migrate: false }),
    ]);
  });

  afterAll(async () => {
    await api?.stop();
    await temporal?.stop();
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('compiles every file the Dockerfile and the Compose file run', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const run = [...`${dockerfile}\n${compose}`.matchAll(/dist\/apps\/[\w-]+\/src\/main\.js/g)].map((m) => m[0]);
    expect(new Set(run)).toEqual(
      new Set(['api', 'worker', 'mail-relay', 'cli'].map((app) => `dist/apps/${app}/src/main.js`)),
    );
    for (const file of run) expect(existsSync(join(ROOT, file))).toBe(true);
    expect(dockerfile).not.toContain('ts-run');
    expect(compose).not.toContain('ts-run');
  });

  it('migrates and imports the plan with the compiled command line', () => {
    const migrate = cli({ DATABASE_URL: db.url }, 'migrate');
    expect(migrate.stderr).toBe('');
    expect(migrate.status).toBe(0);
    const imported = cli({ DATABASE_URL: db.url }, 'import');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('已导入 (imported) 河源市公共服务“十四五”规划');
  });

  it('starts the compiled API, ready against PostgreSQL and Temporal, serving the portal', async () => {
    const port = await freePort();
    api = await AppProcess.api(
      {
        DATABASE_URL: db.url,
        TEMPORAL_ADDRESS: temporal.address,
        AUTH_SECRET_FILE: join(work, 'auth-secret'),
        EVIDENCE_DIR: join(work, 'evidence'),
        PORT: String(port),
      },
      60_000,
      'compiled',
    );
    base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/api/ready`);
    expect(await ready.json()).toEqual({ status: 'ready', postgres: 'ok', temporal: 'ok' });
    // The portal is found from the compiled API as from the source (dist/web, built by npm run build:web).
    const page = await fetch(`${base}/cycles`);
    expect(await page.text()).toBe(readFileSync(join(ROOT, 'dist/web/index.html'), 'utf8'));
  });
});
