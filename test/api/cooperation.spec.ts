/**
 * A co-operating department (配合单位) through HTTP, against the real
 * time-skipping Temporal server, PostgreSQL and SMTP server: its submitter
 * signs in, finds the items it is asked to contribute to (`role=cooperate`),
 * reads one, contributes with its session (no email link), and sees it marked
 * as contributed; the items it leads stay in the lead list, and a department
 * that does not co-operate on an item never sees it there.
 *
 * In the Heyuan plan, indicator 29 is led by 市民政局 with 市卫生健康局 co-operating,
 * and indicator 30 by 市住房城乡建设局 with 市自然资源局 and 市民政局 co-operating.
 */
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, OTHER, OWN, PASSWORD, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
const HEALTH = 'city-health';
const CIVIL = 'city-civil-affairs';
const LAND = 'city-natural-resources';

interface Row {
  itemKey: string;
  department: string;
  coDepartments: string[];
  status: string;
  leadDepartment?: { code: string; zh: string; en: string };
  contributed?: boolean;
  contributedAt?: string | null;
}

describe('a co-operating department’s inbox', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (token: string) => ({
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => h.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const signUp = async (department: string): Promise<string> => {
    const email = `submitter@${department}.heyuan.example`;
    await as(h.tokens.admin)
      .post('/api/users', { email, name: `${department} 填报人`, role: 'submitter', department, password: PASSWORD })
      .expect(201);
    return (await h.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200)).body.token;
  };

  it('lists the items a department co-operates on, with whether it contributed; contributing through a session marks it', async () => {
    const { itemKinds, ...definition } = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 30,
      hardCloseInDays: 60,
    });
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const launched = await as(h.tokens.admin)
        .post('/api/cycles', { ...definition, itemKinds })
        .expect(201);
      const cycle = `/api/cycles/${enc(launched.body.cycleId)}`;
      await h.env.sleep(DAYS(1));
      const health = await signUp(HEALTH);
      const civil = await signUp(CIVIL);
      const land = await signUp(LAND);
      const list = async (token: string, query: string) =>
        (await as(token).get(`${cycle}/items?${query}`).expect(200)).body as { total: number; items: Row[] };

      // 市卫生健康局 was asked by mail; signed in, its inbox shows the item too, not yet contributed.
      expect(h.mailsTo(`submitter@${HEALTH}.heyuan.example`, '配合填报')).toHaveLength(1);
      const before = await list(health, 'role=cooperate');
      expect(before).toMatchObject({ total: 1, page: 1, pageSize: 50 });
      expect(before.items).toEqual([
        expect.objectContaining({
          itemKey: 'indicator-29',
          department: CIVIL,
          coDepartments: [HEALTH],
          status: 'assigned',
          leadDepartment: { code: CIVIL, zh: '市民政局', en: 'Municipal Civil Affairs Bureau' },
          contributed: false,
          contributedAt: null,
        }),
      ]);
      // Its lead list (the default, unchanged) holds only the items it leads.
      const lead = await list(health, 'pageSize=200');
      expect(lead.total).toBeGreaterThan(0);
      expect(lead.items.every((i) => i.department === HEALTH && !('contributed' in i))).toBe(true);
      expect(lead.items.map((i) => i.itemKey)).not.toContain('indicator-29');
      expect((await list(health, 'role=lead&pageSize=200')).items).toEqual(lead.items);

      // The signed-in submitter reads the item, its guide and history, and contributes without a link.
      await as(health).get(`${cycle}/items/indicator-29`).expect(200);
      await as(health).get(`${cycle}/items/indicator-29/guide`).expect(200);
      await as(health).get(`${cycle}/items/indicator-29/history`).expect(200);
      await as(health)
        .post(`${cycle}/items/indicator-29/contributions`, { text: '全市医养结合机构护理型床位已核实' })
        .expect(200);
      const after = await list(health, 'role=cooperate');
      expect(after.items).toEqual([
        expect.objectContaining({ itemKey: 'indicator-29', contributed: true, contributedAt: expect.any(String) }),
      ]);
      // Filters apply as in the lead list.
      expect((await list(health, 'role=cooperate&kind=task')).total).toBe(0);
      expect((await list(health, 'role=cooperate&status=assigned')).total).toBe(1);

      // 市民政局 leads indicator 29 and co-operates on indicator 30: each in its own list. Whether it
      // contributed is its own: 市自然资源局 contributing to indicator 30 does not mark it for 市民政局.
      expect((await list(civil, 'pageSize=200')).items.map((i) => i.itemKey)).toContain('indicator-29');
      await as(land).post(`${cycle}/items/indicator-30/contributions`, { text: '配套用地已落实' }).expect(200);
      expect((await list(civil, 'role=cooperate')).items).toEqual([
        expect.objectContaining({ itemKey: 'indicator-30', department: 'city-housing', contributed: false }),
      ]);
      expect((await list(land, 'role=cooperate')).items).toEqual([
        expect.objectContaining({ itemKey: 'indicator-30', contributed: true }),
      ]);

      // Departments not asked see none of it, and may not look at another department's list.
      expect((await list(h.tokens.submitter, 'role=cooperate')).total).toBe(0);
      expect((await list(h.tokens.otherSubmitter, 'role=cooperate')).total).toBe(0);
      expect((await list(h.tokens.otherSupervisor, 'role=cooperate')).total).toBe(0);
      await as(h.tokens.otherSubmitter).get(`${cycle}/items/indicator-29`).expect(403);
      await as(h.tokens.otherSubmitter).post(`${cycle}/items/indicator-29/contributions`, { text: '无' }).expect(403);
      const foreign = await as(h.tokens.submitter)
        .get(`${cycle}/items?role=cooperate&department=${HEALTH}`)
        .expect(403);
      expect(foreign.body.code).toBe('forbidden');

      // The bureau and viewers name the department; without one the request says what is missing.
      for (const token of [h.tokens.admin, h.tokens.viewer]) {
        expect((await list(token, `role=cooperate&department=${HEALTH}`)).items).toEqual([
          expect.objectContaining({ itemKey: 'indicator-29', contributed: true }),
        ]);
        expect((await list(token, `role=cooperate&department=${OWN}`)).total).toBe(0);
      }
      const unnamed = await as(h.tokens.admin).get(`${cycle}/items?role=cooperate`).expect(400);
      expect(unnamed.body.details).toEqual([expect.objectContaining({ field: 'department' })]);
      expect(unnamed.body.message).toContain('请指定部门');
      const wrongRole = await as(health).get(`${cycle}/items?role=helper`).expect(400);
      expect(wrongRole.body.details).toEqual([
        expect.objectContaining({ field: 'role', zh: 'role 应为以下之一：lead, cooperate' }),
      ]);
      expect(
        (await list(h.tokens.admin, `department=${OTHER}&pageSize=200`)).items.every((i) => i.department === OTHER),
      ).toBe(true);
    });
  });

  it('describes the option in OpenAPI', async () => {
    const doc = (await h.http().get('/api/docs-json').expect(200)).body;
    const parameters = doc.paths['/api/cycles/{cycleId}/items'].get.parameters as Array<{
      name: string;
      in: string;
      schema: { enum?: string[]; default?: string };
    }>;
    expect(parameters.find((p) => p.name === 'role')).toMatchObject({
      in: 'query',
      schema: { enum: ['lead', 'cooperate'], default: 'lead' },
    });
  });
});
