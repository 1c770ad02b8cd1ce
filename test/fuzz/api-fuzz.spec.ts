/**
 * Schemathesis fuzzes the running API from its own OpenAPI description,
 * signed in as the bureau (who may call everything), over the real
 * PostgreSQL, Temporal test server and SMTP server with a cycle running:
 * no input, however malformed, may get a 5xx answer. Findings are fixed and
 * kept as regression tests in test/api.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

const run = promisify(execFile);
const ST = process.env.SCHEMATHESIS_PATH ?? join(__dirname, '../../.tools/venv/bin/st');

describe('the API under fuzzing', () => {
  let h: ApiHarness;
  let stopWorker: () => Promise<void>;
  beforeAll(async () => {
    h = await createApiHarness();
    stopWorker = await h.startWorker();
    const { itemKinds, ...definition } = await h.definition({ fromYear: 2022, toYear: 2022, deadlineInDays: 30, hardCloseInDays: 60 });
    await h.http().post('/api/cycles').set('Authorization', `Bearer ${h.tokens.admin}`).send({ ...definition, itemKinds }).expect(201);
    await h.env.sleep(DAYS(1));
    await h.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    // Only the listening socket: the app's own shutdown would close the harness's database and Temporal connection.
    await new Promise((resolve) => h?.app.getHttpServer().close(resolve));
    await stopWorker?.();
    await h?.close();
  });

  it('never answers 5xx', async () => {
    const { port } = h.app.getHttpServer().address() as AddressInfo;
    const args = [
      'run', `http://127.0.0.1:${port}/api/docs-json`,
      '--checks', 'not_a_server_error',
      '--header', `Authorization: Bearer ${h.tokens.admin}`,
      '--phases', 'examples,coverage,fuzzing',
      '--max-examples', '25',
      '--max-time', '90',
      '--workers', '1',
      // Two cores run the API, the worker and Temporal's test server: a slow answer is not a missing one.
      '--request-timeout', '30',
      '--no-color',
      '--seed', '20261129',
      // No example database left in the checkout: each run starts from the seed.
      '--generation-database', 'none',
    ];
    const result = await run(ST, args, { maxBuffer: 32 * 1024 * 1024, timeout: 240_000 }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: `${e.stdout}\n${e.stderr}` }),
    );
    if (result.code !== 0) console.log(result.out);
    expect(result.code).toBe(0);
    // Every operation was reached, with hundreds of cases, and every case passed.
    expect(result.out).toMatch(/Selected: (\d+)\/\1\s+Tested: \1/);
    const [, generated, passed] = /(\d+) generated, (\d+) passed/.exec(result.out) ?? [];
    expect(Number(generated)).toBeGreaterThan(500);
    expect(passed).toBe(generated);
  }, 300_000);
});
