/**
 * The web portal in a real browser (Debian's Chromium driven by
 * playwright-core), against the built portal (dist/web) served by the real API
 * app over the test's PostgreSQL, time-skipping Temporal server and SMTP
 * server. A submitter follows the link in the email received and submits
 * (refused in place first); the supervisor returns it with a reason; the
 * submitter signs in, corrects, attaches evidence and resubmits; the
 * supervisor approves in bulk; a co-operating department signs in, finds the
 * item it is asked to contribute to under 需我配合的 and contributes; the
 * bureau's dashboard shows it and, after the hard close, the report
 * downloads. No errors in the browser console; a screenshot of each page in
 * out/screenshots/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DAYS } from '../support/cycle-harness';
import { ACCOUNTS, PASSWORD } from '../support/api-harness';
import { portalHarness } from '../support/portal-harness';

const SHOTS = resolve(__dirname, '../../out/screenshots');
/** Values on the straight path for 2021 (see the reference figures beside the input). */
const VALUES: Record<string, [first: string, corrected: string]> = {
  'indicator-1': ['284.2', '284.1'],
  'indicator-4': ['12.4', '12.3'],
};

describe('the web portal in a real browser', () => {
  const h = portalHarness({ acceptDownloads: true });
  beforeAll(() => mkdir(SHOTS, { recursive: true }));

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const signIn = async (page: Page, email: string) => {
    await page.goto(`${h.origin}/login`);
    // Keyboard only: the email field has focus, Tab to the password, Enter signs in.
    await page.waitForFunction("document.activeElement?.id === 'email'");
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '退出' }).waitFor();
  };

  it('serves the portal outside /api: its files, its page for its own routes, and nothing in place of the API or a missing file', async () => {
    const page = await h.http().get('/cycles/cycle%2Fheyuan%2Fannual%2F2021/items/indicator-1').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)![1];
    await h
      .http()
      .get(script)
      .expect(200)
      .expect('Content-Type', /javascript/);
    await h.http().get('/assets/missing.js').expect(404);
    const api = await h.http().get('/api/no-such-endpoint').expect(404);
    expect(api.body.code).toBe('not_found');
    await h.http().post('/inbox').expect(404);
  });

  it('link → submit → return → correct → approve → dashboard → report', async () => {
    const definition = await h.definition({ deadlineInDays: 30, hardCloseInDays: 60 });
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const { itemKinds, ...launch } = definition;
      const launched = await h
        .http()
        .post('/api/cycles')
        .set('Authorization', `Bearer ${h.tokens.admin}`)
        .send({ ...launch, itemKinds })
        .expect(201);
      const cycleId: string = launched.body.cycleId;
      await h.env.sleep(DAYS(1));

      // The submitter follows the first link of the assignment email and lands on the item, signed in for it.
      const [digest] = h.mailsTo(ACCOUNTS.submitter.email, '填报任务');
      const token = /http:\/\/portal\.test\/l\/([\w.-]+)/.exec(digest.text)![1];
      const byLink = await h.open('submitter (link)');
      await byLink.goto(`${h.origin}/l/${token}`);
      await byLink.waitForURL(/\/cycles\/.+\/items\/indicator-\d+$/);
      const itemKey = decodeURIComponent(byLink.url().split('/').pop()!);
      const [first, corrected] = VALUES[itemKey];
      await byLink.getByText('邮件链接：仅限此事项').waitFor();
      await byLink.getByText('本年预期值（2021年）').waitFor();
      await byLink.getByText('基期值（2020年）').waitFor();
      await shot(byLink, '01-submitter-link-item');

      // Submitting nothing: each refusal beside its input.
      await byLink.getByRole('button', { name: '提交审核' }).click();
      await byLink
        .locator('#dataSource_help, .ant-form-item-explain-error')
        .filter({ hasText: '请填写数据来源' })
        .first()
        .waitFor();
      await byLink.locator('.ant-form-item-explain-error').filter({ hasText: '请填写数值' }).waitFor();
      await shot(byLink, '02-submitter-refused-in-place');
      await byLink.locator('#value').fill(first);
      await byLink.locator('#dataSource').fill('人口抽样调查');
      await byLink.getByRole('button', { name: '保存草稿' }).click();
      await byLink.getByText('草稿已保存').waitFor();
      await byLink.getByRole('button', { name: '提交审核' }).click();
      await byLink.getByText('已提交，等待审核').waitFor();
      await byLink.locator('.ant-descriptions').getByText('待审核').first().waitFor();
      await shot(byLink, '03-submitter-submitted');

      // The supervisor signs in (keyboard only) and returns it with a reason.
      const supervisor = await h.open('supervisor');
      await signIn(supervisor, ACCOUNTS.supervisor.email);
      await supervisor.waitForURL(/\/reviews/);
      const row = supervisor.locator('tr', { hasText: first });
      await row.waitFor();
      // A value on the straight path is judged so (the queue's judgement, not a bare 未发现问题).
      await row.getByText('符合进度', { exact: true }).waitFor();
      await shot(supervisor, '04-supervisor-review-queue');
      await row.getByRole('button', { name: '退回' }).click();
      await supervisor.getByRole('dialog').getByRole('textbox').fill('与统计公报不一致，请核实');
      await supervisor.getByRole('dialog').getByRole('button', { name: '退回' }).click();
      await supervisor.getByText('已退回填报人').waitFor();
      await supervisor.getByText('没有待审核的事项').waitFor();

      // The submitter signs in, finds it returned in the inbox, reads why, corrects, attaches evidence, resubmits.
      const submitter = await h.open('submitter');
      await signIn(submitter, ACCOUNTS.submitter.email);
      await submitter.waitForURL(/\/inbox/);
      const returnedRow = submitter.locator('tr', { hasText: '已退回' });
      await returnedRow.waitFor();
      await shot(submitter, '05-submitter-inbox');
      await returnedRow.getByRole('link').click();
      await submitter.getByText('与统计公报不一致，请核实').first().waitFor();
      await submitter.locator('input[type=file]').setInputFiles({
        name: '统计公报.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% 河源市统计公报\n'),
      });
      await submitter.getByRole('button', { name: '统计公报.pdf' }).waitFor();
      await submitter.locator('#value').fill(corrected);
      await submitter.locator('#dataSource').fill('河源市统计公报');
      await shot(submitter, '06-submitter-correcting');
      await submitter.getByRole('button', { name: '提交审核' }).click();
      await submitter.getByText('已提交，等待审核').waitFor();
      await submitter.locator('.ant-timeline').getByText('与统计公报不一致，请核实').waitFor();
      await shot(submitter, '07-submitter-resubmitted-history');

      // The supervisor approves in bulk.
      await supervisor.reload();
      const again = supervisor.locator('tr', { hasText: corrected });
      await again.waitFor();
      await again.getByRole('checkbox').check();
      await supervisor.getByRole('button', { name: /批量通过（1）/ }).click();
      await supervisor.getByText('已批量通过 1 项').waitFor();
      // In English too.
      await supervisor.getByText('English', { exact: true }).click();
      await supervisor.getByText('Nothing waiting for review').waitFor();
      await shot(supervisor, '08-supervisor-done-english');
      await supervisor.getByText('中文', { exact: true }).click();

      // A co-operating department (市卫生健康局 on indicator 29, led by 市民政局) signs in, finds the item
      // under 需我配合的, contributes on the item's page, and finds it marked as contributed.
      const healthEmail = 'submitter@city-health.heyuan.example';
      await h
        .http()
        .post('/api/users')
        .set('Authorization', `Bearer ${h.tokens.admin}`)
        .send({
          email: healthEmail,
          name: '卫健局填报人',
          role: 'submitter',
          department: 'city-health',
          password: PASSWORD,
        })
        .expect(201);
      const health = await h.open('co-operating submitter');
      await signIn(health, healthEmail);
      await health.waitForURL(/\/inbox/);
      await health.getByRole('tab', { name: '需我配合的 (1)' }).click();
      const shared = health.locator('tr', { hasText: '养老机构护理型床位占比' });
      await shared.getByText('未提供').waitFor();
      await shared.getByText('市民政局').waitFor();
      await shot(health, '08a-co-operating-inbox');
      await shared.getByRole('link').click();
      await health.waitForURL(/\/items\/indicator-29$/);
      await health.getByLabel('本单位配合推进情况').fill('全市医养结合机构护理型床位已核实');
      await health.getByRole('button', { name: '提交配合意见' }).click();
      await health.getByText('已提交配合意见').waitFor();
      await health.locator('.ant-timeline').getByText('全市医养结合机构护理型床位已核实').waitFor();
      await health.goBack();
      await health.waitForURL(/\/inbox\?.*tab=cooperate/);
      await health.getByText('没有待提供配合意见的事项').waitFor();
      await health.getByText('全部', { exact: true }).click();
      await health.locator('tr', { hasText: '养老机构护理型床位占比' }).getByText('已提供').waitFor();
      await health.getByText('English', { exact: true }).click();
      await health.getByRole('tab', { name: 'Items we co-operate on (1)' }).waitFor();
      await health
        .locator('tr', { hasText: '养老机构护理型床位占比' })
        .getByText('contributed', { exact: true })
        .waitFor();
      await shot(health, '08b-co-operating-contributed-english');
      await health.getByText('中文', { exact: true }).click();

      // The bureau's dashboard: 市统计局 has one of its two items approved.
      const bureau = await h.open('bureau');
      await signIn(bureau, ACCOUNTS.admin.email);
      await bureau.waitForURL(/\/cycles$/);
      await shot(bureau, '09-bureau-cycles');
      await bureau.getByRole('link', { name: '2021年年度监测' }).click();
      await bureau.waitForURL(/\/cycles\/cycle/);
      const statistics = bureau.locator('tr', { hasText: '市统计局' }).first();
      await statistics.locator('.ant-progress').waitFor();
      await expect(statistics.locator('td').nth(6).innerText()).resolves.toBe('1'); // approved
      await expect(
        statistics.locator('.ant-progress-text, .ant-progress-indicator').first().innerText(),
      ).resolves.toContain('50');
      await shot(bureau, '10-bureau-dashboard');
      await bureau.getByRole('tab', { name: '通知记录' }).click();
      await bureau.getByRole('cell', { name: ACCOUNTS.submitter.email }).first().waitFor();
      await shot(bureau, '11-bureau-notices');
      await bureau.getByRole('link', { name: '部门名录' }).click();
      await bureau.getByRole('cell', { name: 'city-statistics', exact: true }).waitFor();
      await shot(bureau, '12-bureau-directory');
      await bureau.getByRole('link', { name: '规划目录' }).click();
      await bureau.getByRole('cell', { name: '常住人口数', exact: true }).waitFor();
      await shot(bureau, '13-bureau-catalog');

      // The hard close compiles the report; the bureau views it and downloads the Word file.
      await h.env.sleep(DAYS(60));
      await bureau.goto(`${h.origin}/cycles/${encodeURIComponent(cycleId)}`);
      await bureau.getByText('已结束').first().waitFor();
      await bureau.getByRole('tab', { name: '评估报告' }).click();
      const [download] = await Promise.all([
        bureau.waitForEvent('download'),
        bureau.getByRole('button', { name: 'Word', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('report-v1.docx');
      const docx = await readFile((await download.path())!);
      expect(docx.subarray(0, 2).toString()).toBe('PK');
      await shot(bureau, '14-bureau-reports');
      await bureau.getByRole('link', { name: '在线查看' }).click();
      // The report arrives in its frame after the page: wait for it before reading it. The frame must
      // be shown; its cells are read from the document (under load Chromium may not have laid them out yet).
      await bureau.locator('iframe').waitFor();
      const reportBody = bureau.frameLocator('iframe').locator('body');
      await reportBody.getByText(corrected).first().waitFor({ state: 'attached', timeout: 60_000 });
      expect(await reportBody.textContent()).toContain(corrected);
      await shot(bureau, '15-bureau-report-html');

      // 退出 ends the session on the server too: the token the tab held is refused afterwards.
      const stored: string[] = await bureau.evaluate('Object.values(sessionStorage)');
      const held = stored.map((v) => (JSON.parse(v) as { token?: string }).token).find(Boolean);
      expect(held).toEqual(expect.any(String));
      await bureau.getByRole('button', { name: '退出' }).click();
      await bureau.waitForURL(/\/login$/);
      await h.http().get('/api/auth/me').set('Authorization', `Bearer ${held}`).expect(401);
    });

    // A 422 from the first, empty submission is the one failed request the browser may report.
    expect(
      h.problems.filter((p) => !/Failed to load resource: the server responded with a status of 422/.test(p)),
    ).toEqual([]);
  }, 600_000);
});
