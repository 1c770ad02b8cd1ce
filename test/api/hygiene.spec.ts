/**
 * What an API answers besides its main path, through HTTP against the real
 * app: an upload's form refused by multer in zh-CN and English like every
 * other refusal, naming the field; a launch's groups resolved by department
 * codes as the directory lists them (the API description's example), and a
 * resolution it cannot read refused by name.
 */
import { createApiHarness, type ApiHarness } from '../support/api-harness';

describe('the API’s other answers', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const asAdmin = (r: ReturnType<ReturnType<ApiHarness['http']>['post']>) =>
    r.set('Authorization', `Bearer ${h.tokens.admin}`);
  const plan = Buffer.from('{}');

  describe('an upload form multer refuses', () => {
    const forms: Array<[string, () => ReturnType<ReturnType<ApiHarness['http']>['post']>, string, string]> = [
      [
        'the file in another field',
        () => asAdmin(h.http().post('/api/plans/import')).attach('document', plan, 'plan.json'),
        '请在表单字段“file”中上传文件',
        'send the file in the form field "file"',
      ],
      [
        'two files',
        () => asAdmin(h.http().post('/api/plans/import')).attach('file', plan, 'a.json').attach('file', plan, 'b.json'),
        '一次只能上传一个文件',
        'send one file at a time',
      ],
      [
        'a form cut short',
        () =>
          asAdmin(h.http().post('/api/plans/import'))
            .set('Content-Type', 'multipart/form-data; boundary=xyz')
            .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n\r\n{'),
        '上传内容不完整，或不是有效的 multipart/form-data 表单',
        'the upload is incomplete or not a valid multipart/form-data form',
      ],
    ];
    it.each(forms)('answers %s in zh-CN and English, naming the field', async (_label, send, zh, en) => {
      const refused = await send().expect(400);
      expect(refused.body).toEqual({
        code: 'invalid_upload',
        message: zh,
        messageEn: en,
        details: [{ zh, en, field: 'file' }],
      });
      expect((await send().set('Accept-Language', 'en').expect(400)).body.message).toBe(en);
    });
  });

  describe('a launch’s groups', () => {
    const launch = (groupResolution: unknown, fromYear: number) =>
      asAdmin(h.http().post('/api/cycles')).send({
        planCode: 'heyuan-public-services-2021-2025',
        kind: 'annual',
        fromYear,
        toYear: fromYear,
        deadline: '2026-03-31T00:00:00+08:00',
        hardClose: '2026-05-31T00:00:00+08:00',
        itemKinds: ['task'],
        groupResolution,
      });

    it('takes each group by code or name and each department by code or name, as the API description shows', async () => {
      // The example in the description, word for word.
      const document = (await h.http().get('/api/docs-json').expect(200)).body;
      const example = document.components.schemas.LaunchBody.properties.groupResolution.example;
      expect(example).toEqual({
        'relevant-city-departments': ['city-education', 'city-health'],
        相关行业主管部门: ['市民政局'],
      });
      const launched = await launch(example, 2022).expect(201);
      expect(launched.body.items).toBeGreaterThan(0);
    });

    it.each<[string, unknown, string]>([
      [
        'a group the plan does not have',
        { 'city-departments': ['city-education'], 相关行业主管部门: ['city-health'] },
        '“city-departments”不是本规划的部门组；可用：county-governments（县（区）人民政府（管委会））',
      ],
      [
        'a department rather than a list',
        { 'relevant-city-departments': 'city-education', 相关行业主管部门: ['city-health'] },
        '部门组“市有关部门”应对应部门代码或名称的列表',
      ],
      [
        'a department the directory does not have',
        { 'relevant-city-departments': ['city-weather'], 相关行业主管部门: ['city-health'] },
        '部门“city-weather”不在部门名录中',
      ],
    ])('refuses %s, naming it (422)', async (_label, groups, message) => {
      const refused = await launch(groups, 2023).expect(422);
      expect(refused.body.code).toBe('launch_refused');
      expect(refused.body.message).toContain(message);
    });
  });
});
