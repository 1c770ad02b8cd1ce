/**
 * The HTTP API against real PostgreSQL and Temporal's test server: health and
 * readiness, the catalog, and launching a cycle with its refusals.
 */
import type { Test } from 'supertest';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

describe('the API', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());
  const asAdmin = (r: Test) => r.set('Authorization', `Bearer ${h.tokens.admin}`);

  it('is ready when PostgreSQL and Temporal answer', async () => {
    await h.http().get('/api/health').expect(200, { status: 'ok' });
    await h.http().get('/api/ready').expect(200, { status: 'ready', postgres: 'ok', temporal: 'ok' });
  });

  it('lists a department’s indicators, variants of its name accepted', async () => {
    const res = await asAdmin(h.http().get('/api/plans/heyuan-public-services-2021-2025/indicators')).query({ department: '统计局' }).expect(200);
    expect(res.body.items.map((i: { no: number }) => i.no)).toEqual([1, 4]);
  });

  it('answers 404 with the plan named when it does not exist', async () => {
    const res = await asAdmin(h.http().get('/api/plans/nope/indicators')).expect(404);
    expect(res.body).toMatchObject({ code: 'not_found', message: expect.stringContaining('数据库中没有编号为“nope”的规划') });
  });

  const launch = (body: object) => asAdmin(h.http().post('/api/cycles')).send(body);
  const valid = { planCode: 'heyuan-public-services-2021-2025', kind: 'annual', fromYear: 2022, toYear: 2022, deadline: '2023-03-31T00:00:00+08:00', hardClose: '2023-05-31T00:00:00+08:00', itemKinds: ['indicator'] };

  it('launches a cycle once: a second launch is a 409 conflict', async () => {
    const first = await launch(valid).expect(201);
    expect(first.body).toEqual({ cycleId: 'cycle/heyuan-public-services-2021-2025/annual/2022', departments: 11, items: 45 });
    const again = await launch(valid).expect(409);
    expect(again.body.code).toBe('already_launched');
    expect(again.body.message).toContain('不能重复发起');
  });

  it('refuses a launch whose groups are not resolved, naming each (422)', async () => {
    const res = await launch({ ...valid, fromYear: 2023, toYear: 2023, itemKinds: ['task'] }).expect(422);
    expect(res.body.code).toBe('launch_refused');
    expect(res.body.message).toContain('“相关行业主管部门”尚未指定具体部门');
    expect(res.body.message).toContain('“市有关部门”尚未指定具体部门');
  });

  it.each([
    [{ ...valid, deadline: 'soon' }, '截止时间“soon”格式不对'],
    [{ ...valid, hardClose: '2023-01-01T00:00:00Z' }, '关闭时间应晚于截止时间'],
    [{ ...valid, policy: { overdueEvery: 'often' } }, '催办策略 overdueEvery 的时长“often”无法识别'],
    [{ ...valid, kind: 'weekly' }, 'kind 应为以下之一：annual, midterm, final'],
    [{ planCode: valid.planCode }, 'kind 应为以下之一'],
    [{ ...valid, fromYear: '2022' }, 'fromYear 应为整数'],
    [{ ...valid, colour: 'red' }, '不接受字段 colour'],
  ])('refuses a malformed launch with 400: %#', async (body, message) => {
    const res = await launch(body).expect(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.message).toContain(message);
  });

  // Found by fuzzing (test/fuzz): each was a 500.
  it('refuses out-of-range numbers and answers concurrent duplicates once', async () => {
    const page = await asAdmin(h.http().get('/api/cycles?page=1.0747854861245082e%2B73')).expect(400);
    expect(page.body.message).toContain('page 不能大于 100000');
    await asAdmin(h.http().get(`/api/cycles/${encodeURIComponent('cycle/x/annual/2021')}/reports/16113688634582582/docx`)).expect(404);
    const body = { email: 'twin@x.example', name: '同名', role: 'admin', department: '' };
    const answers = await Promise.all([1, 2, 3].map(() => asAdmin(h.http().post('/api/users')).send(body)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    // null where an optional value goes is the same as leaving it out.
    await asAdmin(h.http().post('/api/users')).send({ email: 'nulls@x.example', name: '空值', role: 'viewer', password: null, locale: null }).expect(201);
    await asAdmin(h.http().post('/api/cycles')).send({ ...valid, fromYear: 2024, toYear: 2024, itemKinds: null, policy: null, groupResolution: null }).expect(422);
  });

  it('shows a cycle’s state from the database, and 404 for an unknown one', async () => {
    const missing = await asAdmin(h.http().get(`/api/cycles/${encodeURIComponent('cycle/none/annual/2021')}`)).expect(404);
    expect(missing.body.message).toContain('没有找到评估轮次“cycle/none/annual/2021”');
  });
});
