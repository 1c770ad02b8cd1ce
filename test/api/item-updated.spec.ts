/**
 * An item's `updatedAt` is when it last changed, through HTTP against the real
 * time-skipping Temporal server and PostgreSQL: the inbox's 更新时间 moves on a
 * draft, a submission and a review, each to the moment of the change.
 */
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;

describe('an item’s updatedAt', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (token: string) => ({
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => h.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) => h.http().put(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  it('moves with every change of the item, in the inbox and on the item', async () => {
    const { itemKinds, ...definition } = await h.definition({ deadlineInDays: 30, hardCloseInDays: 60 });
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const launched = await as(h.tokens.admin)
        .post('/api/cycles', { ...definition, itemKinds })
        .expect(201);
      const cycle = `/api/cycles/${enc(launched.body.cycleId)}`;
      const item = `${cycle}/items/indicator-1`;
      await h.env.sleep(DAYS(1));
      const inboxUpdatedAt = async (token: string) => {
        const { items } = (await as(token).get(`${cycle}/items`).expect(200)).body as {
          items: Array<{ itemKey: string; updatedAt: string }>;
        };
        const row = items.find((i) => i.itemKey === 'indicator-1')!;
        const detail = (await as(token).get(item).expect(200)).body as { updatedAt: string };
        expect(detail.updatedAt).toBe(row.updatedAt);
        return Date.parse(row.updatedAt);
      };
      const seen = [await inboxUpdatedAt(h.tokens.submitter)];
      const submission = { kind: 'indicator', value: 284.2, dataSource: '人口抽样调查' };

      await h.env.sleep(DAYS(1));
      await as(h.tokens.submitter).put(`${item}/draft`, { submission }).expect(200);
      seen.push(await inboxUpdatedAt(h.tokens.submitter));
      await h.env.sleep(DAYS(1));
      await as(h.tokens.submitter).post(`${item}/submit`, { submission }).expect(200);
      seen.push(await inboxUpdatedAt(h.tokens.submitter));
      await h.env.sleep(DAYS(1));
      await as(h.tokens.supervisor).post(`${item}/review`, { decision: 'approve' }).expect(200);
      seen.push(await inboxUpdatedAt(h.tokens.supervisor));

      // Each change a day after the one before, by the cycle's clock: strictly later every time.
      for (let i = 1; i < seen.length; i++) expect(seen[i] - seen[i - 1]).toBeGreaterThanOrEqual(DAYS(1) - 60_000);
    });
  }, 300_000);
});
