/**
 * 部门考核 in a real browser against the built portal, the real API app,
 * PostgreSQL and the time-skipping Temporal server: once a cycle has closed,
 * its dashboard has a 部门考核 tab ranking the departments with their
 * components, grades and weights, and exports the ranking to Excel.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { DAYS } from '../support/cycle-harness';
import type { AccountName } from '../support/api-harness';
import { portalHarness } from '../support/portal-harness';

describe('the departments’ ranking on a closed cycle’s dashboard', () => {
  const h = portalHarness({ acceptDownloads: true });
  beforeAll(() => h.startWorker());

  const post = (who: AccountName, path: string, body: object) =>
    h.http().post(path).set('Authorization', `Bearer ${h.tokens[who]}`).send(body).expect(200);

  it('ranks the departments and exports the ranking', async () => {
    const { cycleId } = await h.launch({ deadlineInDays: 10, hardCloseInDays: 20 });
    const item = (key: string) => `/api/cycles/${encodeURIComponent(cycleId)}/items/${key}`;
    await h.env.sleep(DAYS(1));
    // 市统计局 reports both its indicators on the plan's path, on time, and has them approved; nobody else reports.
    for (const [key, value] of [
      ['indicator-1', 284.11],
      ['indicator-4', 12.29],
    ] as const) {
      await post('submitter', `${item(key)}/submit`, {
        submission: { kind: 'indicator', value, dataSource: '统计公报' },
      });
      await post('supervisor', `${item(key)}/review`, { decision: 'approve' });
    }
    await h.env.sleep(DAYS(20));
    await h.env.client.workflow.getHandle(cycleId).result();

    const page = await h.signIn('admin');
    await page.goto(`${h.origin}/cycles/${encodeURIComponent(cycleId)}`);

    await page.getByRole('tab', { name: '部门考核' }).click();
    const card = page.locator('.ant-card', { hasText: '部门考核排名' });
    await card.getByText('考核权重：报送及时性 25、报送完整性 25、数据质量 20、目标完成情况 30').waitFor();
    const first = card.locator('tbody tr').first();
    await first.getByText('市统计局').waitFor();
    await expect(first.innerText()).resolves.toMatch(
      /^1\s+市统计局\s+100\.0\s+100\.0\s+100\.0\s+100\.0\s+100\.0\s+优秀$/,
    );
    // Those who sent nothing keep only their data-quality points, tied below.
    await expect(card.locator('tbody tr').last().innerText()).resolves.toMatch(/^2\s.*\s20\.0\s+不合格$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: '导出Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('部门考核.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('部门考核')!;
    expect(sheet.getRow(2).getCell(2).value).toBe('市统计局');
    expect(sheet.rowCount).toBe((await card.locator('tbody tr').count()) + 1);
    expect(h.problems).toEqual([]);
  }, 300_000);

  it('takes the weights at launch, the default filled in and a sum other than 100 refused at the field', async () => {
    const page = await h.signIn('admin');
    await page.goto(`${h.origin}/cycles`);
    await page.getByRole('button', { name: '发起评估' }).click();
    const form = page.locator('.ant-drawer');
    const weight = (label: string) => form.locator('.ant-form-item', { hasText: label }).locator('input');
    await expect(weight('报送及时性').inputValue()).resolves.toBe('25');
    await expect(weight('目标完成情况').inputValue()).resolves.toBe('30');

    await weight('数据质量').fill('10');
    await form.getByText('考核权重 assessmentWeights 之和应为100，现为90').waitFor();
    await weight('目标完成情况').fill('40');
    await form.getByText('考核权重 assessmentWeights 之和应为100').waitFor({ state: 'detached' });
    const [previewed] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/cycles/preview')),
      form.getByRole('button', { name: '下一步：核对发起内容' }).click(),
    ]);
    expect(previewed.postDataJSON().assessmentWeights).toEqual({
      timeliness: 25,
      completeness: 25,
      quality: 10,
      results: 40,
    });
  }, 120_000);
});
