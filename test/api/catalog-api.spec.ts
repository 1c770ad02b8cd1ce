/**
 * The catalog through HTTP: the OpenAPI description, importing a workbook
 * (a malformed one refused by sheet, row and column, nothing written),
 * exporting, editing a contact (validated, audited with before and after),
 * delegations and user accounts.
 */
import ExcelJS from 'exceljs';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { writePlanWorkbook } from '@libs/catalog/plan-workbook';
import { HEYUAN_PLAN_FILE } from '../support/plans';
import { createApiHarness, OWN, type ApiHarness } from '../support/api-harness';

describe('the catalog through the API', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());
  const admin = () => ({
    get: (p: string) => h.http().get(p).set('Authorization', `Bearer ${h.tokens.admin}`),
    post: (p: string) => h.http().post(p).set('Authorization', `Bearer ${h.tokens.admin}`),
    put: (p: string) => h.http().put(p).set('Authorization', `Bearer ${h.tokens.admin}`),
    patch: (p: string) => h.http().patch(p).set('Authorization', `Bearer ${h.tokens.admin}`),
  });

  it('describes itself in OpenAPI, generated from the code', async () => {
    const doc = (await h.http().get('/api/docs-json').expect(200)).body;
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/cycles',
      '/api/cycles/{cycleId}/items/{itemKey}/submit',
      '/api/cycles/{cycleId}/reviews/bulk-approve',
      '/api/plans/import',
      '/api/users',
      '/api/audit',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.components.schemas.LaunchBody.required).toEqual(
      expect.arrayContaining(['planCode', 'kind', 'fromYear', 'toYear', 'deadline', 'hardClose']),
    );
    const ui = await h.http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('lists what the plan promised beside its indicators: targets, tasks, planned and reserve projects', async () => {
    const plan = '/api/plans/heyuan-public-services-2021-2025';
    const list = async (path: string) => (await admin().get(`${plan}/${path}`).expect(200)).body;
    // As printed: 43 main targets, 49 main tasks, 41 planned projects (附件3) and 47 reserve projects (附件4).
    expect((await list('targets?pageSize=200')).total).toBe(43);
    const tasks = await list('tasks?pageSize=200');
    expect(tasks.total).toBe(49);
    expect(tasks.items[0]).toMatchObject({
      no: 1,
      title: expect.any(String),
      details: expect.any(String),
      leadDepartment: expect.any(String),
      coDepartments: expect.any(Array),
    });
    expect((await list('projects?pageSize=200')).total).toBe(88);
    const planned = await list('projects?status=planned&pageSize=200');
    expect(planned.total).toBe(41);
    expect(planned.items.every((p: { status: string }) => p.status === 'planned')).toBe(true);
    const reserve = await list('projects?status=reserve&pageSize=200');
    expect(reserve.total).toBe(47);
    expect(reserve.items[0]).toMatchObject({ status: 'reserve', planPeriodInvestment: null });

    const refused = await admin().get(`${plan}/projects?status=started`).expect(400);
    expect(refused.body.details[0]).toMatchObject({ field: 'status' });
    await admin().get('/api/plans/nope/tasks').expect(404);
  });

  it('imports a workbook, and refuses a malformed one naming sheet, row and column', async () => {
    const plan = await readPlanFile(HEYUAN_PLAN_FILE);
    const good = await writePlanWorkbook(plan.file);
    const imported = await admin().post('/api/plans/import').attach('file', good, 'heyuan.xlsx').expect(200);
    expect(imported.body.plan).toBe('heyuan-public-services-2021-2025');
    expect(imported.body.report.indicator).toMatchObject({ added: 0, changed: 0 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(good as unknown as ArrayBuffer);
    workbook.getWorksheet('重大项目')!.getCell('F5').value = '两万';
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const refused = await admin().post('/api/plans/import').attach('file', bad, 'heyuan.xlsx').expect(400);
    expect(refused.body.code).toBe('invalid_data');
    expect(refused.body.message).toContain('重大项目!F5');
    expect(refused.body.message).toContain('应为数字，实际为“两万”');
    expect(refused.body.details[0].where).toContain('重大项目!F5');

    const wrongType = await admin()
      .post('/api/plans/import')
      .attach('file', Buffer.from('a,b'), 'plan.csv')
      .expect(400);
    expect(wrongType.body.message).toContain('只接受 .json 或 .xlsx');
    const missing = await admin().post('/api/plans/import').expect(400);
    expect(missing.body.message).toContain('请上传规划文件');

    const exported = await admin().get('/api/plans/heyuan-public-services-2021-2025/export?format=json').expect(200);
    expect(JSON.parse(exported.text).indicators).toHaveLength(45);
  });

  it('edits a contact: a bad address is refused by field; the change is audited before and after', async () => {
    const bad = await admin()
      .put(`/api/departments/${OWN}/contacts/submitter`)
      .send({ name: '李华', email: 'li.hua＠tjj.heyuan.example' })
      .expect(422);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'email' })]);
    expect(bad.body.message).toContain('市统计局');
    expect(bad.body.message).toContain('全角');
    const noName = await admin()
      .put(`/api/departments/${OWN}/contacts/submitter`)
      .send({ email: 'li.hua@tjj.heyuan.example' })
      .expect(400);
    expect(noName.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'name', zh: 'name 应为文本' })]),
    );
    await admin()
      .put(`/api/departments/${OWN}/contacts/reviewer`)
      .send({ name: '李华', email: 'li.hua@tjj.heyuan.example' })
      .expect(404);

    await admin()
      .put(`/api/departments/${OWN}/contacts/submitter`)
      .send({ name: '李华', email: 'Li.Hua@tjj.heyuan.example' })
      .expect(200);
    const dept = await admin().get(`/api/departments/${OWN}`).expect(200);
    expect(dept.body.submitter).toEqual({ name: '李华', email: 'li.hua@tjj.heyuan.example', locale: 'zh-CN' });
    const audit = await admin().get(`/api/audit?entityType=contact&entityId=${OWN}/submitter`).expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'edit_contact',
      before: { email: `submitter@${OWN}.heyuan.example` },
      after: { email: 'li.hua@tjj.heyuan.example' },
    });

    const groups = await admin().get('/api/departments?kind=group').expect(200);
    expect(groups.body.items.length).toBeGreaterThan(0);
    expect(groups.body.items[0]).toHaveProperty('members');
    const page = await admin().get('/api/departments?pageSize=5&page=2').expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 5 });
    expect(page.body.items).toHaveLength(5);
    const badPage = await admin().get('/api/departments?pageSize=500').expect(400);
    expect(badPage.body.message).toContain('pageSize 不能大于 200');
  });

  it('resolves a group to its departments once, refusing unknown codes and nested groups', async () => {
    const [group] = (await admin().get('/api/departments?kind=group').expect(200)).body.items as Array<{
      code: string;
    }>;
    const refused = await admin()
      .put(`/api/departments/${group.code}/members`)
      .send({ members: ['city-education', 'nope', group.code] })
      .expect(422);
    expect(refused.body.details.map((d: { zh: string }) => d.zh)).toEqual([
      '没有代码为“nope”的部门',
      expect.stringContaining('本身是部门组'),
    ]);
    await admin().put(`/api/departments/${OWN}/members`).send({ members: [] }).expect(422);
    const set = await admin()
      .put(`/api/departments/${group.code}/members`)
      .send({ members: ['city-health', 'city-education'] })
      .expect(200);
    expect(set.body.members).toEqual(['city-education', 'city-health']);
    expect((await admin().get(`/api/departments/${group.code}`).expect(200)).body.members.sort()).toEqual([
      'city-education',
      'city-health',
    ]);
    const audit = await admin()
      .get(`/api/audit?entityType=department&entityId=${encodeURIComponent(group.code)}`)
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'set_group_members',
      after: ['city-education', 'city-health'],
    });
  });

  it('lets a supervisor delegate for its own department only, with a clear refusal for a bad period', async () => {
    const supervisor = (p: string) => h.http().post(p).set('Authorization', `Bearer ${h.tokens.supervisor}`);
    // Someone in the directory (市卫生健康局's submitter): a supervisor names no one from outside it.
    const body = {
      department: OWN,
      role: 'submitter',
      delegateName: '王五',
      delegateEmail: 'submitter@city-health.heyuan.example',
      validFrom: '2026-12-01T00:00:00+08:00',
      validUntil: '2026-12-31T00:00:00+08:00',
    };
    const created = await supervisor('/api/delegations').send(body).expect(201);
    expect(created.body).toMatchObject({ department: OWN, delegateEmail: 'submitter@city-health.heyuan.example' });
    await supervisor('/api/delegations')
      .send({ ...body, department: 'city-education' })
      .expect(403);
    const backwards = await supervisor('/api/delegations')
      .send({ ...body, validUntil: '2026-11-01T00:00:00+08:00' })
      .expect(422);
    expect(backwards.body.message).toContain('开始时间应早于结束时间');
  });

  it('manages accounts: weak passwords, wrong departments and duplicates are refused', async () => {
    const weak = await admin()
      .post('/api/users')
      .send({ email: 'new@x.example', name: '新人', role: 'submitter', department: OWN, password: 'short' })
      .expect(422);
    expect(weak.body.message).toContain('密码至少需要10个字符');
    const noDept = await admin()
      .post('/api/users')
      .send({ email: 'new@x.example', name: '新人', role: 'supervisor' })
      .expect(422);
    expect(noDept.body.message).toContain('必须属于一个部门');
    const created = await admin()
      .post('/api/users')
      .send({ email: 'new@x.example', name: '新人', role: 'submitter', department: OWN })
      .expect(201);
    expect(created.body).toMatchObject({ role: 'submitter', hasPassword: false });
    expect(created.body).not.toHaveProperty('passwordHash');
    await admin()
      .post('/api/users')
      .send({ email: 'NEW@x.example', name: '新人', role: 'submitter', department: OWN })
      .expect(409);
    const promoted = await admin().patch(`/api/users/${created.body.id}`).send({ role: 'viewer' }).expect(200);
    expect(promoted.body).toMatchObject({ role: 'viewer', department: null });
    const list = await admin().get('/api/users?role=viewer').expect(200);
    expect(list.body.items.map((u: { email: string }) => u.email)).toEqual([
      'evaluator@third-party.example',
      'new@x.example',
    ]);
  });
});
