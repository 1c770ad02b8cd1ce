/**
 * The HTTP API against real PostgreSQL and Temporal's test server: health and
 * readiness, the catalog, and launching a cycle with its refusals.
 */
import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { importPlan } from '@libs/catalog/catalog-import';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';
import { TEMPORAL_CLIENT } from '../../apps/api/src/tokens';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { HEYUAN_PLAN_FILE } from '../support/plans';
import { createTimeSkippingEnvironment } from '../support/temporal';

describe('the API', () => {
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importPlan(db.dataSource, await readPlanFile(HEYUAN_PLAN_FILE));
    env = await createTimeSkippingEnvironment();
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
      .overrideProvider(DataSource)
      .useValue(db.dataSource)
      .overrideProvider(TEMPORAL_CLIENT)
      .useValue(env.client)
      .compile();
    app = configureApi(moduleRef.createNestApplication({ logger: false }));
    await app.init();
  });
  afterAll(async () => {
    // The test owns the database and the environment; the module must not close them first.
    await env.teardown();
    await db.drop();
  });

  it('is ready when PostgreSQL and Temporal answer', async () => {
    await request(app.getHttpServer()).get('/api/health').expect(200, { status: 'ok' });
    await request(app.getHttpServer()).get('/api/ready').expect(200, { status: 'ready', postgres: 'ok', temporal: 'ok' });
  });

  it('lists a department’s indicators, variants of its name accepted', async () => {
    const res = await request(app.getHttpServer()).get('/api/plans/heyuan-public-services-2021-2025/indicators').query({ department: '统计局' }).expect(200);
    expect(res.body.items.map((i: { no: number }) => i.no)).toEqual([1, 4]);
  });

  it('answers 404 with the plan named when it does not exist', async () => {
    const res = await request(app.getHttpServer()).get('/api/plans/nope/indicators').expect(404);
    expect(res.body).toMatchObject({ code: 'not_found', message: expect.stringContaining('数据库中没有编号为“nope”的规划') });
  });

  const launch = (body: object) => request(app.getHttpServer()).post('/api/cycles').send(body);
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
    [{ ...valid, kind: 'weekly' }, 'kind 应为 annual、midterm 或 final'],
    [{ planCode: valid.planCode }, '缺少字段 kind'],
  ])('refuses a malformed launch with 400: %#', async (body, message) => {
    const res = await launch(body).expect(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.message).toContain(message);
  });

  it('shows a cycle’s state from the database, and 404 for an unknown one', async () => {
    await request(app.getHttpServer()).get(`/api/cycles/${encodeURIComponent('cycle/none/annual/2021')}`).expect(404);
  });
});
