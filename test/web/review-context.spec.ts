/**
 * The review queue judged, an item's context and the read-only viewer, in a
 * real browser (Debian's Chromium driven by playwright-core) against the built
 * portal and the real API app over the test's PostgreSQL, time-skipping
 * Temporal server and SMTP server. 市教育局 leads indicators 8–11, task 16
 * (with 市人力资源社会保障局) and project 2.
 * - 审核: 70 % against 81.58 expected on binding indicator 8 reads 滞后 with
 *   约束性, the change from 2020's 80.73, the reasons and measures and the
 *   evidence count, first in the queue; no green 未发现问题.
 * - An item's page: a task shows its text and who has contributed; an
 *   indicator asks for reasons and measures only while the value is behind,
 *   and sends them only then; a project's report below last year's approved
 *   one is refused in the form, before anything is sent.
 * - The third-party evaluator (viewer) sees the queue and the item, and no
 *   通过 / 退回 / 批量通过 / 审核通过 it could not take.
 */
import { DAYS } from '../support/cycle-harness';
import type { AccountName } from '../support/api-harness';
import { portalHarness } from '../support/portal-harness';

const enc = encodeURIComponent;
/** The groups the plan's tasks name, resolved as the launch form would. */
const GROUPS = {
  'relevant-city-departments': ['city-education', 'city-health'],
  'relevant-sector-authorities': ['city-civil-affairs'],
};
const SOURCE = { dataSource: '河源市教育统计年报' };
const project = (investmentCumulative: number) => ({
  kind: 'project',
  investmentInPeriod: investmentCumulative,
  investmentCumulative,
  constructionStatus: 'under_construction',
  landSecured: true,
});

describe('the review queue judged, an item’s context and the viewer, in a real browser', () => {
  const h = portalHarness();
  let y2021: string;

  const as = (who: AccountName) => ({
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${h.tokens[who]}`),
    post: (path: string, body: object) =>
      h.http().post(path).set('Authorization', `Bearer ${h.tokens[who]}`).send(body),
  });
  const launch = async (year: number, itemKinds: string[]) => {
    const { itemKinds: _, ...definition } = await h.definition({
      fromYear: year,
      toYear: year,
      deadlineInDays: 30,
      hardCloseInDays: 60,
    });
    const launched = await as('admin')
      .post('/api/cycles', { ...definition, itemKinds, groupResolution: GROUPS })
      .expect(201);
    await h.env.sleep(DAYS(1));
    return launched.body.cycleId as string;
  };
  const api = (cycleId: string, item = '') => `/api/cycles/${enc(cycleId)}${item && `/items/${item}`}`;
  const itemPage = (cycleId: string, item: string) => `${h.origin}/cycles/${enc(cycleId)}/items/${enc(item)}`;

  beforeAll(async () => {
    await h.startWorker();
    y2021 = await launch(2021, ['indicator', 'task', 'project']);
    await as('otherSubmitter')
      .post(`${api(y2021, 'indicator-9')}/submit`, { submission: { kind: 'indicator', value: 96.5, ...SOURCE } })
      .expect(200);
    await as('otherSubmitter')
      .post(`${api(y2021, 'indicator-8')}/submit`, {
        submission: {
          kind: 'indicator',
          value: 70,
          reasons: '新建园所未如期开园',
          measures: '加快公办园建设',
          ...SOURCE,
        },
      })
      .expect(200);
  });

  it('审核: each submission judged against the path, binding indicators behind it first', async () => {
    const supervisor = await h.signIn('otherSupervisor');
    await supervisor.goto(`${h.origin}/reviews?cycle=${enc(y2021)}`);
    const rows = supervisor.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const first = rows.first();
    await first.getByText('普惠性幼儿园在园幼儿数比重').waitFor();
    await first.getByText('约束性').waitFor();
    await first.getByText('滞后', { exact: true }).waitFor();
    await first.getByText('本年预期 81.58 %').waitFor();
    await first.getByText('80.73 %').waitFor();
    await first.getByText('−10.73').waitFor();
    await first.getByText('新建园所未如期开园').waitFor();
    await first.getByText('加快公办园建设').waitFor();
    await first.getByText('0 份').waitFor();
    // Indicator 9 meets its requirement: second, and green for what it is, not for the lack of findings.
    await rows.nth(1).getByText('达到目标要求').waitFor();
    expect(await supervisor.getByText('未发现问题').count()).toBe(0);
    // The supervisor may act on them.
    await first.getByRole('button', { name: '通过' }).waitFor();
    await supervisor.getByRole('button', { name: /批量通过/ }).waitFor();
    expect(h.problems).toEqual([]);
  }, 120_000);

  it('an item’s page: a task’s text and contributions; reasons asked for and sent only while behind', async () => {
    const submitter = await h.signIn('otherSubmitter');
    await submitter.goto(itemPage(y2021, 'task-16'));
    const task = submitter.locator('.ant-card', { hasText: '任务内容' });
    await task.getByText('推动职业教育提质培优', { exact: false }).waitFor();
    await task.locator('li', { hasText: '市人力资源社会保障局' }).getByText('未提供配合意见').waitFor();

    // Indicator 10 (稳定在95以上): 94 is behind the path, 96.2 is not.
    await submitter.goto(itemPage(y2021, 'indicator-10'));
    await submitter.locator('#value').waitFor();
    expect(await submitter.locator('#reasons').count()).toBe(0);
    await submitter.locator('#value').fill('94');
    await submitter.getByText('该数值落后于本年预期进度').waitFor();
    await submitter.locator('#reasons').fill('统计口径调整');
    await submitter.locator('#measures').fill('核实口径');
    await submitter.locator('#value').fill('96.2');
    await submitter.locator('#reasons').waitFor({ state: 'detached' });
    await submitter.locator('#dataSource').fill(SOURCE.dataSource);
    await submitter.getByRole('button', { name: '提交审核' }).click();
    await submitter.getByText('已提交，等待审核').waitFor();
    const item = (await as('otherSupervisor').get(api(y2021, 'indicator-10')).expect(200)).body as {
      versions: Array<{ payload: Record<string, unknown> }>;
    };
    expect(item.versions.map((v) => v.payload)).toEqual([
      expect.not.objectContaining({ reasons: expect.anything(), measures: expect.anything() }),
    ]);
    expect(h.problems).toEqual([]);
  }, 120_000);

  it('a project’s report is checked against last year’s approved one in the form, before it is sent', async () => {
    await as('otherSubmitter')
      .post(`${api(y2021, 'project-2')}/submit`, { submission: project(5000) })
      .expect(200);
    await as('otherSupervisor')
      .post(`${api(y2021, 'project-2')}/review`, { decision: 'approve' })
      .expect(200);
    const y2022 = await launch(2022, ['project']);
    const submitter = await h.signIn('otherSubmitter');
    const sent: string[] = [];
    submitter.on('request', (r) => r.method() === 'POST' && r.url().includes('/submit') && sent.push(r.url()));
    await submitter.goto(itemPage(y2022, 'project-2'));
    const card = submitter.locator('.ant-card', { hasText: '项目情况' });
    await card.getByText('青少年宫', { exact: false }).first().waitFor();
    await card.getByText('上次审核（2021年）').waitFor();
    await card.getByText('累计完成投资 5000 万元 · 在建').waitFor();
    await submitter.locator('#investmentInPeriod').fill('100');
    await submitter.locator('#investmentCumulative').fill('4000');
    await submitter.getByRole('button', { name: '提交审核' }).click();
    await submitter
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: '累计完成投资不能低于2021年已审核的5000万元' })
      .waitFor();
    expect(sent).toEqual([]);
    expect(h.problems).toEqual([]);
  }, 180_000);

  it('the viewer reads the queue and the item, and is offered no action it could not take', async () => {
    const viewer = await h.signIn('viewer');
    await viewer.goto(`${h.origin}/reviews?cycle=${enc(y2021)}`);
    const first = viewer.locator('.ant-table-tbody tr.ant-table-row').first();
    await first.getByText('普惠性幼儿园在园幼儿数比重').waitFor();
    for (const name of ['通过', '退回', /批量通过/]) expect(await viewer.getByRole('button', { name }).count()).toBe(0);
    expect(await viewer.getByRole('checkbox').count()).toBe(0);

    await viewer.goto(itemPage(y2021, 'indicator-8'));
    await viewer.getByText('最新提交').waitFor();
    await viewer.getByText('新建园所未如期开园').waitFor();
    for (const name of ['审核通过', '退回修改', '提交审核', '保存草稿'])
      expect(await viewer.getByRole('button', { name }).count()).toBe(0);
    expect(h.problems).toEqual([]);
  }, 120_000);
});
