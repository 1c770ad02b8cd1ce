/**
 * The basic public service items (专栏2) through HTTP against the real
 * services: the plan names no department for them, so a launch with them is
 * refused naming every unassigned item; the bureau assigns them in the catalog
 * (all or none, audited, refused by field in both languages); the department
 * reports each item's 落实情况, its supervisor approves, and the closed
 * cycle's report carries the 落实率 per 服务领域.
 */
import { BUREAU_EMAIL, DAYS } from '../support/cycle-harness';
import { createApiHarness, OTHER, type AccountName, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
const PLAN = 'heyuan-public-services-2021-2025';
const ASSIGN = `/api/plans/${PLAN}/service-items/departments`;

describe('basic public service items through the API', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (who: AccountName) => {
    const auth = <T extends { set(k: string, v: string): T }>(r: T) =>
      r.set('Authorization', `Bearer ${h.tokens[who]}`);
    return {
      get: (path: string) => auth(h.http().get(path)),
      post: (path: string, body: object) => auth(h.http().post(path)).send(body),
      put: (path: string, body: object) => auth(h.http().put(path)).send(body),
    };
  };
  const serviceLaunch = (year: number) =>
    h.definition({ fromYear: year, toYear: year, deadlineInDays: 30, hardCloseInDays: 60, itemKinds: ['service'] });

  it('refuses a launch naming every unassigned item, until the bureau has assigned them all', async () => {
    const listed = (await as('viewer').get(`/api/plans/${PLAN}/service-items`).expect(200)).body.items;
    expect(listed).toHaveLength(80);
    expect(listed[4]).toEqual({
      no: 5,
      area: '幼有所育',
      goal: expect.stringContaining('优生优育'),
      name: '预防接种',
      department: null,
    });

    // Nothing assigned: all 80 named, number and name, in both languages; no cycle is left behind.
    const refused = await as('admin')
      .post('/api/cycles', await serviceLaunch(2021))
      .expect(422);
    expect(refused.body.code).toBe('launch_refused');
    expect(refused.body.details).toHaveLength(80);
    expect(refused.body.message).toContain(
      '基本公共服务项目1“农村免费孕前优生健康检查”（幼有所育）尚未指定责任单位，请在规划目录中指定，或发起时不选基本公共服务',
    );
    expect(refused.body.messageEn).toContain(
      'basic service item 80 "全民健身服务" (文体服务保障) has no department: assign one in the catalog, or launch without basic services',
    );
    expect((await as('admin').get('/api/cycles').expect(200)).body.total).toBe(0);
    // Left out explicitly, the same launch goes ahead.
    const without = { ...(await serviceLaunch(2021)), itemKinds: ['indicator'] };
    expect((await as('admin').post('/api/cycles', without).expect(201)).body.items).toBe(45);

    // Only the bureau assigns; a bad row refuses the whole request, each problem named by field in both languages.
    await as('submitter')
      .put(ASSIGN, { assignments: [{ no: 1, department: OTHER }] })
      .expect(403);
    const malformed = await as('admin')
      .put(ASSIGN, { assignments: [{ no: 'five', department: OTHER }] })
      .expect(400);
    expect(malformed.body.details).toContainEqual({
      field: 'assignments.0.no',
      zh: 'assignments.0.no 应为整数',
      en: 'no must be an integer number',
    });
    const wrong = await as('admin')
      .put(ASSIGN, {
        assignments: [
          { no: 1, department: OTHER },
          { no: 81, department: OTHER },
          { no: 2, department: '市星际局' },
          { no: 3, department: 'relevant-city-departments' },
          { no: 1, department: 'city-health' },
        ],
      })
      .expect(422);
    expect(wrong.body.details.map((d: { field: string }) => d.field)).toEqual([
      'assignments.1.no',
      'assignments.2.department',
      'assignments.3.department',
      'assignments.4.no',
    ]);
    expect(wrong.body.message).toContain('规划中没有序号为81的基本公共服务项目（共80项）');
    expect(wrong.body.messageEn).toContain(
      'no department with code or name "市星际局" (a group cannot be responsible for an item)',
    );
    expect((await as('admin').get(`/api/plans/${PLAN}/service-items`).expect(200)).body.items[0].department).toBeNull();

    // Every item but the last to 市教育局 by its code: the launch now names only the one left.
    const most = Array.from({ length: 79 }, (_, i) => ({ no: i + 1, department: OTHER }));
    const assigned = (await as('admin').put(ASSIGN, { assignments: most }).expect(200)).body.items;
    expect(assigned[0].department).toEqual({ code: OTHER, name: '市教育局', nameEn: expect.any(String) });
    const one = await as('admin')
      .post('/api/cycles', await serviceLaunch(2022))
      .expect(422);
    expect(one.body.details).toEqual([expect.objectContaining({ zh: expect.stringContaining('80“全民健身服务”') })]);
    // The last by the department's name; the change is audited with what it replaced.
    await as('admin')
      .put(ASSIGN, { assignments: [{ no: 80, department: '市教育局' }] })
      .expect(200);
    const audit = (await as('admin').get(`/api/audit?entityType=plan&entityId=${PLAN}`).expect(200)).body.items;
    expect(audit.filter((a: { action: string }) => a.action === 'assign_service_items')).toEqual([
      expect.objectContaining({
        actor: BUREAU_EMAIL,
        before: [{ no: 80, department: null }],
        after: [{ no: 80, department: '市教育局' }],
      }),
      expect.objectContaining({ actor: BUREAU_EMAIL }),
    ]);
  });

  it('takes each item’s 落实情况 from its department, and the closed cycle’s report gives the 落实率 per area', async () => {
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const launched = (
        await as('admin')
          .post('/api/cycles', await serviceLaunch(2022))
          .expect(201)
      ).body;
      expect(launched).toMatchObject({ items: 80, departments: 1 });
      const items = `/api/cycles/${enc(launched.cycleId)}/items`;
      await h.env.sleep(DAYS(1));

      expect((await as('otherSubmitter').get(`${items}?kind=service`).expect(200)).body.total).toBe(80);
      expect((await as('otherSubmitter').get(`${items}/service-10`).expect(200)).body).toMatchObject({
        itemKey: 'service-10',
        kind: 'service',
        title: '学前教育幼儿资助',
        department: OTHER,
        status: 'assigned',
      });
      // Partly delivered without saying why: 422 at the narrative, nothing kept.
      const silent = await as('otherSubmitter')
        .post(`${items}/service-11/submit`, { submission: { kind: 'service', implementation: 'partly' } })
        .expect(422);
      expect(silent.body.details).toEqual([expect.objectContaining({ field: 'narrative' })]);
      expect(silent.body.message).toContain('请说明差距和原因');
      expect(silent.body.messageEn).toContain('needs an account of the shortfall');
      // Another kind's field: refused by name before it reaches the workflow.
      const stray = await as('otherSubmitter')
        .post(`${items}/service-11/submit`, {
          submission: { kind: 'service', implementation: 'implemented', progress: 'completed' },
        })
        .expect(400);
      expect(stray.body.details).toEqual([expect.objectContaining({ field: 'submission.progress' })]);

      // 学有所教 (items 10–18): one to standard, one in part, one not; the other six not reported.
      const reports: Array<[number, object]> = [
        [10, { kind: 'service', implementation: 'implemented' }],
        [11, { kind: 'service', implementation: 'partly', narrative: '城区已按标准发放，山区学校发放滞后' }],
        [12, { kind: 'service', implementation: 'not_implemented', narrative: '配套资金未到位，暂未实施' }],
      ];
      for (const [no, submission] of reports)
        await as('otherSubmitter').post(`${items}/service-${no}/submit`, { submission }).expect(200);
      await as('otherSupervisor')
        .post(`/api/cycles/${enc(launched.cycleId)}/reviews/bulk-approve`, {
          department: OTHER,
          itemKeys: ['service-10', 'service-11', 'service-12'],
        })
        .expect(200);

      await h.env.sleep(DAYS(61));
      const figures = (
        await as('viewer')
          .get(`/api/cycles/${enc(launched.cycleId)}/reports/1/json`)
          .expect(200)
      ).body;
      const area = figures.summary.serviceItems.byArea.find((a: { area: string }) => a.area === '学有所教');
      expect(area).toEqual({
        area: '学有所教',
        count: 9,
        byStanding: { implemented: 1, partly: 1, not_implemented: 1, not_reported: 6 },
        rate: 0.1111,
      });
      expect(figures.summary.serviceItems.byArea).toHaveLength(9);
      expect(figures.summary.serviceItems.overall).toEqual({
        count: 80,
        byStanding: { implemented: 1, partly: 1, not_implemented: 1, not_reported: 77 },
        rate: 0.0125,
      });
      expect(figures.serviceItems[11]).toMatchObject({
        no: 12,
        leadDepartment: '市教育局',
        implementation: 'not_implemented',
        narrative: '配套资金未到位，暂未实施',
        source: { version: 1 },
      });
    });
    // Sixty-one days of a cycle's chasing skipped through on the test server: slow on a busy two-core machine.
  }, 300_000);
});
