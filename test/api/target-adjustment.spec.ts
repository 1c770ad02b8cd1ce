/**
 * 动态调整修订 through HTTP against the real services: at the mid-term the
 * bureau proposes lowering indicator 11's target (市教育局 leads it), the
 * lead department's supervisor and then the approver approve it through the
 * proposal's Temporal workflow, each mailed in turn on the test's SMTP server;
 * the final evaluation then judges indicator 11 against the adjusted target
 * and shows both, and lists the adjustment with who approved it.
 */
import { waitFor } from '../../tools/stack/ports';
import { DAYS } from '../support/cycle-harness';
import { ACCOUNTS, createApiHarness, type AccountName, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
const PLAN = 'heyuan-public-services-2021-2025';
const ADJUSTMENTS = `/api/plans/${PLAN}/adjustments`;
const EDUCATION_SUPERVISOR = 'supervisor@city-education.heyuan.example';

describe('a target adjusted at the mid-term and used by the final evaluation', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(async () => {
    await h?.settled();
    await h?.close();
  });

  const as = (who: AccountName) => {
    const auth = <T extends { set(k: string, v: string): T }>(r: T) =>
      r.set('Authorization', `Bearer ${h.tokens[who]}`);
    return {
      get: (path: string) => auth(h.http().get(path)),
      post: (path: string, body: object) => auth(h.http().post(path)).send(body),
    };
  };
  const mail = (address: string, subject: string) =>
    waitFor(`a mail “${subject}” to ${address}`, () => h.mailsTo(address, subject)[0], 30_000);

  /**
   * Indicator 11 submitted by 市教育局 (with reasons and measures where the value is behind the target in force:
   * the form asks for them then only) and approved by its supervisor; the cycle then runs to its hard close.
   */
  async function runCycle(kind: 'midterm' | 'final', fromYear: number, toYear: number, value: number, behind: boolean) {
    const { cycleId } = await h.launch({ kind, fromYear, toYear, deadlineInDays: 30, hardCloseInDays: 60 });
    await h.env.sleep(DAYS(1));
    const item = `/api/cycles/${enc(cycleId)}/items/indicator-11`;
    await as('otherSubmitter')
      .post(`${item}/submit`, {
        submission: {
          kind: 'indicator',
          value,
          dataSource: '教育统计年报',
          ...(behind ? { reasons: '疫情期间成人继续教育招生减少', measures: '扩大职业教育和成人学历教育招生' } : {}),
        },
      })
      .expect(200);
    await as('otherSupervisor').post(`${item}/review`, { decision: 'approve' }).expect(200);
    await h.env.sleep(DAYS(60));
    await h.env.client.workflow.getHandle(cycleId).result();
    return cycleId;
  }

  it('is proposed, approved by the department and the approver, and judged against in the final report', async () => {
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const midterm = await runCycle('midterm', 2021, 2023, 11.3, true);
      const proposal = { cycleId: midterm, itemKind: 'indicator', itemNo: 11, effectiveYear: 2024 };
      const reason = '受疫情影响，劳动年龄人口受教育年限增速放缓，按中期评估结果适当下调';

      // What the plan's rules cannot read, or a year already evaluated, is refused by field, in both languages.
      const unreadable = await as('admin')
        .post(ADJUSTMENTS, { ...proposal, adjustedTarget: '大约11.5', reason })
        .expect(422);
      expect(unreadable.body.details).toEqual([expect.objectContaining({ field: 'adjustedTarget' })]);
      expect(unreadable.body.message).toContain('不是规划目标的写法');
      expect(unreadable.body.messageEn).toContain('is not a form the plan prints targets in');
      const evaluated = await as('admin')
        .post(ADJUSTMENTS, { ...proposal, adjustedTarget: '11.5', effectiveYear: 2023, reason })
        .expect(422);
      expect(evaluated.body.details).toEqual([expect.objectContaining({ field: 'effectiveYear' })]);
      expect(evaluated.body.messageEn).toContain('between 2024 and 2025');
      // Only the bureau proposes.
      await as('otherSupervisor')
        .post(ADJUSTMENTS, { ...proposal, adjustedTarget: '11.5', reason })
        .expect(403);

      const proposed = await as('admin')
        .post(ADJUSTMENTS, { ...proposal, adjustedTarget: '11.5', reason })
        .expect(201);
      expect(proposed.body).toMatchObject({
        itemKind: 'indicator',
        itemNo: 11,
        itemName: '劳动年龄人口平均受教育年限',
        leadDepartment: 'city-education',
        originalTarget: '11.76',
        adjustedTarget: '11.5',
        effectiveYear: 2024,
        state: 'proposed',
        reportVersion: 1,
      });
      const one = `${ADJUSTMENTS}/${proposed.body.id}`;
      const proposedMail = await mail(EDUCATION_SUPERVISOR, '规划目标调整待审核');
      expect(proposedMail.text).toContain('11.76 → 11.5');
      expect(proposedMail.text).toContain(reason);

      // Not the approver's turn yet, nor another department's supervisor's, nor the bureau's.
      const early = await as('approver').post(`${one}/decision`, { decision: 'approve' }).expect(409);
      expect(early.body.messageEn).toContain('waiting for the lead department’s supervisor');
      await as('supervisor').post(`${one}/decision`, { decision: 'approve' }).expect(403);
      await as('admin').post(`${one}/decision`, { decision: 'approve' }).expect(403);

      const agreed = await as('otherSupervisor').post(`${one}/decision`, { decision: 'approve' }).expect(200);
      expect(agreed.body.state).toBe('department_approved');
      await mail(ACCOUNTS.approver.email, '规划目标调整待审批');
      const approved = await as('approver')
        .post(`${one}/decision`, { decision: 'approve', comment: '同意' })
        .expect(200);
      expect(approved.body).toMatchObject({ state: 'approved', approvedAt: expect.any(String) });
      expect(approved.body.steps.map((s: { stage: string; actorEmail: string }) => [s.stage, s.actorEmail])).toEqual([
        ['department', 'supervisor@city-education.heyuan.example'],
        ['approver', ACCOUNTS.approver.email],
      ]);
      await mail(ACCOUNTS.admin.email, '规划目标调整已批准');
      expect((await as('viewer').get(`${ADJUSTMENTS}?state=approved`).expect(200)).body.total).toBe(1);
      // The plan's own target is not changed.
      const indicators = (await as('admin').get(`/api/plans/${PLAN}/indicators`).expect(200)).body;
      const eleven = (indicators.items ?? indicators).find((i: { no: number }) => i.no === 11);
      expect(eleven.target).toBe('11.76');

      // 11.6 in 2025: short of the plan's 11.76, beyond the adjusted 11.5: the final's form asks no reasons for it.
      const final = await runCycle('final', 2021, 2025, 11.6, false);
      const report = (
        await as('admin')
          .get(`/api/cycles/${enc(final)}/reports/1/json`)
          .expect(200)
      ).body;
      const figures = report.figures ?? report;
      const row = figures.indicators.find((i: { no: number }) => i.no === 11);
      expect(row).toMatchObject({ target: '11.5', adjusted: { original: '11.76', effectiveYear: 2024 } });
      expect(figures.final.indicators.find((i: { no: number }) => i.no === 11).verdict).toBe('met');
      expect(figures.targetAdjustments).toEqual([
        expect.objectContaining({
          itemNo: 11,
          original: '11.76',
          adjusted: '11.5',
          effectiveYear: 2024,
          reason,
          approvals: [
            expect.objectContaining({ role: 'supervisor', unit: '市教育局' }),
            expect.objectContaining({ role: 'approver', name: 'approver' }),
          ],
        }),
      ]);
      const html = (
        await as('admin')
          .get(`/api/cycles/${enc(final)}/reports/1/html`)
          .expect(200)
      ).text;
      expect(html).toContain('11.5（调整后目标，2024年起；原目标11.76）');
      expect(html).toContain('规划目标调整情况');
      const english = (
        await as('admin')
          .get(`/api/cycles/${enc(final)}/reports/1/html?lang=en`)
          .expect(200)
      ).text;
      expect(english).toContain('11.5 (adjusted from 2024; originally 11.76)');
    });
  });
});
