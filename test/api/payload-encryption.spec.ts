/**
 * Payload encryption through the real parts: a cycle runs through the API with
 * the installation's keyring, the histories on the Temporal server hold no
 * submitted value, name or address in readable form, and the codec endpoint
 * lets the `temporal` CLI show them decrypted to a signed-in bureau
 * administrator only, each decode in the audit trail.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { departmentWorkflowId } from '@libs/cycle/cycle-definition';
import { loadConfig } from '@libs/config/config';
import { temporalDataConverter } from '@libs/temporal/connection';
import { DAYS } from '../support/cycle-harness';
import { ACCOUNTS, createApiHarness, expectDecodeAudited, OWN, type ApiHarness } from '../support/api-harness';

const run = promisify(execFile);
const DATA_SOURCE = '加密核对专用数据来源';

describe('payload encryption (AES-256-GCM) and the codec endpoint', () => {
  let h: ApiHarness;
  let cycleId: string;
  let codecEndpoint: string;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plan-eval-keys-'));
    const keys = join(dir, 'payload-keys');
    await writeFile(keys, `2026-12:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    // Through the configuration, as the apps do: the file is checked at load.
    const converter = temporalDataConverter({ ...loadConfig('temporal'), TEMPORAL_PAYLOAD_KEYS_FILE: keys });
    h = await createApiHarness('time-skipping', converter);
    await new Promise<void>((resolve) => h.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    codecEndpoint = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}/api/temporal-codec`;

    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      ({ cycleId } = await h.launch({ fromYear: 2022, toYear: 2022, deadlineInDays: 30, hardCloseInDays: 60 }));
      await h.env.sleep(DAYS(1));
      await h
        .http()
        .post(`/api/cycles/${encodeURIComponent(cycleId)}/items/indicator-1/submit`)
        .set('Authorization', `Bearer ${h.tokens.submitter}`)
        .send({ submission: { kind: 'indicator', value: 284.7, dataSource: DATA_SOURCE } })
        .expect(200);
    });
  });
  afterAll(async () => {
    h?.app.getHttpServer().close();
    await h?.close();
  });

  /** What a history's payloads say: the CLI's JSON carries each payload's data in base64. */
  const payloadTexts = (json: string) =>
    [...json.matchAll(/"data": "([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1], 'base64').toString()).join('\n');
  const departmentRun = () => departmentWorkflowId(cycleId, OWN);
  const temporalCli = (...args: string[]) =>
    run(
      process.env.TEMPORAL_CLI_PATH ?? '.tools/venv/bin/temporal',
      ['workflow', 'show', '--workflow-id', departmentRun(), '--address', h.env.address, '--output', 'json', ...args],
      { maxBuffer: 64 << 20 },
    );

  it('leaves nothing readable in the histories on the server', async () => {
    // A client without the keyring reads the history as the server stores it.
    const raw = new Client({ connection: h.env.connection });
    for (const id of [cycleId, departmentRun()]) {
      const history = await raw.workflow.getHandle(id).fetchHistory();
      const stored = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
      expect(stored.includes(Buffer.from('binary/encrypted'))).toBe(true);
      // Search attributes (plan, kind, period, department code, phase) stay readable: the server indexes them.
      for (const secret of [DATA_SOURCE, ACCOUNTS.submitter.email, '市统计局'])
        expect({ id, secret, readable: stored.includes(Buffer.from(secret)) }).toEqual({ id, secret, readable: false });
    }
  });

  it('shows the history decrypted to the bureau through the temporal CLI and the codec endpoint, audited', async () => {
    const sealed = await temporalCli();
    expect(payloadTexts(sealed.stdout)).not.toContain(DATA_SOURCE);
    const opened = await temporalCli('--codec-endpoint', codecEndpoint, '--codec-auth', `Bearer ${h.tokens.admin}`);
    expect(payloadTexts(opened.stdout)).toContain(DATA_SOURCE);

    await expectDecodeAudited(h);
  });

  it('decrypts for nobody else: not the third-party evaluator, not a department, not without a session', async () => {
    const body = { payloads: [] };
    await h.http().post('/api/temporal-codec/decode').send(body).expect(401);
    for (const who of ['viewer', 'submitter', 'supervisor'] as const) {
      const refused = await h
        .http()
        .post('/api/temporal-codec/decode')
        .set('Authorization', `Bearer ${h.tokens[who]}`)
        .send(body)
        .expect(403);
      expect(refused.body.message).toContain('无权');
    }
    await expect(
      temporalCli('--codec-endpoint', codecEndpoint, '--codec-auth', `Bearer ${h.tokens.viewer}`),
    ).rejects.toThrow();
  });

  it('answers a payload it cannot open with 422, in words', async () => {
    const spoiled = {
      metadata: {
        encoding: Buffer.from('binary/encrypted').toString('base64'),
        'encryption-key-id': Buffer.from('retired-key').toString('base64'),
      },
      data: randomBytes(40).toString('base64'),
    };
    const refused = await h
      .http()
      .post('/api/temporal-codec/decode')
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .send({ payloads: [spoiled] })
      .expect(422);
    expect(refused.body.message).toContain('无法解密');
    expect(refused.body.messageEn).toContain('retired-key');
  });
});
