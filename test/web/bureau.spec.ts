/**
 * The bureau's launch, directory and catalog in a real browser (Debian's
 * Chromium driven by playwright-core) against the built portal, the real API
 * app, PostgreSQL and Temporal's test server. The bureau resolves a group in
 * 部门名录; the launch form opens with the plan chosen and that resolution
 * filled in, proposes the mid-term years from the plan's calendar and refuses
 * others at the field; Enter in a date field launches nothing; a group left
 * empty is named before anything is sent; the confirmation step says which
 * departments, how many items and how many mails, and only its button
 * launches; 立即催办 then says who is reminded and when. 规划目录 lists the
 * targets, tasks, planned and reserve projects and the service items.
 */
import type { Page } from 'playwright-core';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { chooseByTyping } from '../support/browser';
import { portalHarness } from '../support/portal-harness';
import { HEYUAN_PLAN_FILE } from '../support/plans';

describe('the bureau’s launch, directory and catalog in a real browser', () => {
  const h = portalHarness();

  const cycles = async () =>
    (await h.http().get('/api/cycles').set('Authorization', `Bearer ${h.tokens.admin}`).expect(200)).body as {
      total: number;
      items: Array<{ id: string; kind: string; fromYear: number; toYear: number }>;
    };
  /** Picks a department in a multiple select by typing its name. */
  const choose = async (page: Page, select: string, department: string) => {
    await chooseByTyping(page.getByRole('combobox', { name: select }), department);
    await page.keyboard.press('Escape');
  };

  it('resolves a group in the directory, then launches a mid-term evaluation of the tasks after confirming it', async () => {
    const page = await h.signIn('admin');

    // 部门名录: 相关行业主管部门 stands for 市民政局 from now on.
    await page.goto(`${h.origin}/directory`);
    const group = page.locator('tr', { hasText: '相关行业主管部门' });
    await page.getByRole('searchbox', { name: '搜索部门' }).fill('相关行业主管部门');
    await page.keyboard.press('Enter');
    await group.getByText('未指定').waitFor();
    await group.getByRole('button', { name: '指定相关行业主管部门的部门' }).click();
    await choose(page, '所含部门', '市民政局');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await group.getByText('市民政局').waitFor();

    await page.goto(`${h.origin}/cycles`);
    await page.getByRole('button', { name: '发起评估' }).click();
    const form = page.locator('.ant-drawer');
    // The plan is chosen already, and the group comes filled in from the directory.
    await form.getByText('河源市公共服务“十四五”规划').waitFor();
    await form.locator('.ant-form-item', { hasText: '相关行业主管部门' }).getByText('市民政局').waitFor();

    // 中期评估: the plan's first three years, from its calendar; a fourth year is refused at the field.
    await form.locator('.ant-form-item', { hasText: '评估类型' }).locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '中期评估' }).click();
    await expect(form.locator('#fromYear').inputValue()).resolves.toBe('2021');
    await expect(form.locator('#toYear').inputValue()).resolves.toBe('2023');
    await form.locator('#toYear').fill('2024');
    await form.getByText('中期评估的结束年份应在2022–2023年之间，而不是2024年').waitFor();
    await form.locator('#toYear').fill('2023');
    await form.getByText('中期评估的结束年份应在').waitFor({ state: 'detached' });
    // Required fields are marked.
    for (const label of ['规划', '评估类型', '起始年份', '结束年份', '填报截止时间'])
      await form.locator('label.ant-form-item-required', { hasText: label }).first().waitFor();

    // Enter in a date field sends nothing and opens nothing.
    const sent: string[] = [];
    const watch = (r: { url(): string; method(): string }) =>
      r.method() === 'POST' && r.url().includes('/api/cycles') && sent.push(r.url());
    page.on('request', watch);
    await form.locator('#deadline').click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1_000);
    page.off('request', watch);
    expect(sent).toEqual([]);
    expect((await cycles()).total).toBe(0);
    expect(await page.getByText('确认发起').count()).toBe(0);
    // The date panel left open would take the next clicks (Escape would close the drawer itself).
    await page.locator('.ant-drawer-title').click();
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'detached' });

    // The tasks only; 市有关部门 left empty is named before anything is sent.
    for (const kind of ['主要指标', '重大项目（含储备项目）', '基本公共服务项目'])
      await form.getByRole('checkbox', { name: kind }).uncheck();
    await form.getByRole('button', { name: '下一步：核对发起内容' }).click();
    await form.getByRole('alert').getByText('“市有关部门”尚未指定具体部门').waitFor();
    // The browser logs that refusal (422), the one deliberate error.
    expect(h.problems.splice(0)).toEqual([expect.stringContaining('422')]);
    await choose(page, '市有关部门', '市教育局');

    // The confirmation says what the launch does, as the API's preview counts it.
    const [previewed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/cycles/preview') && r.status() === 200),
      form.getByRole('button', { name: '下一步：核对发起内容' }).click(),
    ]);
    const preview = (await previewed.json()) as {
      itemCount: number;
      departments: unknown[];
      mails: { total: number; assignments: number; contributionRequests: number };
    };
    expect(preview.itemCount).toBe(49);
    const dialog = page.getByRole('dialog', { name: '确认发起' });
    await dialog.getByText('2021–2023年中期评估').waitFor();
    await dialog.getByText('49项（主要任务 49）').waitFor();
    await dialog
      .getByText(
        `${preview.mails.total}封：填报任务${preview.mails.assignments}封，配合请求${preview.mails.contributionRequests}封`,
      )
      .waitFor();
    await dialog.locator('tr', { hasText: '市民政局' }).first().waitFor();
    expect((await cycles()).total).toBe(0);

    // Back to the form changes nothing; the confirmation's button launches (and the worker runs the cycle).
    await h.startWorker();
    await dialog.getByRole('button', { name: '返回修改' }).click();
    expect((await cycles()).total).toBe(0);
    await form.getByRole('button', { name: '下一步：核对发起内容' }).click();
    await dialog.getByRole('button', { name: '确认发起并发送邮件' }).click();
    await page.waitForURL(/\/cycles\/cycle%2F/);
    expect((await cycles()).items).toEqual([
      expect.objectContaining({ kind: 'midterm', fromYear: 2021, toYear: 2023 }),
    ]);

    // 立即催办 says who is reminded and when the mail leaves, not a bare 已完成.
    await page.getByRole('button', { name: '立即催办' }).click();
    await page.getByRole('dialog', { name: '立即催办' }).getByRole('button', { name: '确定' }).click();
    const answer = await page.locator('.ant-message-success').innerText();
    expect(answer).toMatch(/催办/);
    expect(answer).not.toBe('已完成');

    expect(h.problems).toEqual([]);
  }, 300_000);

  it('lists the plan’s targets, tasks, planned and reserve projects and its service items in 规划目录', async () => {
    const { file } = await readPlanFile(HEYUAN_PLAN_FILE);
    const page = await h.signIn('admin');
    await page.goto(`${h.origin}/catalog`);
    const shown: Array<[tab: string, text: string]> = [
      ['主要目标', file.targets[0].text],
      ['主要任务', file.tasks[0].title],
      ['重大项目', file.projects.find((p) => p.status === 'planned')!.name],
      ['储备项目', file.projects.find((p) => p.status === 'reserve')!.name],
      ['基本公共服务项目', file.basicServiceItems[0].name],
    ];
    for (const [tab, text] of shown) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.getByRole('tabpanel', { name: tab }).getByText(text, { exact: true }).first().waitFor();
    }
    expect(h.problems).toEqual([]);
  }, 120_000);
});
