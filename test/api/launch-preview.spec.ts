/**
 * The launch's confirmation step over HTTP (real NestJS app, PostgreSQL and
 * Temporal's test server): POST /api/cycles/preview answers what a launch
 * would start and mail, refuses exactly as the launch would (the years against
 * the plan's calendar for the kind, groups left unresolved), writes nothing
 * and mails nobody; the launch then does what the preview said.
 */
import type { Test } from 'supertest';
import { ACCOUNTS, createApiHarness, type ApiHarness } from '../support/api-harness';
import { DAYS } from '../support/cycle-harness';

describe('the launch preview', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());
  const as = (role: keyof typeof ACCOUNTS, r: Test) => r.set('Authorization', `Bearer ${h.tokens[role]}`);
  const preview = (body: object, role: keyof typeof ACCOUNTS = 'admin') =>
    as(role, h.http().post('/api/cycles/preview')).send(body);
  const launch = (body: object) => as('admin', h.http().post('/api/cycles')).send(body);
  const GROUPS = {
    'relevant-city-departments': ['city-education', 'city-health'],
    'relevant-sector-authorities': ['city-civil-affairs'],
  };
  const midterm = async (overrides: object = {}) => {
    const { policy: _policy, ...definition } = await h.definition({
      kind: 'midterm',
      fromYear: 2021,
      toYear: 2023,
      deadlineInDays: 30,
      hardCloseInDays: 60,
    });
    return { ...definition, itemKinds: ['task'], groupResolution: GROUPS, ...overrides };
  };

  it('says what a launch of the tasks would start and mail, writing nothing and mailing nobody', async () => {
    const body = await midterm();
    const res = await preview(body).expect(200);
    expect(res.body).toMatchObject({
      cycleId: 'cycle/heyuan-public-services-2021-2025/midterm/2021-2023',
      itemCount: 49,
      items: { task: 49 },
    });
    const departments: Array<{ code: string; leads: Record<string, number>; cooperates: number }> =
      res.body.departments;
    // Every task is led by one department, and the groups stand for the departments chosen.
    expect(departments.reduce((n, d) => n + (d.leads.task ?? 0), 0)).toBe(49);
    expect(departments.map((d) => d.code)).toEqual(expect.arrayContaining(['city-education', 'city-civil-affairs']));
    const leading = departments.filter((d) => d.leads.task).length;
    const cooperating = departments.filter((d) => d.cooperates > 0).length;
    expect(res.body.mails).toEqual({
      assignments: leading,
      contributionRequests: cooperating,
      total: leading + cooperating,
    });
    expect(departments.find((d) => d.code === 'city-education')).toMatchObject({
      submitterEmail: expect.stringContaining('@'),
    });

    expect((await as('admin', h.http().get('/api/cycles')).expect(200)).body.total).toBe(0);
    await h.env.sleep(DAYS(1));
    expect(h.smtp.received).toHaveLength(0);

    // The launch then starts what the preview said.
    const launched = await launch(body).expect(201);
    expect(launched.body).toEqual({ cycleId: res.body.cycleId, departments: leading, items: 49 });
  });

  it('refuses, as the launch does, a group left unresolved (422, naming it)', async () => {
    const refused = await preview(await midterm({ fromYear: 2021, toYear: 2022, groupResolution: {} })).expect(422);
    expect(refused.body.code).toBe('launch_refused');
    expect(refused.body.message).toContain('“相关行业主管部门”尚未指定具体部门');
    expect(refused.body.message).toContain('“市有关部门”尚未指定具体部门');
  });

  it.each<[string, object, string, string]>([
    [
      'a mid-term evaluation past its third year',
      { kind: 'midterm', fromYear: 2021, toYear: 2025 },
      'toYear',
      '中期评估的结束年份应在2022–2023年之间，而不是2025年（规划期2021–2025年）',
    ],
    [
      'a final evaluation short of the whole period',
      { kind: 'final', fromYear: 2022, toYear: 2025 },
      'fromYear',
      '总结评估的起始年份应为2021年，而不是2022年（规划期2021–2025年）',
    ],
    [
      'annual monitoring of the baseline year',
      { kind: 'annual', fromYear: 2020, toYear: 2020 },
      'fromYear',
      '年度监测分析的起始年份应在2021–2025年之间，而不是2020年（规划期2021–2025年）',
    ],
  ])('refuses %s, naming the field, in the preview and the launch (400)', async (_label, years, field, zh) => {
    const body = await midterm(years);
    for (const refused of [await preview(body).expect(400), await launch(body).expect(400)]) {
      expect(refused.body.code).toBe('invalid_request');
      expect(refused.body.details).toContainEqual(expect.objectContaining({ field, zh }));
      expect(refused.body.messageEn).toMatch(/the plan covers 2021–2025/);
    }
  });

  it('is the bureau’s only (403)', async () => {
    const refused = await preview(await midterm(), 'supervisor').expect(403);
    expect(refused.body.code).toBe('forbidden');
  });
});
