/**
 * Reserve projects (附件4) through HTTP against the real services: a launch
 * with projects assigns each reserve project to its lead unit as `reserve-N`
 * (apart from planned project N); the unit fills in the reserve form (its
 * stage and an account) and is refused, in both languages and by field, when
 * it sends a planned project's fields or leaves out what its stage needs.
 */
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, OTHER, type AccountName, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;

describe('reserve projects through the API', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (who: AccountName) => {
    const auth = <T extends { set(k: string, v: string): T }>(r: T) =>
      r.set('Authorization', `Bearer ${h.tokens[who]}`);
    return {
      get: (path: string) => auth(h.http().get(path)),
      post: (path: string, body: object) => auth(h.http().post(path)).send(body),
    };
  };

  it('assigns reserve-N to its unit, takes the reserve form, refuses a planned project’s fields', async () => {
    const definition = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 30,
      hardCloseInDays: 60,
      itemKinds: ['project'],
    });
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const cycleId: string = (await as('admin').post('/api/cycles', definition).expect(201)).body.cycleId;
      const items = `/api/cycles/${enc(cycleId)}/items`;
      await h.env.sleep(DAYS(1));

      // 47 reserve projects beside the 41 planned ones; reserve-1 is 市教育局's, as the plan names it.
      const reserve = (await as('admin').get(`${items}?kind=reserve`).expect(200)).body;
      expect(reserve.total).toBe(47);
      expect((await as('admin').get(`${items}?kind=project`).expect(200)).body.total).toBe(41);
      const first = await as('otherSubmitter').get(`${items}/reserve-1`).expect(200);
      expect(first.body).toMatchObject({
        itemKey: 'reserve-1',
        kind: 'reserve',
        no: 1,
        title: '广东技术师范大学河源校区二期用地建设项目',
        department: OTHER,
        status: 'assigned',
      });
      expect((await as('otherSubmitter').get(`${items}/reserve-1/guide`).expect(200)).body.kind).toBe('reserve');

      // A planned project's money on a reserve project: refused by name, in both languages, before anything is kept.
      const money = await as('otherSubmitter')
        .post(`${items}/reserve-1/submit`, {
          submission: { kind: 'reserve', stage: 'moved_into_plan', narrative: '已调入', investmentCumulative: 3000 },
        })
        .expect(400);
      expect(money.body.details).toEqual([expect.objectContaining({ field: 'submission.investmentCumulative' })]);
      expect(money.body.message).toContain('不接受字段 submission.investmentCumulative');
      expect(money.body.messageEn).toContain(
        'field submission.investmentCumulative is not accepted (a reserve submission has no such field)',
      );
      // A planned project's form altogether: the item says which kind it takes.
      const planned = await as('otherSubmitter')
        .post(`${items}/reserve-1/submit`, {
          submission: {
            kind: 'project',
            investmentInPeriod: 1000,
            investmentCumulative: 3000,
            constructionStatus: 'preparing',
            landSecured: true,
          },
        })
        .expect(400);
      expect(planned.body.messageEn).toMatch(/^the submission does not fit the kind of item “.+”$/);
      // Moved into the plan without saying how: 422 at the narrative.
      const silent = await as('otherSubmitter')
        .post(`${items}/reserve-1/submit`, { submission: { kind: 'reserve', stage: 'moved_into_plan' } })
        .expect(422);
      expect(silent.body.details).toEqual([expect.objectContaining({ field: 'narrative' })]);
      expect(silent.body.message).toContain('请说明进展情况');
      expect(silent.body.messageEn).toContain('needs a short account of it');
      expect((await as('otherSubmitter').get(`${items}/reserve-1`).expect(200)).body).toMatchObject({
        status: 'assigned',
        version: 0,
      });

      // The reserve form, submitted and approved by the unit's supervisor.
      const submission = {
        kind: 'reserve',
        stage: 'moved_into_plan',
        narrative: '2022年调入市重点项目计划，已完成立项',
      };
      await as('otherSubmitter').post(`${items}/reserve-1/submit`, { submission }).expect(200);
      await as('otherSupervisor').post(`${items}/reserve-1/review`, { decision: 'approve' }).expect(200);
      const done = (await as('otherSubmitter').get(`${items}/reserve-1`).expect(200)).body;
      expect(done).toMatchObject({ status: 'approved', version: 1 });
      expect(done.versions[0].payload).toEqual(submission);
      // Not another unit's to fill in.
      await as('submitter')
        .post(`${items}/reserve-2/submit`, { submission: { kind: 'reserve', stage: 'not_started' } })
        .expect(403);
    });
  });
});
