/**
 * The bureau's dashboard in a real browser (Debian's Chromium driven by
 * playwright-core) against the built portal, the real API app, PostgreSQL and
 * the time-skipping Temporal server, whose clock the API judges by. One cycle,
 * as the bureau lives it: launched while no worker runs, the dashboard shows
 * 正在启动… with the items recorded so far and updates itself once the
 * departments start; two hours past the deadline, with no workflow woken since,
 * every item still owed is overdue, each row offers 催办 for its department and
 * the list exports to Excel; closed, it lists what was never reported, stops
 * promising a refresh, and reopens an approved item with a reason, the
 * notices' record at hand.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { DAYS } from '../support/cycle-harness';
import { ACCOUNTS } from '../support/api-harness';
import { chooseByTyping } from '../support/browser';
import { portalHarness } from '../support/portal-harness';

const enc = encodeURIComponent;
const HOURS = (n: number) => n * 3_600_000;

describe('the bureau’s dashboard in a real browser', () => {
  const h = portalHarness({ acceptDownloads: true });

  const asAdmin = (path: string, body: object) =>
    h.http().post(path).set('Authorization', `Bearer ${h.tokens.admin}`).send(body);

  it('starting, overdue with 催办 and Excel, closed with its never-reported items and a reopen', async () => {
    // Launched with no worker polling: the cycle has not started its departments.
    const { itemKinds, ...definition } = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 10,
      hardCloseInDays: 40,
    });
    const cycleId: string = (await asAdmin('/api/cycles', { ...definition, itemKinds }).expect(201)).body.cycleId;
    const cycle = `/api/cycles/${enc(cycleId)}`;
    const overview = async () =>
      (await h.http().get(`${cycle}/overview`).set('Authorization', `Bearer ${h.tokens.admin}`).expect(200)).body as {
        overdue: Array<{ department: string; departmentName: { zh: string }; title: string }>;
        departments: Array<{ total: number }>;
      };
    const total = (await overview()).departments.reduce((n, d) => n + d.total, 0);

    const page = await h.signIn('admin');
    await page.goto(`${h.origin}/cycles/${enc(cycleId)}`);

    // Right after the launch: 正在启动…, and the items as recorded.
    await page.getByText('正在启动…').waitFor();
    const statistic = (title: string) =>
      page.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content-value');
    await expect(statistic('事项总数').innerText()).resolves.toBe(String(total));
    await page.locator('tr', { hasText: '市统计局' }).first().waitFor();
    expect(await page.getByText('服务器内部错误').count()).toBe(0);

    // The worker starts; the page sees the departments running by itself.
    await h.startWorker();
    await page.getByText('正在启动…').waitFor({ state: 'detached', timeout: 60_000 });

    // 市统计局 submits and approves one of its two items; nothing is overdue before the deadline.
    const item = (key: string) => `${cycle}/items/${key}`;
    await h
      .http()
      .post(`${item('indicator-1')}/submit`)
      .set('Authorization', `Bearer ${h.tokens.submitter}`)
      .send({ submission: { kind: 'indicator', value: 284.7, dataSource: '统计公报' } })
      .expect(200);
    await h
      .http()
      .post(`${item('indicator-1')}/review`)
      .set('Authorization', `Bearer ${h.tokens.supervisor}`)
      .send({ decision: 'approve' })
      .expect(200);
    await page.reload();
    await expect(statistic('逾期事项').innerText()).resolves.toBe('0');

    // Two hours past the deadline, no department's workflow woken since: every item still owed is overdue.
    await h.env.sleep(Date.parse(definition.deadline) + HOURS(2) - (await h.env.currentTimeMs()));
    await page.reload();
    await expect(statistic('逾期事项').innerText()).resolves.toBe(String(total - 1));
    // 催办 on a row reminds that row's department, through the remind endpoint.
    const [first] = (await overview()).overdue;
    const owed = page.locator('.ant-card', { hasText: '逾期未报' }).locator('tbody tr', { hasText: first.title });
    const [reminded] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/remind') && r.method() === 'POST'),
      owed.getByRole('button', { name: `催办${first.departmentName.zh}` }).click(),
    ]);
    expect(reminded.postDataJSON()).toEqual({ department: first.department });
    await page.locator('.ant-message-success').waitFor();

    // The list in Excel: a row for each overdue item.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('逾期事项.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(total);

    // Closed: the never-reported items, no promise of a refresh, and the reopen of the approved item.
    await h.env.sleep(DAYS(40));
    await h.env.client.workflow.getHandle(cycleId).result();
    await page.reload();
    await page.getByText('已结束').first().waitFor();
    const never = page.locator('.ant-card', { hasText: '未报事项' });
    await never.locator('tbody tr', { hasText: first.title }).getByText(first.departmentName.zh).waitFor();
    await expect(statistic('逾期事项').innerText()).resolves.toBe(String(total - 1));
    expect(await page.getByText('每15秒自动刷新').count()).toBe(0);
    expect(await never.getByRole('button', { name: /^催办/ }).count()).toBe(0);

    await page.getByRole('button', { name: '重新打开（修订报告）' }).click();
    const dialog = page.getByRole('dialog');
    await chooseByTyping(dialog.getByRole('combobox').first(), '常住人口数');
    await dialog.getByRole('textbox').fill('常住人口数据已按人口普查修订');
    await dialog.getByRole('button', { name: '确定' }).click();
    // Whatever the page answers (done, refused, a field to fix), it is read here, so a failure says which.
    const answer = page.locator('.ant-message-notice, .ant-modal .ant-form-item-explain-error').last();
    await answer.waitFor({ timeout: 60_000 });
    expect(await answer.innerText()).toContain('已重新打开1项，已通知1个部门');
    // The cycle runs again for the reopened item; the page follows it there by itself.
    await page.locator('h3 .ant-tag', { hasText: '进行中' }).waitFor({ timeout: 60_000 });
    // The notices' record stays at hand on the reopened cycle.
    await page.getByRole('tab', { name: '通知记录' }).click();
    await page.getByRole('cell', { name: ACCOUNTS.submitter.email }).first().waitFor();

    expect(h.problems).toEqual([]);
  }, 600_000);
});
