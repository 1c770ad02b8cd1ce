/**
 * 征求意见 in a real browser (Debian's Chromium driven by playwright-core)
 * against the built portal, the real API app, PostgreSQL, Temporal's test
 * server and SMTP: the bureau sends a closed cycle's report out for comments
 * from the page; 市统计局's submitter opens the link in its mail and lands on
 * the review, not an item, and comments on a section; the bureau sees who has
 * answered, does not accept the comment (a reason is asked for first),
 * finalises (定稿), and the approver approves.
 */
import type { Page } from 'playwright-core';
import { DAYS } from '../support/cycle-harness';
import { ACCOUNTS, createApiHarness, PASSWORD, type AccountName, type ApiHarness } from '../support/api-harness';
import { openPortalBrowser, type PortalBrowser } from '../support/browser';

const COMMENT = '第二章对人口指标的判断请补充2021年人口普查的口径说明。';

describe('the report out for comments in a real browser', () => {
  let h: ApiHarness;
  let browser: PortalBrowser;
  let stopWorker: (() => Promise<void>) | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    h = await createApiHarness();
    browser = await openPortalBrowser(h);
  });
  afterAll(async () => {
    await browser?.close();
    await stopWorker?.();
    await h?.close();
  });

  const watched = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    page.on('response', (r) => r.url().includes('/review') && r.status() >= 500 && problems.push(r.url()));
    page.on('pageerror', (e) => problems.push(e.message));
    return page;
  };
  const signedIn = async (who: AccountName): Promise<Page> => {
    const page = await watched();
    await page.goto(`${browser.origin}/login`);
    await page.locator('#email').fill(ACCOUNTS[who].email);
    await page.locator('#password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '退出' }).waitFor();
    return page;
  };

  it('out for comments → a comment through the mail’s link → not accepted with a reason → 定稿 → approved', async () => {
    stopWorker = await h.startWorker();
    const { cycleId } = await h.launch({ deadlineInDays: 30, hardCloseInDays: 60 });
    await h.env.sleep(DAYS(61));
    const reviewPage = `${browser.origin}/cycles/${encodeURIComponent(cycleId)}/review`;

    const bureau = await signedIn('admin');
    await bureau.goto(`${browser.origin}/cycles/${encodeURIComponent(cycleId)}/reports/1`);
    await bureau.getByRole('link', { name: '征求意见' }).click();
    await bureau.getByText('报告尚未征求意见').waitFor();
    await bureau.getByLabel('意见截止日期').fill('2099-06-30');
    await bureau.getByRole('button', { name: '发出征求意见' }).click();
    await bureau.getByText('征求意见中').waitFor();
    await bureau.locator('tr', { hasText: '市统计局' }).getByText('未反馈').waitFor();

    // 市统计局's part arrives by mail; its link opens the review.
    let mail = h.mailsTo(ACCOUNTS.submitter.email, '评估报告征求意见');
    for (let waited = 0; mail.length === 0 && waited < 60_000; waited += 200) {
      await new Promise((r) => setTimeout(r, 200));
      mail = h.mailsTo(ACCOUNTS.submitter.email, '评估报告征求意见');
    }
    const token = /http:\/\/portal\.test\/l\/([\w.-]+)/.exec(mail[0].text)![1];
    const department = await watched();
    await department.goto(`${browser.origin}/l/${token}`);
    await department.waitForURL(`${reviewPage}`);
    const form = department.getByTestId('comment-form');
    await form.getByRole('button', { name: '提交意见' }).click();
    await form.getByText('请选择意见针对的章节或事项').waitFor();
    // Typed and chosen with Enter (the comment's answer names the section it was taken for).
    const about = form.getByRole('combobox', { name: '关于' });
    await about.click();
    await about.fill('主要指标');
    await department
      .locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: '主要指标' })
      .waitFor();
    await about.press('Enter');
    await form.getByLabel('意见内容').fill(COMMENT);
    await form.getByRole('button', { name: '提交意见' }).click();
    await department.getByText('意见已提交').waitFor();
    await department.getByTestId('review-comments').getByText(COMMENT).waitFor();

    // The bureau: 市统计局 has answered; not accepting the comment asks for the reason first.
    await bureau.reload();
    await bureau
      .locator('tr', { hasText: '市统计局' })
      .getByText(/已反馈/)
      .waitFor();
    const row = bureau.getByTestId('review-comments').locator('tr', { hasText: COMMENT });
    await row.getByText('主要指标').waitFor();
    await row.getByRole('button', { name: '不采纳' }).click();
    const dialog = bureau.getByRole('dialog', { name: '不采纳' });
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.getByText('请写明理由').waitFor();
    await dialog.getByLabel('理由').fill('口径说明已在附表中列出');
    await dialog.getByRole('button', { name: '提交' }).click();
    await row.getByText('口径说明已在附表中列出').waitFor();
    await row.getByText('不采纳', { exact: true }).waitFor();

    await bureau.getByRole('button', { name: '定稿' }).click();
    await bureau.getByText('已定稿，待审批').waitFor();
    await bureau.getByText(/^第2版，admin，/).waitFor();

    const approver = await signedIn('approver');
    await approver.goto(reviewPage);
    await approver.getByRole('button', { name: '批准' }).click();
    await approver.getByText('已批准', { exact: true }).waitFor();
    expect(problems).toEqual([]);
  }, 240_000);
});
