/**
 * The review survives its worker: the worker is shut down while the comment
 * requests go out and again with a comment waiting, and a new one takes
 * over each time (the real services, time skipped). Nothing is lost — the
 * comment sent while no worker ran is taken once — and nothing is mailed
 * twice: each department gets one request, each chase once, and the final
 * version once, the outbox and the SMTP server agreeing.
 */
import { DAYS } from '../support/cycle-harness';
import { eventually } from '../support/eventually';
import { ACCOUNTS, createApiHarness, OWN, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;

describe('the review across worker restarts', () => {
  let h: ApiHarness;
  let stop: () => Promise<void> = async () => undefined;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(async () => {
    await stop();
    await h?.close();
  });

  const admin = () => ({ Authorization: `Bearer ${h.tokens.admin}` });

  it('loses nothing and mails nothing twice', async () => {
    stop = await h.startWorker();
    const { cycleId } = await h.launch({ deadlineInDays: 30, hardCloseInDays: 60 });
    const review = `/api/cycles/${enc(cycleId)}/review`;
    await h.env.sleep(DAYS(61));
    await eventually(
      async () =>
        (
          await h
            .http()
            .get(`/api/cycles/${enc(cycleId)}`)
            .set(admin())
        ).body.cycle?.status === 'closed',
    );

    const now = await h.env.currentTimeMs();
    await h
      .http()
      .post(review)
      .set(admin())
      .send({ deadline: new Date(now + DAYS(10)).toISOString(), requireApproval: false })
      .expect(201);
    // The worker goes while the requests are being sent, and a new one finishes them.
    await eventually(async () => h.smtp.received.length > 0);
    await stop();
    stop = await h.startWorker();
    const opened = await eventually(
      () => h.http().get(review).set(admin()),
      (r) => r.status === 200,
      'the review',
    );
    const departments: string[] = opened.body.departments.map((d: { code: string }) => d.code);
    await eventually(async () => mailCount('评估报告征求意见') === departments.length);

    // A comment sent while no worker runs waits for the next one, and is taken once.
    await stop();
    const commenting = h
      .http()
      .post(`${review}/comments`)
      .set('Authorization', `Bearer ${h.tokens.submitter}`)
      .send({ itemKey: 'indicator-4', text: '指标4的口径说明需补充。' });
    await new Promise((r) => setTimeout(r, 1000));
    stop = await h.startWorker();
    expect((await commenting).status).toBe(200);

    // The chases before and after the deadline go to every department but the one that answered, once each.
    await h.env.sleep(DAYS(12));
    await h.http().post(`${review}/finalise`).set(admin()).expect(200);
    await eventually(async () => (await h.http().get(review).set(admin())).body.stage === 'completed');
    const state = (await h.http().get(review).set(admin()).expect(200)).body;
    expect(state.comments).toHaveLength(1);

    const others = departments.filter((d) => d !== OWN);
    for (const d of departments) {
      const to = `submitter@${d}.heyuan.example`;
      expect([d, h.mailsTo(to, '评估报告征求意见').length]).toEqual([d, 1]);
      expect([d, h.mailsTo(to, '评估报告定稿').length]).toEqual([d, 1]);
      expect([d, h.mailsTo(to, '征求意见提醒').length]).toEqual([d, d === OWN ? 0 : 2]);
    }
    expect(h.mailsTo(ACCOUNTS.submitter.email, '征求意见逾期')).toHaveLength(0);
    expect(others.length).toBeGreaterThan(0);
    // What the outbox sent is what the SMTP server received: nothing twice.
    const [{ n }] = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM notice WHERE status = 'sent'`);
    expect(h.smtp.received).toHaveLength(n);
  }, 360_000);

  function mailCount(subject: string): number {
    return h.smtp.received.filter((m) => (m.parsed.subject ?? '').includes(subject)).length;
  }
});
