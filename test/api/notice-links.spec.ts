/**
 * Nobody acts in a department's name but the people its mail reaches: the
 * notice record the bureau and viewers read carries recipients, events,
 * items, statuses and times, never a message or a link; the outbox drops a
 * message once it is sent; and the bureau's resend reaches whoever holds the
 * role now, with fresh links of their own. Through HTTP against the real
 * Temporal test server, PostgreSQL, SMTP server and mail relay.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DAYS } from '../support/cycle-harness';
import { ACCOUNTS, createApiHarness, OWN, type AccountName, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
const LINK = /https?:\/\/[^/\s]+\/l\/([\w.-]+)/g;
const linksIn = (text: string) => [...text.matchAll(LINK)].map((m) => m[1]);

describe('notices and their links', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (who: AccountName | string) => {
    const token = who in h.tokens ? h.tokens[who as AccountName] : who;
    const auth = <T extends { set(k: string, v: string): T }>(r: T) => r.set('Authorization', `Bearer ${token}`);
    return {
      get: (path: string) => auth(h.http().get(path)),
      post: (path: string, body?: object) => auth(h.http().post(path)).send(body),
      put: (path: string, body: object) => auth(h.http().put(path)).send(body),
    };
  };

  /** The relay sends in real time, beside the skipped workflow time. */
  async function mailArrives(address: string, subject: string, count = 1) {
    for (let i = 0; i < 200 && h.mailsTo(address, subject).length < count; i++) await sleep(50);
    return h.mailsTo(address, subject);
  }

  it('the notice record holds no link; a resend reaches the current contact with fresh links, once', async () => {
    const definition = await h.definition({ fromYear: 2022, toYear: 2022, deadlineInDays: 30, hardCloseInDays: 60 });
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const launched = await as('admin').post('/api/cycles', definition).expect(201);
      const cycleId: string = launched.body.cycleId;
      const cycle = `/api/cycles/${enc(cycleId)}`;
      await h.env.sleep(DAYS(1));
      const [digest] = await mailArrives(ACCOUNTS.submitter.email, '填报任务');
      const mailed = linksIn(digest.text);
      expect(mailed).toHaveLength(2);

      // A submission puts a review link into the supervisor's notice too.
      const opened = await h.http().post('/api/auth/link').send({ token: mailed[0] }).expect(200);
      const itemKey: string = opened.body.item.itemKey;
      await as(opened.body.token)
        .post(`${cycle}/items/${itemKey}/submit`, {
          submission: { kind: 'indicator', value: 284.7, dataSource: '人口抽样调查' },
        })
        .expect(200);
      await h.env.sleep(DAYS(1));
      const [forReview] = await mailArrives(ACCOUNTS.supervisor.email, '待审核');
      const reviewLinks = linksIn(forReview.text);
      expect(reviewLinks).toHaveLength(1);

      // What the viewer (and the bureau) read of the notices: who, what, when — no message, no token.
      for (const reader of ['viewer', 'admin'] as const) {
        const record = await as(reader).get(`${cycle}/notices?department=${OWN}`).expect(200);
        const body = JSON.stringify(record.body);
        for (const token of [...mailed, ...reviewLinks]) expect(body).not.toContain(token);
        expect(body).not.toContain('/l/');
        expect(record.body.items.map((n: { event: string }) => n.event)).toEqual(
          expect.arrayContaining(['assignment', 'submitted_for_review']),
        );
        for (const n of record.body.items) {
          expect(Object.keys(n)).not.toContain('message');
          expect(n).toMatchObject({
            recipient: expect.any(String),
            itemKeys: expect.any(Array),
            status: 'sent',
            sentAt: expect.any(String),
          });
        }
      }
      // Nor does the outbox keep a sent message.
      const kept = await h.db.dataSource.query(
        `SELECT count(*)::int AS n FROM notice WHERE cycle_id = $1 AND message IS NOT NULL`,
        [cycleId],
      );
      expect(kept[0].n).toBe(0);

      // The submitter left; the bureau names the new one and resends the assignment.
      const successor = { name: '新填报人', email: `successor@${OWN}.heyuan.example` };
      await as('admin').put(`/api/departments/${OWN}/contacts/submitter`, successor).expect(200);
      const notices = (await as('admin').get(`${cycle}/notices?department=${OWN}`).expect(200)).body.items as Array<{
        id: string;
        event: string;
      }>;
      const assignment = notices.find((n) => n.event === 'assignment')!;
      await as('viewer').post(`${cycle}/notices/${assignment.id}/resend`).expect(403);
      const resend = () =>
        as('admin').post(`${cycle}/notices/${assignment.id}/resend`).set('Idempotency-Key', 'resend-assignment-1');
      const resent = await resend().expect(202);
      // Only the item still to be filled in is sent again.
      const waiting = mailed.length === 2 ? [itemKey === 'indicator-1' ? 'indicator-4' : 'indicator-1'] : [];
      expect(resent.body).toMatchObject({
        resendOf: assignment.id,
        recipient: successor.email,
        itemKeys: waiting,
        status: 'pending',
      });
      // A retried request is the same resend: one mail.
      expect((await resend().expect(202)).body.noticeId).toBe(resent.body.noticeId);
      const [fresh] = await mailArrives(successor.email, '填报任务');
      await sleep(300);
      expect(h.mailsTo(successor.email, '填报任务')).toHaveLength(1);
      const freshLinks = linksIn(fresh.text);
      expect(freshLinks).toHaveLength(1);
      expect(mailed).not.toContain(freshLinks[0]);
      const successorSession = await h.http().post('/api/auth/link').send({ token: freshLinks[0] }).expect(200);
      expect(successorSession.body.user).toMatchObject({
        email: successor.email,
        scope: { purpose: 'submit', itemKey: waiting[0] },
      });
      expect(
        JSON.stringify((await as('admin').get(`${cycle}/notices?department=${OWN}`).expect(200)).body),
      ).not.toContain(freshLinks[0]);

      // The submission was approved: its review notice has nothing left to resend; an unknown notice is 404.
      await as('supervisor').post(`${cycle}/items/${itemKey}/review`, { decision: 'approve' }).expect(200);
      const review = notices.find((n) => n.event === 'submitted_for_review')!;
      const nothing = await as('admin').post(`${cycle}/notices/${review.id}/resend`).expect(409);
      expect(nothing.body.message).toContain('无需重新发送');
      await as('admin').post(`${cycle}/notices/00000000-0000-0000-0000-000000000000/resend`).expect(404);
      const audited = await as('admin').get(`/api/audit?entityType=notice&entityId=${assignment.id}`).expect(200);
      expect(JSON.stringify(audited.body)).toContain(assignment.id);
    });
  });
});
