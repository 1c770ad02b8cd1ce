/**
 * A step whose activity fails for good, against the real time-skipping
 * Temporal server, PostgreSQL and SMTP, and the built portal in a real
 * browser: with its attempts bounded low, the report writer crashing on every
 * attempt stops the cycle at closeCycle instead of failing it or retrying for
 * ever; the problem is in the API, the business metric and the dashboard's
 * 运行异常, the bureau is mailed (in its language), and once the writer is
 * fixed the bureau's 重试 (audited) lets the cycle close with its report.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { cycleWorkflowId } from '@libs/cycle/cycle-definition';
import { OperationsRepository } from '@libs/persistence/repositories/operations.repository';
import { createCycleWorker } from '../../apps/worker/src/cycle-worker';
import { BUREAU_EMAIL, DAYS, TASK_QUEUE } from '../support/cycle-harness';
import type { AccountName } from '../support/api-harness';
import { portalHarness } from '../support/portal-harness';

describe('a step that fails for good', () => {
  const h = portalHarness();

  const as = (who: AccountName) => ({
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${h.tokens[who]}`),
    post: (path: string) => h.http().post(path).set('Authorization', `Bearer ${h.tokens[who]}`).send({}),
  });

  it('stops at the step, tells the bureau, and runs again on the bureau’s retry', async () => {
    let writerBroken = true;
    const writes: number[] = [];
    const activities = Object.assign(Object.create(h.activities) as typeof h.activities, {
      closeCycle: async (input: Parameters<typeof h.activities.closeCycle>[0]) => {
        writes.push(writes.length + 1);
        if (writerBroken) throw new Error('the report writer crashed on a value (NaN in 表3)');
        return h.activities.closeCycle(input);
      },
    });
    const worker = await createCycleWorker({
      connection: h.env.nativeConnection,
      taskQueue: TASK_QUEUE,
      activities,
      maxCachedWorkflows: 0,
    });
    const definition = await h.definition({ fromYear: 2021, toYear: 2021, deadlineInDays: 1, hardCloseInDays: 2 });
    const cycleId = cycleWorkflowId(definition);
    const problems = `/api/cycles/${encodeURIComponent(cycleId)}/problems`;

    await worker.runUntil(async () => {
      // Launched as the calendar launches (prepareCycle plans and writes the items), its attempts bounded to 3.
      const handle: WorkflowHandle = await h.env.client.workflow.start('evaluationCycle', {
        workflowId: cycleId,
        taskQueue: TASK_QUEUE,
        args: [{ definition, activityAttempts: 3 }],
      });
      // Nobody answers: at the hard close the cycle closes, and the report writer fails three times.
      await h.env.sleep(DAYS(3));
      let listed: Array<{ id: number; step: string; error: string; attempts: number; department: string | null }> = [];
      for (let i = 0; i < 100 && listed.length === 0; i++) {
        await h.env.sleep('1 minute');
        listed = (await as('viewer').get(problems).expect(200)).body.items;
      }
      expect(listed).toEqual([
        expect.objectContaining({
          step: 'closeCycle',
          department: null,
          attempts: 3,
          error: expect.stringContaining('the report writer crashed on a value'),
        }),
      ]);
      expect(writes).toHaveLength(3);
      expect(await handle.describe()).toMatchObject({ status: { name: 'RUNNING' } });
      expect((await new OperationsRepository(h.db.dataSource).snapshot()).cycleProblems).toBe(1);

      // The bureau hears of it in both languages.
      for (let i = 0; i < 100 && h.mailsTo(BUREAU_EMAIL, '评估运行异常').length === 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      const [mail] = h.mailsTo(BUREAU_EMAIL, '评估运行异常');
      expect(mail.text).toContain('closeCycle: the report writer crashed on a value');
      expect(mail.text).toContain('点“重试”');

      // The dashboard shows it with 重试; only the bureau retries.
      const page = await h.signIn('admin');
      await page.goto(`${h.origin}/cycles/${encodeURIComponent(cycleId)}`);
      const alert = page.getByRole('alert').filter({ hasText: '运行异常' });
      await alert.getByText('the report writer crashed on a value').waitFor();
      await alert.getByText('closeCycle').waitFor();
      const [{ id }] = listed;
      await as('viewer').post(`${problems}/${id}/retry`).expect(403);
      const notANumber = await as('admin').post(`${problems}/first/retry`).expect(400);
      expect(notANumber.body.details).toEqual([expect.objectContaining({ field: 'problemId' })]);
      await as('admin')
        .post(`${problems}/${id + 1000}/retry`)
        .expect(404);

      // Once the writer is fixed, 重试 runs the step again and the cycle closes.
      writerBroken = false;
      await alert.getByRole('button', { name: /重\s*试/ }).click();
      await page.getByText('已重试').waitFor();
      await alert.waitFor({ state: 'detached' });
      expect(await handle.result()).toMatchObject({
        phase: 'closed',
        reportPath: expect.stringContaining('report-v1'),
      });
      expect(writes).toHaveLength(4);
      expect((await as('viewer').get(problems).expect(200)).body.items).toEqual([]);
      const again = await as('admin').post(`${problems}/${id}/retry`).expect(409);
      expect(again.body.messageEn).toContain('already retried');
      const audit = await as('admin').get(`/api/audit?entityType=cycle&entityId=${encodeURIComponent(cycleId)}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('retry_step');
      expect(h.problems).toEqual([]);
    });
  });
});
