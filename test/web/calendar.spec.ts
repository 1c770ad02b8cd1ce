/**
 * The 评估日历 card in a real browser against the built portal, the real API
 * app, PostgreSQL and the Temporal dev server (the time-skipping server has
 * no schedules): absent until the bureau creates it, then each schedule's
 * next launch in Beijing time; a schedule paused with a reason and resumed.
 */
import { join } from 'node:path';
import { importPlan } from '@libs/catalog/catalog-import';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { portalHarness } from '../support/portal-harness';

const QINGSHAN_PLAN_FILE = join(__dirname, '../fixtures/plans/qingshan-elderly-care-2026-2030.json');

describe('the evaluation calendar card in a real browser', () => {
  const h = portalHarness({ server: 'dev-server' });
  // A plan still running beside Heyuan's (whose launches are all past): it has launches to come.
  beforeAll(async () => importPlan(h.db.dataSource, await readPlanFile(QINGSHAN_PLAN_FILE)));

  it('is created by the bureau, shows the next launches, pauses and resumes', async () => {
    const page = await h.signIn('admin');
    await page.goto(`${h.origin}/cycles`);

    const card = page.locator('[data-testid="evaluation-calendar"]', { hasText: '青山' });
    await card.getByText('未创建').first().waitFor();
    expect(await card.getByText('未创建').count()).toBe(3);
    await card.getByRole('button', { name: '创建评估日历' }).click();
    await page.getByText('评估日历已创建').waitFor();
    await card.getByText('运行中').first().waitFor();
    expect(await card.getByText('运行中').count()).toBe(3);
    // 09:00 Beijing time: the mid-term evaluation on 1 July 2028, the final on 1 June 2031.
    await card.getByText('2028年7月1日 09:00').waitFor();
    await card.getByText('2031年6月1日 09:00').waitFor();
    await expect(card.getByRole('button', { name: '创建评估日历' }).count()).resolves.toBe(0);

    const midterm = card.locator('tr', { hasText: '中期评估' });
    await midterm.getByRole('button', { name: '暂停' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText('请填写原因').waitFor();
    await dialog.locator('textarea').fill('规划中期调整，暂缓评估');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await midterm.getByText('已暂停').waitFor();
    await midterm.getByText('规划中期调整，暂缓评估').waitFor();

    await midterm.getByRole('button', { name: '恢复' }).click();
    await page.getByRole('dialog').locator('textarea').fill('调整完成');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await midterm.getByText('运行中').waitFor();
    await midterm.getByText('调整完成').waitFor();

    // Heyuan's plan has ended: its card says no launch is left, not nothing at all.
    const heyuan = page.locator('[data-testid="evaluation-calendar"]', { hasText: '河源' });
    await heyuan.getByRole('button', { name: '创建评估日历' }).click();
    await heyuan.getByText('规划期内已无').first().waitFor();
    expect(h.problems).toEqual([]);
  });
});
