/**
 * 征求意见 in a real browser (Debian's Chromium driven by playwright-core)
 * against the built portal, the real API app, PostgreSQL, Temporal's test
 * server and SMTP, one closed cycle's report as its review goes on:
 * - the bureau sends the report out for comments from the page; 市统计局's
 *   submitter opens the link in its mail and lands on the review, not an
 *   item, and comments on a section; the bureau sees who has answered and
 *   does not accept the comment (a reason is asked for first);
 * - the third-party evaluator sends its assessment from the same form, and
 *   the bureau reads it as the evaluator's;
 * - 市统计局, signed in, disputes two of its figures: the bureau refuses one
 *   (a reason is asked for first) and grants the other, which reopens the
 *   item; corrected and approved, it makes the draft's 第2版;
 * - the bureau finalises (定稿); the approver returns the final version (a
 *   reason is asked for first), the bureau finalises again, the approver
 *   approves.
 */
import type { Page } from 'playwright-core';
import { DAYS } from '../support/cycle-harness';
import { eventually } from '../support/eventually';
import { ACCOUNTS, type AccountName } from '../support/api-harness';
import { chooseByTyping } from '../support/browser';
import { portalHarness } from '../support/portal-harness';

const enc = encodeURIComponent;
const COMMENT = '第二章对人口指标的判断请补充2021年人口普查的口径说明。';
const ASSESSMENT = '第三方评估：数据总体可信，个别指标口径需统一。';
const REFUSED_DISPUTE = '指标1的2021年数值应按新口径计算。';
const GRANTED_DISPUTE = '2021年数值填报有误，应为12.4。';
const RETURNED = '请说明第三方评估意见的采纳情况';

describe('the report out for comments in a real browser', () => {
  // Before the bureau sends the report out, the review's 404 is how its page knows to offer 发出征求意见.
  const h = portalHarness({ expectedErrors: (m) => m.location().url.endsWith('/review') && m.text().includes('404') });
  let cycleId: string;
  let reviewPage: string;
  /** The bureau's tab, kept from one step to the next. */
  let bureau: Page;

  const as = (who: AccountName) => ({
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${h.tokens[who]}`),
    post: (path: string, body: object) =>
      h.http().post(path).set('Authorization', `Bearer ${h.tokens[who]}`).send(body).expect(200),
  });
  const onReview = async (who: AccountName) => {
    const page = await h.signIn(who);
    await page.goto(reviewPage);
    return page;
  };
  const commentRow = (page: Page, text: string) => page.getByTestId('review-comments').locator('tr', { hasText: text });
  /** Sends what the comment form says about a section or item, as `button` sends it; it is then listed. */
  const send = async (page: Page, about: string, text: string, { button = '提交意见', sent = '意见已提交' } = {}) => {
    const form = page.getByTestId('comment-form');
    await chooseByTyping(form.getByRole('combobox', { name: '关于' }), about);
    await form.getByLabel('意见内容').fill(text);
    await form.getByRole('button', { name: button }).click();
    // The last notice: a second dispute's joins the first's while that one fades.
    await page.getByText(sent).last().waitFor();
    await commentRow(page, text).waitFor();
  };
  /** The reason dialog titled `title`: sent empty, it asks for the reason; then sent with `reason`. */
  const giveReason = async (page: Page, title: string, reason: string) => {
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.getByText('请写明理由').waitFor();
    await dialog.getByLabel('理由').fill(reason);
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'hidden' });
  };
  const stage = (page: Page, label: string) => page.locator('.ant-descriptions .ant-tag', { hasText: label }).waitFor();

  it('out for comments → a comment through the mail’s link → not accepted with a reason', async () => {
    await h.startWorker();
    ({ cycleId } = await h.launch({ deadlineInDays: 30, hardCloseInDays: 60 }));
    await h.env.sleep(DAYS(1));
    // 市统计局 reports its two indicators, approved: figures a dispute may reopen.
    for (const [key, value] of [
      ['indicator-1', 284.11],
      ['indicator-4', 12.29],
    ] as const) {
      const item = `/api/cycles/${enc(cycleId)}/items/${key}`;
      await as('submitter').post(`${item}/submit`, {
        submission: { kind: 'indicator', value, dataSource: '统计公报' },
      });
      await as('supervisor').post(`${item}/review`, { decision: 'approve' });
    }
    await h.env.sleep(DAYS(60));
    reviewPage = `${h.origin}/cycles/${enc(cycleId)}/review`;

    bureau = await h.signIn('admin');
    await bureau.goto(`${h.origin}/cycles/${enc(cycleId)}/reports/1`);
    await bureau.getByRole('link', { name: '征求意见' }).click();
    await bureau.getByText('报告尚未征求意见').waitFor();
    await bureau.getByLabel('意见截止日期').fill('2099-06-30');
    await bureau.getByRole('button', { name: '发出征求意见' }).click();
    await stage(bureau, '征求意见中');
    await bureau.locator('tr', { hasText: '市统计局' }).getByText('未反馈').waitFor();

    // 市统计局's part arrives by mail; its link opens the review.
    const [mail] = await eventually(
      async () => h.mailsTo(ACCOUNTS.submitter.email, '评估报告征求意见'),
      (m) => m.length > 0,
      '市统计局’s part by mail',
      60_000,
    );
    const token = /http:\/\/portal\.test\/l\/([\w.-]+)/.exec(mail.text)![1];
    const department = await h.open('submitter (link)');
    await department.goto(`${h.origin}/l/${token}`);
    await department.waitForURL(`${reviewPage}`);
    const form = department.getByTestId('comment-form');
    await form.getByRole('button', { name: '提交意见' }).click();
    await form.getByText('请选择意见针对的章节或事项').waitFor();
    // The comment's answer names the section it was taken for.
    await send(department, '主要指标', COMMENT);

    // The bureau: 市统计局 has answered; not accepting the comment asks for the reason first.
    await bureau.reload();
    await bureau
      .locator('tr', { hasText: '市统计局' })
      .getByText(/已反馈/)
      .waitFor();
    const row = commentRow(bureau, COMMENT);
    await row.getByText('主要指标').waitFor();
    await row.getByRole('button', { name: '不采纳' }).click();
    await giveReason(bureau, '不采纳', '口径说明已在附表中列出');
    await row.getByText('口径说明已在附表中列出').waitFor();
    await row.getByText('不采纳', { exact: true }).waitFor();
    expect(h.problems).toEqual([]);
  }, 240_000);

  it('the third-party evaluator’s assessment, from the same form, reaches the bureau as the evaluator’s', async () => {
    const evaluator = await onReview('viewer');
    await send(evaluator, '总体评价', ASSESSMENT);
    // It sees every item to comment on, but disputes are the lead departments' own.
    const form = evaluator.getByTestId('comment-form');
    await form.getByRole('button', { name: '无意见' }).waitFor();
    expect(await form.getByRole('button', { name: '对数据提出异议' }).count()).toBe(0);

    await bureau.reload();
    const row = commentRow(bureau, ASSESSMENT);
    await row.getByText('第三方评估机构').waitFor();
    await row.getByText('第三方评估', { exact: true }).waitFor();
    await row.getByText('总体评价').waitFor();
    expect(h.problems).toEqual([]);
  }, 120_000);

  it('a department’s disputes: one refused with a reason, one granted, its item reopened and the draft recompiled', async () => {
    const department = await onReview('submitter');
    for (const [item, reason] of [
      ['indicator-1', REFUSED_DISPUTE],
      ['indicator-4', GRANTED_DISPUTE],
    ])
      await send(department, item, reason, { button: '对数据提出异议', sent: '异议已提交' });
    await commentRow(department, GRANTED_DISPUTE).getByText('数据异议').waitFor();

    await bureau.reload();
    const refused = commentRow(bureau, REFUSED_DISPUTE);
    await refused.getByRole('button', { name: '不同意' }).click();
    await giveReason(bureau, '不同意重新打开', '新口径自2022年起执行');
    await refused.locator('.ant-tag', { hasText: '不同意' }).waitFor();
    await refused.getByText('新口径自2022年起执行').waitFor();

    const granted = commentRow(bureau, GRANTED_DISPUTE);
    await granted.getByRole('button', { name: '同意重新打开' }).click();
    await stage(bureau, '重新汇编中');
    await granted.locator('.ant-tag', { hasText: '同意重新打开' }).waitFor();

    // The reopened item goes back to 市统计局, is corrected and approved; the cycle closes again with the new draft.
    const item = `/api/cycles/${enc(cycleId)}/items/indicator-4`;
    await eventually(
      () => as('submitter').get(item),
      (r) => r.body.status === 'returned',
      'indicator 4 returned to 市统计局',
    );
    await as('submitter').post(`${item}/submit`, {
      submission: { kind: 'indicator', value: 12.4, dataSource: '统计年报（更正）', reasons: '更正', measures: '核实' },
    });
    await as('supervisor').post(`${item}/review`, { decision: 'approve' });
    await eventually(
      () => as('admin').get(`/api/cycles/${enc(cycleId)}/review`),
      (r) => r.body.stage === 'commenting' && r.body.draftVersion === 2,
      'the recompiled draft',
    );
    await bureau.reload();
    await stage(bureau, '征求意见中');
    await bureau.locator('.ant-descriptions').getByRole('link', { name: '第2版' }).waitFor();
    expect(h.problems).toEqual([]);
  }, 240_000);

  it('定稿 → returned by the approver with a reason → 定稿 again → approved', async () => {
    await bureau.getByRole('button', { name: '定稿' }).click();
    await stage(bureau, '已定稿，待审批');
    await bureau.getByText(/^第3版，admin，/).waitFor();

    const approver = await onReview('approver');
    await approver.getByRole('button', { name: '退回' }).click();
    await giveReason(approver, '退回', RETURNED);
    await stage(approver, '征求意见中');
    await approver.getByText(`approver退回：${RETURNED}`).waitFor();
    expect(await approver.getByRole('button', { name: '批准' }).count()).toBe(0);

    // Back with the bureau, which answers what the approver asked about and finalises again.
    await bureau.reload();
    await bureau.getByText(`approver退回：${RETURNED}`).waitFor();
    const assessment = commentRow(bureau, ASSESSMENT);
    await assessment.getByRole('button', { name: '采纳', exact: true }).click();
    await assessment.locator('.ant-tag', { hasText: '采纳' }).waitFor();
    await bureau.getByRole('button', { name: '定稿' }).click();
    await stage(bureau, '已定稿，待审批');
    // The text is as it was: the final version compiled then stands.
    await bureau.getByText(/^第3版，admin，/).waitFor();

    await approver.reload();
    await approver.getByRole('button', { name: '批准' }).click();
    await approver.getByText('approver已批准').waitFor();
    expect(h.problems).toEqual([]);
  }, 180_000);
});
