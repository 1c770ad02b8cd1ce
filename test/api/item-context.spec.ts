/**
 * Items judged and in context, through HTTP against the real time-skipping
 * Temporal server, PostgreSQL and SMTP server. 市教育局 leads indicators 8–11,
 * task 16 (with 市人力资源社会保障局) and project 2 (河源市青少年宫和教师发展中心).
 * - The review queue judges each submission as the report will: binding
 *   indicators behind the path first (8 at 70 % against 81.58 expected), then
 *   anything behind, with the change from the last approved value, reasons,
 *   measures and the evidence count.
 * - An indicator's context is what its value is judged by (the plan's years,
 *   the cycle's thresholds); a task's is its text from the plan and whether each co-operating
 *   department has contributed; a project's is its content, investment and the
 *   previous approved report, which the next year's report is checked against
 *   (cumulative not below it; status not backwards without a reason), refused
 *   with a 422 naming the field.
 * - Reasons written for a value behind the path are not kept with one that meets it.
 */
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, OTHER, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
/** The groups the plan's tasks name, resolved as the launch form would. */
const GROUPS = {
  'relevant-city-departments': ['city-education', 'city-health'],
  'relevant-sector-authorities': ['city-civil-affairs'],
};

interface ReviewRow {
  itemKey: string;
  binding: boolean | null;
  status: string | null;
  expected: number | null;
  previous: { year: number; value: number } | null;
  change: number | null;
  reasons: string | null;
  measures: string | null;
  evidence: number;
}

describe('items judged and in context', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (token: string) => ({
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => h.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const launch = async (year: number, itemKinds: string[]) => {
    const { itemKinds: _, ...definition } = await h.definition({
      fromYear: year,
      toYear: year,
      deadlineInDays: 30,
      hardCloseInDays: 60,
    });
    const launched = await as(h.tokens.admin)
      .post('/api/cycles', { ...definition, itemKinds, groupResolution: GROUPS })
      .expect(201);
    return `/api/cycles/${enc(launched.body.cycleId)}`;
  };
  const submit = (cycle: string, key: string, submission: object) =>
    as(h.tokens.otherSubmitter).post(`${cycle}/items/${key}/submit`, { submission });
  const project = (investmentCumulative: number, constructionStatus: string, narrative?: string) => ({
    kind: 'project',
    investmentInPeriod: investmentCumulative,
    investmentCumulative,
    constructionStatus,
    landSecured: true,
    ...(narrative ? { narrative } : {}),
  });

  it('judges the review queue, shows a task’s and a project’s context, and checks a project against its last report', async () => {
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const y2021 = await launch(2021, ['indicator', 'task', 'project']);
      await h.env.sleep(DAYS(1));

      const source = { dataSource: '河源市教育统计年报' };
      await submit(y2021, 'indicator-9', { kind: 'indicator', value: 96.5, ...source }).expect(200);
      await submit(y2021, 'indicator-8', {
        kind: 'indicator',
        value: 70,
        reasons: '新建园所未如期开园',
        measures: '加快公办园建设',
        ...source,
      }).expect(200);
      await submit(y2021, 'indicator-10', {
        kind: 'indicator',
        value: 94,
        reasons: '统计口径调整',
        measures: '核实口径',
        ...source,
      }).expect(200);
      await submit(y2021, 'project-2', project(5000, 'under_construction')).expect(200);

      const queue = (await as(h.tokens.otherSupervisor).get(`${y2021}/reviews`).expect(200)).body as {
        total: number;
        items: ReviewRow[];
      };
      expect(queue.items.map((r) => r.itemKey)).toEqual(['indicator-8', 'indicator-10', 'indicator-9', 'project-2']);
      expect(queue.items[0]).toMatchObject({
        binding: true,
        status: 'lagging',
        expected: 81.58,
        previous: { year: 2020, value: 80.73 },
        change: -10.73,
        reasons: '新建园所未如期开园',
        measures: '加快公办园建设',
        evidence: 0,
      });
      expect(queue.items[1]).toMatchObject({ binding: false, status: 'lagging' });
      expect(queue.items[2]).toMatchObject({ binding: true, status: 'requirement_met' });
      // The bureau sees every department's; another department's supervisor may not ask for 市教育局's.
      await as(h.tokens.admin).get(`${y2021}/reviews?department=${OTHER}`).expect(200);
      await as(h.tokens.supervisor).get(`${y2021}/reviews?department=${OTHER}`).expect(403);

      // A task: its text from the plan; 市人力资源社会保障局 has not contributed yet.
      const task = (await as(h.tokens.otherSubmitter).get(`${y2021}/items/task-16/context`).expect(200)).body;
      expect(task.task.text.zh).toContain('推动职业教育提质培优');
      expect(task.task.coDepartments).toEqual([
        expect.objectContaining({ code: 'city-hr-social-security', zh: '市人力资源社会保障局', contributed: false }),
      ]);
      expect(task.project).toBeNull();
      expect(task.indicator).toBeNull();
      // An indicator's: what its value is judged by, for the form to ask for reasons exactly when they are required.
      const indicator = (await as(h.tokens.otherSubmitter).get(`${y2021}/items/indicator-8/context`).expect(200)).body;
      expect(indicator).toEqual({
        indicator: {
          years: { baselineYear: 2020, endYear: 2025, year: 2021 },
          thresholds: expect.objectContaining({ preset: 'time_elapsed', onTrack: 1, slightlyBehind: 0.8 }),
        },
        task: null,
        project: null,
      });

      await as(h.tokens.otherSupervisor).post(`${y2021}/items/project-2/review`, { decision: 'approve' }).expect(200);

      // The next year: the project's context has 2021's approved report, and a report below it is refused.
      const y2022 = await launch(2022, ['project']);
      await h.env.sleep(DAYS(1));
      const context = (await as(h.tokens.otherSubmitter).get(`${y2022}/items/project-2/context`).expect(200)).body;
      expect(context.project).toEqual({
        content: expect.stringContaining('青少年宫'),
        totalInvestment: 14995,
        planPeriodInvestment: 14995,
        previous: { year: 2021, investmentCumulative: 5000, constructionStatus: 'under_construction' },
      });
      const lower = await submit(y2022, 'project-2', project(4000, 'under_construction')).expect(422);
      expect(lower.body.details).toEqual([
        expect.objectContaining({ field: 'investmentCumulative', zh: expect.stringContaining('5000') }),
      ]);
      const backwards = await submit(y2022, 'project-2', project(6000, 'preparing')).expect(422);
      expect(backwards.body.details).toEqual([expect.objectContaining({ field: 'narrative' })]);
      await submit(y2022, 'project-2', project(6000, 'preparing', '设计变更，重新办理施工许可')).expect(200);
      const [row] = (await as(h.tokens.otherSupervisor).get(`${y2022}/reviews`).expect(200)).body.items as ReviewRow[];
      expect(row).toMatchObject({ itemKey: 'project-2', previous: { year: 2021, value: 5000 }, change: 1000 });

      // Returned, corrected to a value that meets the target: the reasons written for 94 are not kept.
      await as(h.tokens.otherSupervisor)
        .post(`${y2021}/items/indicator-10/review`, { decision: 'reject', reason: '请核实' })
        .expect(200);
      await submit(y2021, 'indicator-10', {
        kind: 'indicator',
        value: 96.2,
        reasons: '统计口径调整',
        measures: '核实口径',
        ...source,
      }).expect(200);
      const item = (await as(h.tokens.otherSupervisor).get(`${y2021}/items/indicator-10`).expect(200)).body as {
        versions: Array<{ payload: Record<string, unknown> }>;
      };
      expect(item.versions.map((v) => [v.payload.value, v.payload.reasons ?? null])).toEqual([
        [94, '统计口径调整'],
        [96.2, null],
      ]);
    });
  }, 300_000);
});
