/**
 * 规划调整's decision step in a real browser (Debian's Chromium driven by
 * playwright-core) against the built portal and the real API app over the
 * test's PostgreSQL, time-skipping Temporal server and SMTP server: after the
 * mid-term the bureau proposes lowering indicator 11 (市教育局 leads it); 市教育局's
 * supervisor approves it on the page, the approver returns it with a reason,
 * and the bureau sees it returned, with each decision's who and comment, and
 * may revise it; a viewer sees the list and no decision button.
 */
import type { Page } from 'playwright-core';
import { DAYS } from '../support/cycle-harness';
import type { AccountName } from '../support/api-harness';
import { portalHarness } from '../support/portal-harness';

const PLAN = 'heyuan-public-services-2021-2025';

describe('规划调整: the supervisor’s and the approver’s decisions, in a real browser', () => {
  const h = portalHarness();

  /** `who` signed in, on 规划调整. */
  const signIn = async (who: AccountName): Promise<Page> => {
    const page = await h.signIn(who);
    await page.goto(`${h.origin}/adjustments`);
    return page;
  };
  /** The decisions a row offers (the row's expand button aside). */
  const decisions = (page: Page) => row(page).getByRole('button', { name: /同意|批准|退回|修改/ });
  const row = (page: Page) =>
    page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '劳动年龄人口平均受教育年限' });

  beforeAll(async () => {
    await h.startWorker();
    // A mid-term with its report: the cycle an adjustment is proposed from.
    const { cycleId } = await h.launch({
      kind: 'midterm',
      fromYear: 2021,
      toYear: 2023,
      deadlineInDays: 30,
      hardCloseInDays: 60,
    });
    await h.env.sleep(DAYS(61));
    await h.env.client.workflow.getHandle(cycleId).result();
    await h
      .http()
      .post(`/api/plans/${PLAN}/adjustments`)
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .send({
        cycleId,
        itemKind: 'indicator',
        itemNo: 11,
        adjustedTarget: '11.5',
        effectiveYear: 2024,
        reason: '按中期评估结果适当下调',
      })
      .expect(201);
  });

  it('the lead department’s supervisor approves, the approver returns with a reason, the bureau may revise', async () => {
    const viewer = await signIn('viewer');
    await row(viewer).getByText('待牵头部门审核').waitFor();
    expect(await decisions(viewer).count()).toBe(0);

    const supervisor = await signIn('otherSupervisor');
    await row(supervisor).getByText('11.76').waitFor();
    await row(supervisor).getByRole('button', { name: '同意' }).click();
    await row(supervisor).getByText('待审批').waitFor();
    expect(await decisions(supervisor).count()).toBe(0);

    const approver = await signIn('approver');
    await row(approver).getByRole('button', { name: '退回' }).click();
    const dialog = approver.getByRole('dialog', { name: '退回调整建议' });
    await dialog.getByRole('textbox', { name: '退回原因' }).fill('请补充近三年的分年数据');
    await dialog.getByRole('button', { name: '退回' }).click();
    await row(approver).getByText('已退回').waitFor();

    const bureau = await signIn('admin');
    await row(bureau).getByRole('button', { name: '修改后重新提交' }).waitFor();
    // The row opens to its decisions: who, and what they said.
    await row(bureau).locator('.ant-table-row-expand-icon').click();
    const steps = bureau.locator('.ant-timeline');
    await steps.getByText('otherSupervisor 同意', { exact: false }).waitFor();
    await steps.getByText('approver 退回：请补充近三年的分年数据', { exact: false }).waitFor();
    expect(h.problems).toEqual([]);
  }, 180_000);
});
