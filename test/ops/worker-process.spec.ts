/**
 * The worker as it is deployed: apps/worker/src/main.ts in a process of its
 * own, with the mail relay (apps/mail-relay) in another, against the real
 * Temporal dev server, PostgreSQL and an SMTP server that holds every message
 * until told. The worker serves /metrics (its own and the Temporal SDK's),
 * both answer /health and /ready (503 naming what does not answer),
 * logs JSON lines only, and on SIGTERM in the middle of activities (waiting
 * for their notices to go out) lets them finish, then exits 0; so does the relay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { SMTPServer } from 'smtp-server';
import { importPlan } from '@libs/catalog/catalog-import';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { DEFAULT_CHASING_POLICY } from '@libs/cycle/cycle-definition';
import { TEMPORAL_SDK_METRICS } from '@libs/observability/metrics';
import { CycleClient } from '@libs/temporal/cycle-client';
import { freePort, waitFor } from '../../tools/stack/ports';
import { TemporalDevServer } from '../../tools/stack/temporal-dev-server';
import { AppProcess } from '../../tools/stack/app-process';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';
import { HEYUAN_PLAN_FILE } from '../support/plans';

jest.setTimeout(240_000);

/** Accepts mail but answers DATA only once released: activities stay in flight meanwhile. */
class HeldSmtpServer {
  readonly accepted: string[] = [];
  arrived = 0;
  private release!: () => void;
  private readonly released = new Promise<void>((r) => (this.release = r));
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      this.arrived++;
      stream.resume();
      stream.on('end', () => {
        void this.released.then(() => {
          this.accepted.push(session.envelope.rcptTo.map((r) => r.address).join(','));
          callback();
        });
      });
    },
  });

  constructor(readonly port: number) {}

  start = () => new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', () => resolve()));
  open = () => this.release();
  stop = () => new Promise<void>((resolve) => this.server.close(() => resolve()));
}

describe('the worker process', () => {
  const work = mkdtempSync(join(tmpdir(), 'plan-eval-ops-'));
  let temporal: TemporalDevServer;
  let db: TestDatabase;
  let smtp: HeldSmtpServer;
  let worker: AppProcess;
  let relay: AppProcess;
  let connection: Connection;
  let metricsAddress: string;
  let relayMetricsAddress: string;

  beforeAll(async () => {
    temporal = await TemporalDevServer.start(join(work, 'temporal.sqlite'));
    db = await createTestDatabase();
    await importPlan(db.dataSource, await readPlanFile(HEYUAN_PLAN_FILE));
    smtp = new HeldSmtpServer(await freePort());
    await smtp.start();
    metricsAddress = `127.0.0.1:${await freePort()}`;
    worker = await AppProcess.worker({
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'plan-eval-ops',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      REPORTS_DIR: join(work, 'reports'),
      WORKER_METRICS_ADDRESS: metricsAddress,
      TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
      WORKER_SHUTDOWN_GRACE_TIME: '60s',
      WORKER_SHUTDOWN_FORCE_TIME: '90s',
      WORKER_MAX_CACHED_WORKFLOWS: '50',
      LOG_LEVEL: 'info',
    });
    relayMetricsAddress = `127.0.0.1:${await freePort()}`;
    relay = await AppProcess.mailRelay({
      DATABASE_URL: db.url,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_RELAY_METRICS_ADDRESS: relayMetricsAddress,
      LOG_LEVEL: 'info',
    });
    connection = await Connection.connect({ address: temporal.address });
  });

  afterAll(async () => {
    worker?.signal('SIGKILL');
    relay?.signal('SIGKILL');
    smtp?.open();
    await connection?.close();
    await smtp?.stop();
    await temporal?.stop();
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('serves its own metrics and the Temporal SDK’s on one /metrics page', async () => {
    const page = await waitFor(
      'worker metrics',
      async () => {
        const text = await (await fetch(`http://${metricsAddress}/metrics`)).text();
        return text.includes('temporal_') ? text : undefined;
      },
      30_000,
      500,
    );
    expect(page).toContain('plan_eval_process_resident_memory_bytes{app="worker"}');
    expect(page).toContain('plan_eval_activity_duration_seconds');
    expect(page).toMatch(/^temporal_\w+/m);
  });

  it('answers /health, and /ready only while PostgreSQL and Temporal answer (the worker) and PostgreSQL (the relay)', async () => {
    const get = async (address: string, path: string) => {
      const res = await fetch(`http://${address}${path}`);
      return { status: res.status, body: (await res.json()) as Record<string, string> };
    };
    for (const address of [metricsAddress, relayMetricsAddress])
      expect(await get(address, '/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get(metricsAddress, '/ready')).toEqual({
      status: 200,
      body: { status: 'ready', postgres: 'ok', temporal: 'ok', worker: 'ok' },
    });
    expect(await get(relayMetricsAddress, '/ready')).toEqual({
      status: 200,
      body: { status: 'ready', postgres: 'ok' },
    });
    expect(await (await fetch(`http://${metricsAddress}/metrics`)).text()).toContain(
      'plan_eval_ready{check="temporal",app="worker"} 1',
    );

    // Their database refuses connections, and the connections they hold are ended: neither is ready, and says why.
    const database = new URL(db.url).pathname.slice(1);
    const admin = new PgClient({ connectionString: db.url.replace(`/${database}`, '/postgres') });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
      for (const address of [metricsAddress, relayMetricsAddress]) {
        const notReady = await waitFor(
          'not ready',
          async () => {
            const answer = await get(address, '/ready');
            return answer.status === 503 ? answer : undefined;
          },
          30_000,
          200,
        );
        expect(notReady.body).toMatchObject({
          status: 'not_ready',
          postgres: expect.stringMatching(/connection|terminat/),
        });
        expect(notReady.body.postgres).not.toBe('ok');
        expect((await get(address, '/health')).status).toBe(200); // alive all the same: nothing to restart
        const page = await (await fetch(`http://${address}/metrics`)).text();
        expect(page).toMatch(/^plan_eval_ready\{check="postgres",app="[\w-]+"\} 0$/m);
      }
    } finally {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    for (const address of [metricsAddress, relayMetricsAddress])
      await waitFor('ready again', async () => (await get(address, '/ready')).status === 200, 30_000, 200);
  });

  it('on SIGTERM finishes the activities in flight, records their mail as sent, and exits 0', async () => {
    const cycles = new CycleClient(new Client({ connection }), 'plan-eval-ops', db.dataSource);
    const now = Date.now();
    const { cycleId } = await cycles.launch({
      planCode: 'heyuan-public-services-2021-2025',
      kind: 'annual',
      fromYear: 2021,
      toYear: 2021,
      deadline: new Date(now + 7 * 86_400_000).toISOString(),
      hardClose: new Date(now + 14 * 86_400_000).toISOString(),
      policy: DEFAULT_CHASING_POLICY,
      itemKinds: ['indicator'],
      requireBureauAcceptance: false,
      groupResolution: {},
    });
    // Assignment notices are being sent: the relay waits on SMTP, their activities on the relay.
    await waitFor('notices in flight', () => smtp.arrived >= 1, 60_000);
    // Tasks have waited for the worker and activities run: the SDK's metrics the alerts and dashboard read are there.
    const page = await (await fetch(`http://${metricsAddress}/metrics`)).text();
    for (const name of TEMPORAL_SDK_METRICS) expect(page).toMatch(new RegExp(`^${name}(_bucket)?\\{`, 'm'));
    const sigtermAt = Date.now();
    worker.signal('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    expect(worker.running).toBe(true); // waiting for its activities, not killed by the signal

    smtp.open();
    const exit = await worker.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - sigtermAt).toBeLessThan(60_000);

    // The reminders due at launch wait behind their department's assignment: their activities fail and Temporal would
    // retry them, but the relay sends them by itself once the assignment has gone. Whatever it has taken, it finishes.
    await waitFor(
      'the relay to finish the notices it took',
      async () => {
        const [{ n }] = await db.dataSource.query(
          `SELECT count(*)::int AS n FROM notice
            WHERE cycle_id = $1 AND status = 'pending' AND (attempts > 0 OR claimed_until IS NOT NULL)`,
          [cycleId],
        );
        return n === 0;
      },
      30_000,
      200,
    );
    // Every message the server accepted was recorded as sent.
    const rows: Array<{ status: string; n: number }> = await db.dataSource.query(
      `SELECT status, count(*)::int AS n FROM notice WHERE cycle_id = $1 GROUP BY status`,
      [cycleId],
    );
    const sent = rows.find((r) => r.status === 'sent')?.n ?? 0;
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBe(smtp.accepted.length);

    // The relay counts what it sent, and shows what is left waiting in the outbox.
    const relayPage = await (await fetch(`http://${relayMetricsAddress}/metrics`)).text();
    const counted = [
      ...relayPage.matchAll(/^plan_eval_mail_deliveries_total\{[^}]*outcome="sent"[^}]*\} (\d+)$/gm),
    ].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(smtp.accepted.length);
    const waiting = (await db.dataSource.query(`SELECT count(*)::int AS n FROM notice WHERE status = 'pending'`))[0].n;
    expect(relayPage).toContain(`plan_eval_outbox_pending{app="mail-relay"} ${waiting}`);

    // The relay stops as cleanly: nothing in hand, nothing claimed left behind.
    expect(await relay.stop(30_000)).toEqual({ code: 0, signal: null });
    const claimed = await db.dataSource.query(`SELECT count(*)::int AS n FROM notice WHERE claimed_until IS NOT NULL`);
    expect(claimed[0].n).toBe(0);

    // Structured logs: every line is a JSON object, the stops included.
    for (const [app, lines, started, stopped] of [
      ['worker', worker.lines, 'worker started', 'worker stopped'],
      ['relay', relay.lines, 'mail relay started', 'mail relay stopped'],
    ] as const) {
      const parsed = lines.map((l) => JSON.parse(l) as { level: string; msg: string });
      expect({ app, msgs: parsed.map((l) => l.msg) }).toEqual({
        app,
        msgs: expect.arrayContaining([started, stopped]),
      });
      expect(parsed.every((l) => typeof l.level === 'string' && typeof l.msg === 'string')).toBe(true);
    }
    // The workflow cache's bound as configured.
    expect(worker.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'worker started')).toMatchObject({
      maxCachedWorkflows: 50,
    });
  });
});
