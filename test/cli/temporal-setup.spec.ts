/**
 * `plan-eval temporal-setup --retention`, as the Compose stack's set-up job runs it, in a subprocess
 * against a real Temporal dev server: the namespace created with the retention given, its search
 * attributes registered, and on a later run the retention brought to a new one, nothing else changed.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { tsToMs } from '@temporalio/common/lib/time';
import { createDevServerEnvironment } from '../support/temporal';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/plan-eval.js');
const NAMESPACE = 'heyuan-deployment';
const DAY_MS = 86_400_000;

describe('plan-eval temporal-setup --retention', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => (env = await createDevServerEnvironment()));
  afterAll(() => env?.teardown());

  const setup = async (...args: string[]) =>
    (
      await run('node', [BIN, 'temporal-setup', ...args], {
        env: { ...process.env, TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: NAMESPACE },
      })
    ).stdout;
  const retentionDays = async () =>
    tsToMs(
      (await env.connection.workflowService.describeNamespace({ namespace: NAMESPACE })).config
        ?.workflowExecutionRetentionTtl,
    ) / DAY_MS;

  it('creates the namespace with its retention and registers the search attributes, then keeps it', async () => {
    const first = await setup('--retention', '180d');
    expect(first).toContain(`命名空间 (namespace) ${NAMESPACE}: created, retention 180d`);
    expect(first).toContain('已注册检索属性 (registered search attributes)');
    expect(await retentionDays()).toBe(180);
    const listed = await env.connection.operatorService.listSearchAttributes({ namespace: NAMESPACE });
    expect(Object.keys(listed.customAttributes ?? {})).toContain('PlanEvalOverdue');

    expect(await setup('--retention', '90d')).toContain('retention changed, retention 90d');
    expect(await retentionDays()).toBe(90);
    expect(await setup('--retention', '90d')).toContain('unchanged');
  });

  it('refuses a retention that is not a duration, naming the option', async () => {
    await expect(setup('--retention', 'half a year')).rejects.toMatchObject({
      stderr: expect.stringContaining('--retention must be a duration'),
    });
  });
});
