/**
 * An Idempotency-Key is bound to its caller and to the request it was first
 * sent with: the same request again gets its first answer and changes nothing
 * more; the key on another item, endpoint or body is refused with 422 naming
 * the difference, and another caller's same key is that caller's own. Through
 * HTTP against the real API, Temporal (time-skipping), PostgreSQL and SMTP.
 */
import { departmentWorkflowId } from '@libs/cycle/cycle-definition';
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, OWN, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;

describe('Idempotency-Key', () => {
  let h: ApiHarness;
  let stopWorker: () => Promise<void>;
  let cycleId: string;

  const keyed = (token: string, key: string) => ({
    put: (path: string, body: object) =>
      h.http().put(path).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(body),
    post: (path: string, body: object) =>
      h.http().post(path).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(body),
  });
  const item = (key: string) => `/api/cycles/${enc(cycleId)}/items/${key}`;
  const history = async (key: string) =>
    (
      await h
        .http()
        .get(`${item(key)}/history`)
        .set('Authorization', `Bearer ${h.tokens.admin}`)
        .expect(200)
    ).body;
  const expectReused = (
    res: { body: { code: string; message: string; messageEn: string; details: Array<{ field?: string }> } },
    differs: RegExp,
    first: string,
  ) => {
    expect(res.body.code).toBe('idempotency_key_reused');
    expect(res.body.details[0].field).toBe('Idempotency-Key');
    expect(res.body.message).toContain(first);
    expect(res.body.messageEn).toMatch(differs);
  };

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

  it('answers the same request again with its first answer, one change and one audit entry', async () => {
    const save = () =>
      keyed(h.tokens.submitter, 'draft-key-0001').put(`${item('indicator-1')}/draft`, {
        submission: { kind: 'indicator', value: 280 },
      });
    const first = await save().expect(200);
    const again = await save().expect(200);
    expect(again.body).toEqual(first.body);
    const story = await history('indicator-1');
    expect(story.events.map((e: { type: string }) => e.type)).toEqual(['save_draft']);
    expect(story.audit.map((a: { action: string }) => a.action)).toEqual(['save_draft']);
  });

  it('refuses the key on another item, another endpoint or with another body, and changes nothing', async () => {
    const submitter = keyed(h.tokens.submitter, 'draft-key-0001');
    const first = `PUT /api/cycles/${enc(cycleId)}/items/indicator-1/draft`;
    expectReused(
      await submitter
        .put(`${item('indicator-4')}/draft`, { submission: { kind: 'indicator', value: 280 } })
        .expect(422),
      /the path differs/,
      first,
    );
    expectReused(
      await submitter
        .post(`${item('indicator-1')}/submit`, {
          submission: { kind: 'indicator', value: 280, dataSource: '统计公报' },
        })
        .expect(422),
      /the method and path differ/,
      first,
    );
    const body = await submitter
      .put(`${item('indicator-1')}/draft`, { submission: { kind: 'indicator', value: 281 } })
      .expect(422);
    expectReused(body, /the body differs/, first);
    expect(body.body.message).toContain('请求内容不同');

    expect((await history('indicator-4')).events).toEqual([]);
    const one = await history('indicator-1');
    expect(one.events.map((e: { type: string }) => e.type)).toEqual(['save_draft']);
    expect(one.events[0].detail).toMatchObject({ submission: { value: 280 } });
  });

  it('keeps each caller’s keys their own: another caller’s same key is another request', async () => {
    const bureau = await keyed(h.tokens.admin, 'draft-key-0001')
      .put(`${item('indicator-4')}/draft`, { submission: { kind: 'indicator', value: 12.8 } })
      .expect(200);
    expect(bureau.body).toMatchObject({ status: 'draft' });
    const story = await history('indicator-4');
    expect(story.events.map((e: { type: string }) => e.type)).toEqual(['save_draft']);
    expect(story.audit.map((a: { action: string; actor: string }) => `${a.action}:${a.actor}`)).toEqual([
      `save_draft:bureau@heyuan.example`,
    ]);
  });

  it('answers a department’s first submission without reading its items’ specifications first: retried, one change', async () => {
    const submit = () =>
      keyed(h.tokens.submitter, 'submit-key-0001').post(`${item('indicator-1')}/submit`, {
        submission: { kind: 'indicator', value: 284, dataSource: '统计公报', reasons: '人口流出', measures: '稳就业' },
      });
    const first = await submit().expect(200);
    expect((await submit().expect(200)).body).toEqual(first.body);
    // The API sent the item's specification with the Update: no activity ran before the answer.
    const { events } = await h.env.client.workflow.getHandle(departmentWorkflowId(cycleId, OWN)).fetchHistory();
    const activities = (events ?? []).map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name);
    expect(activities).not.toContain('loadDepartmentItems');
    const story = await history('indicator-1');
    expect(story.events.map((e: { type: string }) => e.type)).toEqual(['save_draft', 'submit']);
    expect(story.audit.map((a: { action: string }) => a.action)).toEqual(['save_draft', 'submit']);
  });

  it('refuses a key used for a reminder on a deadline extension', async () => {
    const bureau = keyed(h.tokens.admin, 'bureau-key-0001');
    await bureau.post(`/api/cycles/${enc(cycleId)}/remind`, { department: OWN }).expect(200);
    await bureau.post(`/api/cycles/${enc(cycleId)}/remind`, { department: OWN }).expect(200);
    const extend = await bureau
      .post(`/api/cycles/${enc(cycleId)}/extend`, { deadline: new Date(Date.now() + DAYS(40)).toISOString() })
      .expect(422);
    expectReused(extend, /the path differs/, `/remind`);
    const audit = await h
      .http()
      .get(`/api/audit?entityType=cycle&entityId=${enc(cycleId)}`)
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action).filter((a: string) => a !== 'launch')).toEqual([
      'remind',
    ]);
  });

  it('refuses a key that is not well-formed, naming the header', async () => {
    const bad = await keyed(h.tokens.submitter, 'short')
      .put(`${item('indicator-1')}/draft`, { submission: { kind: 'indicator', value: 1 } })
      .expect(400);
    expect(bad.body).toMatchObject({
      code: 'invalid_request',
      details: [expect.objectContaining({ field: 'Idempotency-Key' })],
    });
  });
});
