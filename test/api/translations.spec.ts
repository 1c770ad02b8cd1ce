/**
 * The plan's English through HTTP: listed with what is missing, edited one
 * text at a time by the bureau (validated by field, audited before and after,
 * exported with the plan), and a plan file without its English refused on import.
 */
import { readFileSync } from 'node:fs';
import { HEYUAN_PLAN_FILE } from '../support/plans';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

const PLAN = 'heyuan-public-services-2021-2025';

describe('the plan’s English through the API', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());
  const as = (token: string) => ({
    get: (p: string) => h.http().get(p).set('Authorization', `Bearer ${token}`),
    put: (p: string) => h.http().put(p).set('Authorization', `Bearer ${token}`),
    post: (p: string) => h.http().post(p).set('Authorization', `Bearer ${token}`),
  });
  const admin = () => as(h.tokens.admin);

  it('lists every text with its English, none missing in the Heyuan plan', async () => {
    const indicators = await admin().get(`/api/plans/${PLAN}/translations?kind=indicator&pageSize=200`).expect(200);
    expect(indicators.body.total).toBe(45 * 4);
    expect(indicators.body.items[0]).toEqual({
      kind: 'indicator',
      key: '1',
      field: 'name',
      item: '常住人口数',
      zh: '常住人口数',
      en: 'Permanent resident population',
      needed: true,
    });
    expect(indicators.body.items[1]).toMatchObject({ field: 'unit', zh: '万人', en: '10,000 persons' });
    const missing = await admin().get(`/api/plans/${PLAN}/translations?missing=true`).expect(200);
    expect(missing.body.total).toBe(0);
  });

  it('edits a name and a project group: stored, exported with the plan, audited before and after', async () => {
    const edited = await admin()
      .put(`/api/plans/${PLAN}/translations`)
      .send({ kind: 'indicator', key: '3', field: 'name', text: '  Urbanization rate of residents ' })
      .expect(200);
    expect(edited.body).toMatchObject({
      kind: 'indicator',
      key: '3',
      zh: '常住人口城镇化率',
      en: 'Urbanization rate of residents',
    });
    await admin()
      .put(`/api/plans/${PLAN}/translations`)
      .send({ kind: 'projectGroup', key: 'reserve-三', field: 'name', text: 'Cultural and sports projects' })
      .expect(200);

    const exported = JSON.parse((await admin().get(`/api/plans/${PLAN}/export?format=json`).expect(200)).text);
    expect(exported.indicators[2].nameEn).toBe('Urbanization rate of residents');
    expect(
      exported.printedTotals.projectGroups.find(
        (g: { status: string; no: string }) => g.status === 'reserve' && g.no === '三',
      ).nameEn,
    ).toBe('Cultural and sports projects');

    const audit = await admin()
      .get(`/api/audit?entityType=translation&entityId=${encodeURIComponent(`${PLAN}/indicator-3.name`)}`)
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'edit_translation',
      before: { zh: '常住人口城镇化率', en: 'Urbanization rate of the permanent resident population' },
      after: { zh: '常住人口城镇化率', en: 'Urbanization rate of residents' },
    });
  });

  it.each<[string, object, number, string, string]>([
    [
      'a field the kind has not',
      { kind: 'target', key: '1', field: 'unit', text: 'years' },
      422,
      'field',
      '主要目标可译字段为text',
    ],
    [
      'Chinese as English',
      { kind: 'task', key: '1', field: 'title', text: '促进均等' },
      422,
      'text',
      '英文译文不应包含中文字符',
    ],
    ['a blank text', { kind: 'serviceItem', key: '5', field: 'name', text: '   ' }, 422, 'text', '英文译文不能为空'],
    [
      'an item the plan has not',
      { kind: 'reserve', key: '48', field: 'name', text: 'A school' },
      404,
      'key',
      '规划中没有编号为“48”的储备项目',
    ],
    ['an unknown kind', { kind: 'chapter', key: '1', field: 'name', text: 'x' }, 400, 'kind', 'kind'],
  ])('refuses %s, naming the field in both languages', async (_l, body, status, field, zh) => {
    const refused = await admin().put(`/api/plans/${PLAN}/translations`).send(body).expect(status);
    expect(refused.body.message).toContain(zh);
    expect(refused.body.messageEn).toBeTruthy();
    expect(refused.body.details).toEqual([expect.objectContaining({ field })]);
  });

  it('lets only the bureau edit', async () => {
    await as(h.tokens.viewer).get(`/api/plans/${PLAN}/translations`).expect(200);
    for (const token of [h.tokens.viewer, h.tokens.supervisor])
      await as(token)
        .put(`/api/plans/${PLAN}/translations`)
        .send({ kind: 'indicator', key: '1', field: 'name', text: 'Population' })
        .expect(403);
  });

  it('refuses a plan file missing English, naming the text, and imports nothing', async () => {
    const plan = JSON.parse(readFileSync(HEYUAN_PLAN_FILE, 'utf8'));
    delete plan.tasks[9].titleEn;
    delete plan.basicServiceItems[0].nameEn;
    const refused = await admin()
      .post('/api/plans/import')
      .attach('file', Buffer.from(JSON.stringify(plan)), 'heyuan.json')
      .expect(400);
    expect(refused.body.message).toContain('主要任务10“提升优孕优生水平”缺少英文任务名称');
    expect(refused.body.messageEn).toContain('basic service item 1 "农村免费孕前优生健康检查" has no English name');
    expect(refused.body.details.map((d: { where: string }) => d.where)).toEqual([
      'tasks[no=10].titleEn',
      'basicServiceItems[no=1].nameEn',
    ]);
    const still = await admin().get(`/api/plans/${PLAN}/translations?kind=indicator&pageSize=1&page=9`).expect(200);
    expect(still.body.items[0]).toMatchObject({ key: '3', en: 'Urbanization rate of residents' });
  });
});
