/**
 * 首页 in a real browser (Debian's Chromium driven by playwright-core) against
 * the built portal and the real API app over the test's PostgreSQL,
 * time-skipping Temporal server and SMTP server: each role's 待办 and 已办 in
 * the running cycle, moving as an item is submitted and approved.
 */
import type { Page } from 'playwright-core';
import { DAYS } from '../support/cycle-harness';
import type { AccountName } from '../support/api-harness';
import { portalHarness } from '../support/portal-harness';

const enc = encodeURIComponent;

describe('首页 in a real browser', () => {
  const h = portalHarness();
  let cycleId: string;
  let total: number;
  const pages = new Map<AccountName, Page>();

  beforeAll(async () => {
    await h.startWorker();
    ({ cycleId, items: total } = await h.launch({ deadlineInDays: 30, hardCloseInDays: 60 }));
    await h.env.sleep(DAYS(1));
  });

  /** The account's 首页 (in its menu) and its two figures. */
  const home = async (who: AccountName): Promise<{ toDo: string; done: string }> => {
    const page = pages.get(who) ?? (await h.signIn(who));
    pages.set(who, page);
    await page.goto(`${h.origin}/`);
    await page.getByRole('link', { name: '首页' }).waitFor();
    await page.getByRole('link', { name: '2021年年度监测分析' }).waitFor();
    const figure = (title: string) =>
      page.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content-value').innerText();
    return { toDo: await figure('待办事项'), done: await figure('已办事项') };
  };

  it('counts each role’s 待办 and 已办 as an item moves on', async () => {
    // 市统计局 leads two items of the annual cycle.
    expect(await home('submitter')).toEqual({ toDo: '2', done: '0' });
    expect(await home('supervisor')).toEqual({ toDo: '0', done: '0' });
    expect(await home('admin')).toEqual({ toDo: String(total), done: '0' });

    const item = `/api/cycles/${enc(cycleId)}/items/indicator-1`;
    await h
      .http()
      .post(`${item}/submit`)
      .set('Authorization', `Bearer ${h.tokens.submitter}`)
      .send({ submission: { kind: 'indicator', value: 284.2, dataSource: '统计公报' } })
      .expect(200);
    expect(await home('submitter')).toEqual({ toDo: '1', done: '1' });
    expect(await home('supervisor')).toEqual({ toDo: '1', done: '0' });

    await h
      .http()
      .post(`${item}/review`)
      .set('Authorization', `Bearer ${h.tokens.supervisor}`)
      .send({ decision: 'approve' })
      .expect(200);
    expect(await home('supervisor')).toEqual({ toDo: '0', done: '1' });
    expect(await home('admin')).toEqual({ toDo: String(total - 1), done: '1' });
    // The cycle's row leads where the role acts on it.
    await pages.get('supervisor')!.getByRole('link', { name: '2021年年度监测分析' }).click();
    await pages.get('supervisor')!.waitForURL(/\/reviews\?cycle=/);
    expect(h.problems).toEqual([]);
  }, 180_000);
});
