/**
 * No request can stall a cycle. Text PostgreSQL or JSON would refuse (a lone
 * surrogate, NUL, an over-long text, fields a kind does not have, nesting, a
 * body too large) is refused with a 400 (413) naming the field before it
 * reaches Temporal; and should a record still be refused as data, the item is
 * marked, the bureau is told, and the cycle closes with its report. Against
 * the real Temporal test server, PostgreSQL and SMTP server.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createCycleWorker } from '../../apps/worker/src/cycle-worker';
import type { CycleActivities, RecordCommandInput } from '@libs/cycle/activities-contract';
import { departmentWorkflowId } from '@libs/cycle/cycle-definition';
import { itemCommandUpdate } from '../../workflows/department-cycle.messages';
import { BUREAU_EMAIL, DAYS, submitter, TASK_QUEUE } from '../support/cycle-harness';
import { createApiHarness, OWN, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;

describe('text that cannot be stored', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (token: string) => ({
    put: (path: string, body: object | string) =>
      h.http().put(path).set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(body),
    post: (path: string, body: object | string) =>
      h.http().post(path).set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(body),
  });

  it('is refused by field before it reaches the workflow; the item is untouched and the cycle closes', async () => {
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const definition = await h.definition({ fromYear: 2022, toYear: 2022, deadlineInDays: 1, hardCloseInDays: 2 });
      const { cycleId } = (await as(h.tokens.admin).post('/api/cycles', definition).expect(201)).body;
      await h.env.sleep(DAYS(0.1));
      const item = `/api/cycles/${enc(cycleId)}/items/indicator-1`;
      const submitterSession = as(h.tokens.submitter);

      // JSON escapes as a client sends them: the lone surrogate survives JSON.parse.
      const loneSurrogate = await submitterSession
        .put(`${item}/draft`, '{"submission":{"kind":"indicator","value":1,"dataSource":"x\\ud800y"}}')
        .expect(400);
      expect(loneSurrogate.body.details).toEqual([
        expect.objectContaining({ field: 'submission.dataSource', zh: expect.stringContaining('残缺字符') }),
      ]);
      const nul = await submitterSession
        .post(`${item}/submit`, '{"submission":{"kind":"indicator","value":1,"dataSource":"a\\u0000b"}}')
        .expect(400);
      expect(nul.body.details[0]).toMatchObject({ field: 'submission.dataSource' });
      const long = await submitterSession
        .put(`${item}/draft`, { submission: { kind: 'indicator', value: 1, dataSource: '统'.repeat(501) } })
        .expect(400);
      expect(long.body.details[0]).toMatchObject({
        field: 'submission.dataSource',
        zh: expect.stringContaining('最多 500 个字符'),
      });
      const unknown = await submitterSession
        .put(`${item}/draft`, { submission: { kind: 'indicator', value: 1, dataSource: 'x', note: { deep: [1] } } })
        .expect(400);
      expect(unknown.body.details[0]).toMatchObject({
        field: 'submission.note',
        zh: expect.stringContaining('不接受字段'),
      });
      const wrongKind = await submitterSession
        .put(`${item}/draft`, { submission: { kind: 'task', narrative: 'x' } })
        .expect(400);
      expect(wrongKind.body.details[0]).toMatchObject({ field: 'submission.kind' });
      const deep = `{"submission":${'['.repeat(3000)}${']'.repeat(3000)}}`;
      const nested = await submitterSession.put(`${item}/draft`, deep).expect(400);
      expect(nested.body.message).toContain('嵌套层级过深');
      const reason = await as(h.tokens.supervisor)
        .post(`${item}/review`, '{"decision":"reject","reason":"\\udc00"}')
        .expect(400);
      expect(reason.body.details[0]).toMatchObject({ field: 'reason' });

      // Too large, or not JSON, even before sign-in: a 413 or a 400 saying so, never a 500.
      const large = await h
        .http()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(200_000) }))
        .expect(413);
      expect(large.body).toMatchObject({ code: 'too_large', message: expect.stringContaining('请求内容过大') });
      await h.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);

      // Nothing reached the workflow: the item is as it was, and the cycle closes with its report.
      const live = await h.cycles.departmentStatus(cycleId, OWN);
      expect(live.counts).toMatchObject({ assigned: live.total, draft: 0, submitted: 0 });
      await h.env.sleep(DAYS(2));
      const closed = await h.env.client.workflow.getHandle(cycleId).result();
      expect(closed).toMatchObject({ phase: 'closed', reportPath: expect.stringMatching(/report-v1\.json$/) });
    });
  });

  it('a record PostgreSQL refuses as data marks its item, tells the bureau, and the cycle still closes', async () => {
    // A worker whose backstop write carries what the validators would have stopped: PostgreSQL refuses it, for real.
    const corrupt = (r: RecordCommandInput): RecordCommandInput =>
      r.submission ? { ...r, submission: { ...r.submission, dataSource: 'x\ud800y' } as typeof r.submission } : r;
    const activities: CycleActivities = Object.create(h.activities);
    activities.recordCommands = (inputs) => h.activities.recordCommands(inputs.map(corrupt));
    const worker = await createCycleWorker({
      connection: h.env.nativeConnection,
      taskQueue: TASK_QUEUE,
      activities,
      maxCachedWorkflows: 0,
    });
    await worker.runUntil(async () => {
      const definition = await h.definition({ fromYear: 2023, toYear: 2023, deadlineInDays: 5, hardCloseInDays: 10 });
      const { cycleId } = (await as(h.tokens.admin).post('/api/cycles', definition).expect(201)).body;
      await h.env.sleep(DAYS(0.1));
      // Straight to the workflow (the API's own write would be the first refused): only the workflow writes this record.
      const submission = {
        kind: 'indicator' as const,
        value: 284.7,
        dataSource: '人口抽样调查',
        reasons: '统计口径调整',
        measures: '按新口径补报',
      };
      await h.env.client.workflow.getHandle(departmentWorkflowId(cycleId, OWN)).executeUpdate(itemCommandUpdate, {
        args: [
          {
            requestId: 'refused-record-1',
            actor: submitter(OWN),
            command: { type: 'submit', itemKey: 'indicator-1', submission },
          },
        ],
        updateId: 'refused-record-1',
      });
      await h.env.sleep(DAYS(10));
      const closed = await h.env.client.workflow.getHandle(cycleId).result();
      expect(closed).toMatchObject({ phase: 'closed', reportPath: expect.stringMatching(/report-v1\.json$/) });

      const [marked] = await h.db.dataSource.query(
        `SELECT attention FROM work_item WHERE cycle_id = $1 AND item_key = 'indicator-1'`,
        [cycleId],
      );
      expect(marked.attention).toMatchObject({
        reason: 'record_refused',
        requestId: 'refused-record-1',
        command: 'submit',
        error: expect.stringContaining('json'),
      });
      const item = await h
        .http()
        .get(`/api/cycles/${enc(cycleId)}/items/indicator-1`)
        .set('Authorization', `Bearer ${h.tokens.admin}`)
        .expect(200);
      expect(item.body.attention).toMatchObject({ reason: 'record_refused' });
      for (let i = 0; i < 100 && h.mailsTo(BUREAU_EMAIL, '填报记录未能保存').length === 0; i++) await sleep(50);
      const [told] = h.mailsTo(BUREAU_EMAIL, '填报记录未能保存');
      expect(told.text).toContain('常住人口');
      expect(told.text).toContain('invalid input syntax for type json');
    });
  });
});
