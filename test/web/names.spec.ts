/**
 * People see names, not codes (issue 19 §14), in a real browser (Debian's
 * Chromium driven by playwright-core) against the built portal and the real
 * API app over the test's PostgreSQL, time-skipping Temporal server and SMTP
 * server: the header names the person and their unit once; the cycles list names the plan; an item's history names who acted
 * and their unit, its versions who submitted (not an email); a missing item
 * is said in words (no cycle ID, no item key); a plan file's shape problem
 * is a sentence naming the field (not zod's `plan.name: Required`).
 */
import { DAYS } from '../support/cycle-harness';
import { ACCOUNTS } from '../support/api-harness';
import { portalHarness } from '../support/portal-harness';

const enc = encodeURIComponent;
const PLAN_CODE = 'heyuan-public-services-2021-2025';

describe('names, not codes, in a real browser', () => {
  // The missing item's 404 and the refused import's 400 are logged by the browser as failed resources.
  const h = portalHarness({ expectedErrors: (m) => /status of 40[04]/.test(m.text()) });
  let cycleId: string;

  beforeAll(async () => {
    await h.startWorker();
    ({ cycleId } = await h.launch({ deadlineInDays: 30, hardCloseInDays: 60 }));
    await h.env.sleep(DAYS(1));
  });
  const itemPage = (key: string) => `${h.origin}/cycles/${enc(cycleId)}/items/${enc(key)}`;

  it('the cycles list names the plan', async () => {
    const page = await h.signIn('admin');
    await page.goto(`${h.origin}/cycles`);
    const row = page.locator('tbody tr').first();
    await row.getByText('河源市公共服务“十四五”规划').waitFor();
    expect(await page.getByText(PLAN_CODE).count()).toBe(0);
  }, 60_000);

  it('an item’s history names the people and their unit, its versions who submitted', async () => {
    const item = `/api/cycles/${enc(cycleId)}/items/indicator-1`;
    await h
      .http()
      .post(`${item}/submit`)
      .set('Authorization', `Bearer ${h.tokens.submitter}`)
      .send({ submission: { kind: 'indicator', value: 284.2, dataSource: '统计公报' } })
      .expect(200);
    const page = await h.signIn('submitter');
    // The header names the person and their unit once.
    await page.getByLabel('当前用户').getByText('submitter · 市统计局 填报人').waitFor();
    await page.goto(itemPage('indicator-1'));
    const history = page.locator('.ant-card', { hasText: '办理记录' });
    // The harness's account is named after its role; its unit is the department's name.
    await history.getByText('submitter（市统计局）').waitFor();
    await history
      .locator('tbody tr', { hasText: '284.2' })
      .getByRole('cell', { name: 'submitter', exact: true })
      .waitFor();
    expect(await history.getByText(ACCOUNTS.submitter.email).count()).toBe(0);
    expect(await history.getByText('city-statistics').count()).toBe(0);
  }, 60_000);

  it('a missing item is said in words, without the cycle’s ID or the item’s key', async () => {
    const page = await h.signIn('submitter');
    await page.goto(itemPage('indicator-999'));
    const alert = page.getByRole('alert');
    await alert.getByText('本轮评估中没有这一事项，请从事项列表进入').waitFor();
    expect(await alert.innerText()).not.toMatch(/cycle\/|indicator-999/);
  }, 60_000);

  it('a plan file missing a field is refused in a sentence naming it', async () => {
    const page = await h.signIn('admin');
    await page.goto(`${h.origin}/catalog`);
    const exported = await h
      .http()
      .get(`/api/plans/${PLAN_CODE}/export?format=json`)
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .expect(200);
    const plan = JSON.parse(exported.text);
    delete plan.plan.name;
    await page.locator('input[type=file]').setInputFiles({
      name: 'plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(plan)),
    });
    const refused = page.locator('.ant-alert', { hasText: '导入未完成' });
    await refused.getByText('规划基本信息的“名称”缺失，请填写').waitFor();
    expect(await refused.innerText()).not.toMatch(/plan\.name|Required/);
    expect(h.problems).toEqual([]);
  }, 60_000);
});
