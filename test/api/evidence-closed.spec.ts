/**
 * Evidence is attached only while the item is with its submitter in a running
 * cycle, through HTTP against the real time-skipping Temporal server and
 * PostgreSQL: once the item is submitted, approved, or the cycle has closed,
 * an upload answers 409 like every other change to it, and nothing is kept.
 * A supervisor never attaches evidence (403): reviewing is not submitting.
 */
import { EvidenceFile } from '@libs/persistence/entities';
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, type AccountName, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
const PDF = Buffer.from('%PDF-1.4\n% 河源市统计公报\n');
/** 常住人口 and 城镇化率 of 市统计局 (the harness's own department). */
const SUBMITTED = 'indicator-1';
const UNTOUCHED = 'indicator-4';

describe('evidence after submission, approval or close', () => {
  let h: ApiHarness;
  let stopWorker: () => Promise<void>;
  let cycleId: string;

  beforeAll(async () => {
    h = await createApiHarness();
    stopWorker = await h.startWorker();
    const { itemKinds, ...definition } = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 30,
      hardCloseInDays: 60,
    });
    cycleId = (
      await h
        .http()
        .post('/api/cycles')
        .set('Authorization', `Bearer ${h.tokens.admin}`)
        .send({ ...definition, itemKinds })
        .expect(201)
    ).body.cycleId;
    await h.env.sleep(DAYS(1));
  });
  afterAll(async () => {
    await stopWorker?.();
    await h?.close();
  });

  const as = (who: AccountName) => ({
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${h.tokens[who]}`),
    post: (path: string, body: object) =>
      h.http().post(path).set('Authorization', `Bearer ${h.tokens[who]}`).send(body),
    upload: (key: string) =>
      h
        .http()
        .post(`${item(key)}/evidence`)
        .set('Authorization', `Bearer ${h.tokens[who]}`)
        .attach('file', PDF, '公报.pdf'),
  });
  const item = (key: string) => `/api/cycles/${enc(cycleId)}/items/${key}`;
  const kept = (key: string) => h.db.dataSource.getRepository(EvidenceFile).countBy({ cycleId, itemKey: key });

  it('takes evidence for an item to do, refuses it once submitted and once approved, for the submitter and the bureau alike', async () => {
    await as('submitter').upload(SUBMITTED).expect(201);
    await as('submitter')
      .post(`${item(SUBMITTED)}/submit`, {
        submission: { kind: 'indicator', value: 284.7, dataSource: '人口抽样调查' },
      })
      .expect(200);

    const waiting = await as('submitter').upload(SUBMITTED).expect(409);
    expect(waiting.body).toMatchObject({
      code: 'command_refused',
      message: expect.stringContaining('正在等待审核'),
      messageEn: expect.stringContaining('waiting for review'),
    });
    // The supervisor reviews; attaching is the submitter's (item:submit), whatever the state.
    await as('supervisor').upload(SUBMITTED).expect(403);

    await as('supervisor')
      .post(`${item(SUBMITTED)}/review`, { decision: 'approve' })
      .expect(200);
    for (const who of ['submitter', 'admin'] as const) {
      const approved = await as(who).upload(SUBMITTED).set('Accept-Language', 'en').expect(409);
      expect(approved.body).toMatchObject({
        code: 'command_refused',
        message: expect.stringContaining('approved'),
        messageEn: expect.stringContaining('unless the bureau reopens it'),
      });
    }
    expect(await kept(SUBMITTED)).toBe(1);
  });

  it('refuses evidence for every item once the cycle has closed, even one never started', async () => {
    await h.env.sleep(DAYS(60));
    // The hard close has passed: the cycle's workflow ends once its report is written.
    await h.env.client.workflow.getHandle(cycleId).result();
    expect(
      (
        await as('admin')
          .get(`/api/cycles/${enc(cycleId)}`)
          .expect(200)
      ).body.cycle.status,
    ).toBe('closed');

    const closed = await as('submitter').upload(UNTOUCHED).expect(409);
    expect(closed.body).toMatchObject({
      code: 'command_refused',
      message: expect.stringContaining('本轮评估已结束'),
      messageEn: expect.stringContaining('this cycle is closed'),
    });
    await as('admin').upload(UNTOUCHED).expect(409);
    expect(await kept(UNTOUCHED)).toBe(0);
  }, 300_000);
});
