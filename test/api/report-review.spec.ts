/**
 * The report's review through HTTP against the real services (time-skipping
 * Temporal server, PostgreSQL, SMTP through the outbox): an annual 2021 cycle
 * closes with its draft (v1) → the bureau sends it out for comments (a repeat
 * starts nothing) → 市教育局 comments through the link in its mail, 市统计局
 * signed in, the third-party evaluator assesses → the bureau accepts one,
 * refuses another without a reason (refused, 409) and then with one → 市统计局
 * disputes indicator 4, the bureau grants it: the cycle reruns for the item,
 * which is corrected and approved, and the review goes on with the recompiled
 * draft (v2) → 定稿 (v3, with the hashes of its figures and text) → the
 * approver approves → every lead department receives the final version, once.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DAYS } from '../support/cycle-harness';
import { eventually } from '../support/eventually';
import { reviewWorkflowId } from '@libs/cycle/report-review';
import { ACCOUNTS, createApiHarness, OTHER, OWN, type AccountName, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;

describe('the report’s review after close', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (who: AccountName | { token: string }) => {
    const token = typeof who === 'string' ? h.tokens[who] : who.token;
    return {
      get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${token}`),
      post: (path: string, body?: object) => h.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    };
  };

  it('comments → answers → a dispute reopened and recompiled → 定稿 → approved → the final mailed once each', async () => {
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const { cycleId } = await h.launch({ deadlineInDays: 30, hardCloseInDays: 60 });
      const cycle = `/api/cycles/${enc(cycleId)}`;
      const review = `${cycle}/review`;
      const state = () => as('admin').get(review);
      await h.env.sleep(DAYS(1));
      for (const key of ['indicator-1', 'indicator-4']) {
        await as('submitter')
          .post(`${cycle}/items/${key}/submit`, {
            submission: {
              kind: 'indicator',
              value: 11,
              dataSource: '统计年报',
              reasons: '人口外流',
              measures: '稳就业',
            },
          })
          .expect(200);
        await as('supervisor').post(`${cycle}/items/${key}/review`, { decision: 'approve' }).expect(200);
      }
      // Before the close there is nothing to review.
      const early = await as('admin').post(review, { deadline: new Date(Date.now() + DAYS(9)).toISOString() });
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/尚未结束/);
      await h.env.sleep(DAYS(61));

      const now = await h.env.currentTimeMs();
      const deadline = new Date(now + DAYS(10)).toISOString();
      expect((await as('admin').post(review, { deadline }).expect(201)).body).toEqual({ cycleId, started: true });
      expect((await as('admin').post(review, { deadline }).expect(201)).body).toEqual({ cycleId, started: false });
      // An operator finds the review beside its cycle in the Temporal UI: by plan, kind and period.
      const described = await h.env.client.workflow.getHandle(reviewWorkflowId(cycleId)).describe();
      expect(
        Object.fromEntries(described.typedSearchAttributes.getAll().map((pair) => [pair.key.name, pair.value])),
      ).toEqual({
        PlanEvalPlan: 'heyuan-public-services-2021-2025',
        PlanEvalCycleKind: 'annual',
        PlanEvalPeriod: '2021',
      });
      const opened = (await eventually(state, (r) => r.status === 200, 'the review’s row')).body;
      expect(opened).toMatchObject({ stage: 'commenting', draftVersion: 1, requireApproval: true, final: null });
      const departments: string[] = opened.departments.map((d: { code: string }) => d.code);
      expect(departments).toEqual(expect.arrayContaining([OWN, OTHER]));

      // Each department's part reaches its submitter, with a link to comment and the findings naming it.
      const request = await eventually(
        async () => h.mailsTo(ACCOUNTS.otherSubmitter.email, '评估报告征求意见'),
        (m) => m.length === 1,
        '市教育局’s comment request',
      );
      const link = /http:\/\/portal\.test\/l\/([\w.-]+)/.exec(request[0].text)![1];
      const linked = (await h.http().post('/api/auth/link').send({ token: link }).expect(200)).body;
      const educationItem = linked.item.itemKey as string;
      const byLink = await as({ token: linked.token })
        .post(`${review}/comments`, { itemKey: educationItem, text: '数据来源应为2021年教育统计年报。' })
        .expect(200);
      expect(byLink.body).toMatchObject({ stage: 'commenting', commentId: expect.any(String) });
      // The link is for its department's part only.
      const notOwn = await as({ token: linked.token })
        .post(`${review}/comments`, { itemKey: 'indicator-4', text: '不是本部门的事项' })
        .expect(409);
      expect(notOwn.body).toMatchObject({
        message: expect.stringMatching(/不属于本部门/),
        messageEn: /not your department/,
      });

      const section = await as('submitter')
        .post(`${review}/comments`, { section: 'problems', text: '问题部分对人口外流的分析不够充分。' })
        .expect(200);
      const assessment = await as('viewer')
        .post(`${review}/comments`, { section: 'summary', text: '第三方评估：数据总体可信，个别指标口径需统一。' })
        .expect(200);
      const bad = await as('submitter').post(`${review}/comments`, { text: '没有指明事项' }).expect(409);
      expect(bad.body).toMatchObject({
        message: expect.stringMatching(/事项或章节/),
        messageEn: /item or the section/,
      });

      await as('admin')
        .post(`${review}/comments/${enc(byLink.body.commentId)}/answer`, { accepted: true })
        .expect(200);
      const noReason = await as('admin')
        .post(`${review}/comments/${enc(section.body.commentId)}/answer`, { accepted: false })
        .expect(409);
      expect(noReason.body.messageEn).toMatch(/reason for not accepting/);
      await as('admin')
        .post(`${review}/comments/${enc(section.body.commentId)}/answer`, {
          accepted: false,
          reason: '人口外流分析已在第三章展开。',
        })
        .expect(200);
      await as('submitter')
        .post(`${review}/comments/${enc(section.body.commentId)}/answer`, { accepted: true })
        .expect(403);

      // 市统计局 disputes indicator 4; granting it reruns the cycle for that item.
      const dispute = await as('submitter')
        .post(`${review}/disputes`, { itemKey: 'indicator-4', reason: '2021年数值填报有误，应为12.4。' })
        .expect(200);
      await as('admin').post(`${review}/finalise`).expect(409);
      const granted = await as('admin')
        .post(`${review}/disputes/${enc(dispute.body.commentId)}/decision`, { granted: true })
        .expect(200);
      expect(granted.body.stage).toBe('recompiling');
      await eventually(
        () => as('submitter').get(`${cycle}/items/indicator-4`),
        (r) => r.body.status === 'returned',
        'indicator 4 returned to its submitter',
      );
      await as('submitter')
        .post(`${cycle}/items/indicator-4/submit`, {
          submission: {
            kind: 'indicator',
            value: 12.4,
            dataSource: '统计年报（更正）',
            reasons: '更正',
            measures: '核实',
          },
        })
        .expect(200);
      await as('supervisor').post(`${cycle}/items/indicator-4/review`, { decision: 'approve' }).expect(200);
      const recompiled = (
        await eventually(state, (r) => r.body.stage === 'commenting' && r.body.draftVersion === 2, 'the new draft')
      ).body;
      expect(
        recompiled.comments.map((c: { kind: string; answer: { answer: string } | null }) => [c.kind, c.answer?.answer]),
      ).toEqual([
        ['comment', 'accepted'],
        ['comment', 'not_accepted'],
        ['assessment', undefined],
        ['dispute', 'granted'],
      ]);
      expect(recompiled.comments[2].id).toBe(assessment.body.commentId);
      await eventually(
        async () => h.mailsTo(ACCOUNTS.otherSubmitter.email, '评估报告征求意见'),
        (m) => m.length === 2,
        'the recompiled draft sent again',
      );

      // 定稿: the final version carries both hashes and waits for the approver; nothing else is taken now.
      const finalised = await as('admin').post(`${review}/finalise`).expect(200);
      expect(finalised.body.stage).toBe('awaiting_approval');
      const final = (await state().expect(200)).body;
      expect(final.final).toMatchObject({
        version: 3,
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        textHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        by: { name: 'admin', role: 'bureau' },
      });
      await as('submitter').post(`${review}/comments`, { section: 'summary', text: '晚了' }).expect(409);
      await as('admin').post(`${review}/approval`, { approved: true }).expect(403);
      const approved = await as('approver').post(`${review}/approval`, { approved: true }).expect(200);
      expect(approved.body.stage).toBe('approved');

      await eventually(state, (r) => r.body.stage === 'completed', 'the final version mailed');
      for (const code of departments) {
        const mails = h.mailsTo(`submitter@${code}.heyuan.example`, '评估报告定稿');
        expect([code, mails.length]).toEqual([code, 1]);
      }
      const reports = (await as('admin').get(`${cycle}/reports`).expect(200)).body;
      expect(reports.items.map((r: { version: number }) => r.version)).toEqual([1, 2, 3]);
      expect(reports.items[2].contentHash).toBe(final.final.contentHash);
      expect(reports.items.map((r: { stage: string }) => r.stage)).toEqual(['draft', 'draft', 'final']);
      // What a department sees: itself and its own comments, with the evaluator's assessments.
      const own = (await as('submitter').get(review).expect(200)).body;
      expect(own.departments.map((d: { code: string }) => d.code)).toEqual([OWN]);
      expect(own.comments.map((c: { kind: string }) => c.kind)).toEqual(['comment', 'assessment', 'dispute']);
      const audit = (
        await as('admin')
          .get(`/api/audit?entityType=cycle&entityId=${enc(cycleId)}`)
          .expect(200)
      ).body;
      expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining([
          'review_start',
          'review_comment',
          'review_answer',
          'review_finalise',
          'review_approve',
        ]),
      );
      if (process.env.RECORD_HISTORIES) await recordHistory(h, reviewWorkflowId(cycleId));
    });
    // Three report versions compiled (each Word, Excel and HTML in two languages) and every task replayed.
  }, 360_000);
});

/** The review's history for the replay suite (test/cycle/replay.spec.ts): `RECORD_HISTORIES=1` re-records it. */
async function recordHistory(h: ApiHarness, workflowId: string): Promise<void> {
  const history = await h.env.client.workflow.getHandle(workflowId).fetchHistory();
  const file = join(__dirname, '../histories', `${workflowId.replace(/[^A-Za-z0-9-]+/g, '_')}.json`);
  await writeFile(file, JSON.stringify({ workflowId, history }));
}
