/**
 * The two-node cluster with mutual TLS on every connection, under certificates the test makes
 * (tools/stack/test-certificates.ts). The worker process, the test's clients, the CLI and the API
 * process present the apps' certificate through the project's TLS settings (libs/config) and run
 * a cycle; a client without TLS, one without a certificate of its own and one whose certificate
 * another CA signed are refused.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { loadConfig } from '@libs/config/config';
import { temporalConnectionOptions } from '@libs/temporal/connection';
import { AppProcess } from '../../tools/stack/app-process';
import { freePort, waitFor } from '../../tools/stack/ports';
import { TemporalCluster } from '../../tools/stack/temporal-cluster';
import { clientTlsEnv, createTestCertificates } from '../../tools/stack/test-certificates';
import { expectClean, FaultStack, runFaultScenario } from '../faults/fault-stack';

jest.setTimeout(6 * 60_000);
const PLAN = 'cluster-tls';
const CLI = join(__dirname, '../../bin/plan-eval.js');

describe('the Temporal cluster with mutual TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-eval-certs-'));
  const certs = createTestCertificates(dir);
  let stack: FaultStack<TemporalCluster>;
  let cycleId: string;
  beforeAll(
    async () =>
      (stack = await FaultStack.start({
        // Five departments submit everything, five are left for the CLI's reminder.
        items: 50,
        departments: 10,
        planCode: PLAN,
        temporal: () => TemporalCluster.start({ tls: certs }),
      })),
  );
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a cycle with the worker and the clients on the apps’ certificate', async () => {
    const run = await runFaultScenario(stack, PLAN, {
      duringFanOut: async () => undefined,
      duringSubmissions: async () => undefined,
    });
    expectClean(run, 50);
    cycleId = run.cycleId;
  });

  it.each<[string, Record<string, string>, boolean]>([
    ['accepts a client with the apps’ certificate', clientTlsEnv(certs.ca, certs.client), true],
    ['refuses a client without TLS', {}, false],
    ['refuses a client with TLS but no certificate of its own', clientTlsEnv(certs.ca), false],
    ['refuses a client whose certificate another CA signed', clientTlsEnv(certs.ca, certs.impostor), false],
  ])('%s', async (_label, env, accepted) => {
    const options = temporalConnectionOptions(
      loadConfig('temporal', { TEMPORAL_ADDRESS: stack.temporal.address, ...env }),
    );
    const connecting = Connection.connect({ ...options, connectTimeout: 5000 });
    if (accepted) await (await connecting).close();
    else await expect(connecting).rejects.toThrow();
  });

  it('serves the CLI’s reminder and the API’s readiness check over mutual TLS', async () => {
    const env = { ...process.env, DATABASE_URL: stack.db.url, ...stack.temporal.clientEnv };
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'cycle', 'remind', cycleId], { env });
    expect(stdout).toContain('已催办 (reminded)');
    await waitFor(
      'the reminders the CLI asked for',
      async () => {
        const [{ n }] = await stack.db.dataSource.query(
          `SELECT count(*)::int AS n FROM notice WHERE cycle_id = $1 AND event = 'reminder' AND status = 'sent'`,
          [cycleId],
        );
        return n > 0;
      },
      60_000,
      500,
    );

    const port = await freePort();
    const api = await AppProcess.api({
      DATABASE_URL: stack.db.url,
      ...stack.temporal.clientEnv,
      AUTH_SECRET_FILE: join(stack.work, 'auth-secret'),
      EVIDENCE_DIR: join(stack.work, 'evidence'),
      PORT: String(port),
    });
    try {
      const ready = await fetch(`http://127.0.0.1:${port}/api/ready`);
      expect(await ready.json()).toEqual({ status: 'ready', postgres: 'ok', temporal: 'ok' });
    } finally {
      await api.stop();
    }
  });
});
