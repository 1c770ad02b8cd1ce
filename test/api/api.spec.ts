/**
 * The HTTP API against real PostgreSQL and Temporal's test server: health and
 * readiness, the catalog, and launching a cycle with its refusals; with a
 * cycle running, what fuzzing found, and the security headers of the portal
 * and the email link pages.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response, Test } from 'supertest';
import { linkSigning } from '@libs/access/tokens';
import { loadConfig } from '@libs/config/config';
import { CYCLE_KINDS, CYCLE_STATUSES, LAUNCH_ITEM_KINDS, WORK_ITEM_KINDS } from '@libs/cycle/cycle-definition';
import { ITEM_STATUSES } from '@libs/cycle/department-state';
import { CONTACT_ROLES, DEPARTMENT_KINDS } from '@libs/persistence/entities';
import { LOCALES } from '@libs/plan/localized';
import { THRESHOLD_PRESET_NAMES } from '@libs/rules/thresholds';
import { PORTAL_DIR } from '../../apps/api/src/portal-static';
import { ACCOUNTS, createApiHarness, OWN, type ApiHarness } from '../support/api-harness';
import { DAYS } from '../support/cycle-harness';
import { HEYUAN_PLAN_FILE } from '../support/plans';

/** A Content-Security-Policy header as directive → sources. */
const directives = (res: Response): Record<string, string[]> =>
  Object.fromEntries(
    String(res.headers['content-security-policy'] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );

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
    const res = await asAdmin(h.http().get('/api/plans/heyuan-public-services-2021-2025/indicators'))
      .query({ department: '统计局' })
      .expect(200);
    expect(res.body.items.map((i: { no: number }) => i.no)).toEqual([1, 4]);
  });

  it('answers 404 with the plan named when it does not exist', async () => {
    const res = await asAdmin(h.http().get('/api/plans/nope/indicators')).expect(404);
    expect(res.body).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('数据库中没有编号为“nope”的规划'),
    });
  });

  const launch = (body: object) => asAdmin(h.http().post('/api/cycles')).send(body);
  const valid = {
    planCode: 'heyuan-public-services-2021-2025',
    kind: 'annual',
    fromYear: 2022,
    toYear: 2022,
    deadline: '2023-03-31T00:00:00+08:00',
    hardClose: '2023-05-31T00:00:00+08:00',
    itemKinds: ['indicator'],
  };

  it('launches a cycle once: a second launch is a 409 conflict', async () => {
    const first = await launch(valid).expect(201);
    expect(first.body).toEqual({
      cycleId: 'cycle/heyuan-public-services-2021-2025/annual/2022',
      departments: 11,
      items: 45,
    });
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
    [{ ...valid, itemKinds: ['reserve'] }, 'itemKinds 应为以下之一：indicator, task, project, service'],
    [{ ...valid, thresholdPreset: 'lenient' }, 'thresholdPreset 应为以下之一：time_elapsed, traffic_light'],
    [{ planCode: valid.planCode }, 'kind 应为以下之一'],
    [{ ...valid, fromYear: '2022' }, 'fromYear 应为整数'],
    [{ ...valid, colour: 'red' }, '不接受字段 colour'],
  ])('refuses a malformed launch with 400: %#', async (body, message) => {
    const res = await launch(body).expect(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.message).toContain(message);
  });

  it('documents each enumeration from its one declaration, and checks requests against the same', async () => {
    const doc = (await h.http().get('/api/docs-json').expect(200)).body;
    const enumOf = (path: string, name: string) =>
      doc.paths[path].get.parameters.find((p: { name: string }) => p.name === name).schema.enum;
    const launchBody = doc.components.schemas.LaunchBody.properties;
    expect(launchBody.kind.enum).toEqual(CYCLE_KINDS);
    expect(launchBody.itemKinds.items.enum).toEqual(LAUNCH_ITEM_KINDS);
    expect(launchBody.thresholdPreset.enum).toEqual(THRESHOLD_PRESET_NAMES);
    expect(enumOf('/api/cycles', 'kind')).toEqual(CYCLE_KINDS);
    expect(enumOf('/api/cycles', 'status')).toEqual(CYCLE_STATUSES);
    expect(enumOf('/api/cycles/{cycleId}/items', 'kind')).toEqual(WORK_ITEM_KINDS);
    expect(enumOf('/api/cycles/{cycleId}/items', 'status')).toEqual(ITEM_STATUSES);
    expect(doc.components.schemas.CycleView.properties.kind.enum).toEqual(CYCLE_KINDS);
    expect(enumOf('/api/departments', 'kind')).toEqual(DEPARTMENT_KINDS);
    expect(doc.components.schemas.DelegationBody.properties.role.enum).toEqual(CONTACT_ROLES);
    expect(doc.components.schemas.ContactBody.properties.locale.enum).toEqual(LOCALES);
    expect(enumOf('/api/cycles/{cycleId}/reports/{version}/{format}', 'lang')).toEqual(LOCALES);

    const list = await asAdmin(h.http().get('/api/cycles?kind=weekly')).set('Accept-Language', 'en').expect(400);
    expect(list.body.details).toEqual([
      {
        field: 'kind',
        zh: 'kind 应为以下之一：annual, midterm, final',
        en: 'kind must be one of the following values: annual, midterm, final',
      },
    ]);
  });

  // Found by fuzzing (test/fuzz): each was a 500.
  it('refuses out-of-range numbers and answers concurrent duplicates once', async () => {
    const page = await asAdmin(h.http().get('/api/cycles?page=1.0747854861245082e%2B73')).expect(400);
    expect(page.body.message).toContain('page 不能大于 100000');
    await asAdmin(
      h.http().get(`/api/cycles/${encodeURIComponent('cycle/x/annual/2021')}/reports/16113688634582582/docx`),
    ).expect(404);
    const body = { email: 'twin@x.example', name: '同名', role: 'admin', department: '' };
    const answers = await Promise.all([1, 2, 3].map(() => asAdmin(h.http().post('/api/users')).send(body)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    // null where an optional value goes is the same as leaving it out.
    await asAdmin(h.http().post('/api/users'))
      .send({ email: 'nulls@x.example', name: '空值', role: 'viewer', password: null, locale: null })
      .expect(201);
    await asAdmin(h.http().post('/api/cycles'))
      .send({ ...valid, fromYear: 2024, toYear: 2024, itemKinds: null, policy: null, groupResolution: null })
      .expect(422);
  });

  it('shows a cycle’s state from the database, and 404 for an unknown one', async () => {
    const missing = await asAdmin(h.http().get(`/api/cycles/${encodeURIComponent('cycle/none/annual/2021')}`)).expect(
      404,
    );
    expect(missing.body.message).toBe('没有找到这一评估轮次，请从评估轮次列表进入');
  });

  describe('with a cycle running', () => {
    let cycleId: string;
    let cycle: string;
    let stopWorker: () => Promise<void>;
    beforeAll(async () => {
      stopWorker = await h.startWorker();
      const { itemKinds, ...definition } = await h.definition({
        fromYear: 2025,
        toYear: 2025,
        deadlineInDays: 30,
        hardCloseInDays: 60,
      });
      cycleId = (await launch({ ...definition, itemKinds }).expect(201)).body.cycleId;
      cycle = `/api/cycles/${encodeURIComponent(cycleId)}`;
      await h.env.sleep(DAYS(1));
    });
    afterAll(() => stopWorker?.());

    // Found by fuzzing (test/fuzz): a NUL byte reached PostgreSQL, which can store none (22021): a 500. In a
    // submission it was worse: the department's workflow retried writing it for ever and the request never answered.
    it('refuses a NUL byte in a query, a path or a body (400), naming where, before anything reads it', async () => {
      const zh = (field: string) => `${field} 含有空字符（\\u0000），请删除后重试`;
      const en = (field: string) => `${field} contains a NUL character (\\u0000), which is not accepted`;
      const query = await asAdmin(h.http().get(`${cycle}/items?department=%00`)).expect(400);
      expect(query.body).toEqual({
        code: 'invalid_request',
        message: zh('department'),
        messageEn: en('department'),
        details: [{ field: 'department', zh: zh('department'), en: en('department') }],
      });
      const path = await asAdmin(h.http().get('/api/cycles/x%00y')).set('Accept-Language', 'en').expect(400);
      expect(path.body.message).toBe(en('id'));
      await asAdmin(h.http().get('/api/audit?actor=bureau%00')).expect(400);

      const draft = (submission: object) =>
        h
          .http()
          .put(`${cycle}/items/indicator-1/draft`)
          .set('Authorization', `Bearer ${h.tokens.submitter}`)
          .send({ submission });
      const body = await draft({
        kind: 'indicator',
        value: 3.6,
        dataSource: '河源市统计年鉴\u0000',
        evidence: ['ok', '\u0000'],
        ['note\u0000']: '',
      }).expect(400);
      expect(body.body.details.map((d: { field: string }) => d.field)).toEqual([
        'submission.dataSource',
        'submission.evidence.1',
        'submission.note\\u0000',
      ]);
      // The department's workflow never saw it: the same draft without the NUL is saved at once.
      await draft({ kind: 'indicator', value: 3.6, dataSource: '河源市统计年鉴' }).expect(200);

      // In an uploaded file it reaches PostgreSQL, which refuses it: the caller's to fix, a 400.
      const plan = readFileSync(HEYUAN_PLAN_FILE, 'utf8').replace('常住人口', '常住\\u0000人口');
      const upload = await asAdmin(h.http().post('/api/plans/import'))
        .attach('file', Buffer.from(plan), 'plan.json')
        .expect(400);
      expect(upload.body).toMatchObject({
        code: 'invalid_request',
        messageEn: 'a value in the request is out of range or malformed',
      });
    });

    it('serves the portal and the email link pages with a strict Content-Security-Policy, nosniff and no referrer', async () => {
      const index = readFileSync(join(PORTAL_DIR, 'index.html'), 'utf8'); // npm run build:web
      // Vite emits no inline script, so none needs allowing.
      expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const asset = /<script[^>]*src="(\/assets\/[^"]+\.js)"/.exec(index)![1];
      const link = linkSigning(loadConfig('auth')).signer.link(
        {
          purpose: 'submit',
          cycleId,
          department: OWN,
          itemKey: 'indicator-4',
          email: ACCOUNTS.submitter.email,
          name: '填报人',
        },
        Date.now() + DAYS(7),
      );
      const pages = {
        portal: await h.http().get('/').expect(200).expect('Content-Type', /html/),
        route: await h.http().get('/cycles').expect(200).expect('Content-Type', /html/),
        asset: await h
          .http()
          .get(asset)
          .expect(200)
          .expect('Content-Type', /javascript/),
        link: await h.http().get(`/l/${link}`).expect(200).expect('Content-Type', /html/),
        // Whatever a link holds, even a NUL, its answer is the page saying what to do.
        badLink: await h.http().get('/l/not-a-link%00').expect(400).expect('Content-Type', /html/),
      };
      for (const res of Object.values(pages)) {
        expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
        expect(directives(res)).toMatchObject({
          'default-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'frame-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
        });
      }
      expect(directives(pages.portal)['script-src']).toEqual(["'self'"]);
      // The link page's one inline script (on to the portal) is allowed by its hash, and no other.
      const [, forward] = /<script>(.*?)<\/script>/s.exec(pages.link.text)!;
      expect(directives(pages.link)['script-src']).toEqual([
        "'self'",
        `'sha256-${createHash('sha256').update(forward).digest('base64')}'`,
      ]);
      // The API's own answers are not sniffed either, and pass no referrer on.
      expect((await h.http().get('/api/health').expect(200)).headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
    });
  });
});
