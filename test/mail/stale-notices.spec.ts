/**
 * Notices as they stand when they leave, through the real workflows, outbox,
 * relay and SMTP server: a 待审核 digest is checked against its items when it
 * is composed and again when the relay sends it (an item approved meanwhile
 * is left out; a digest left with nothing is not sent, and the notices'
 * record says why), and a department's assignment is always its first mail.
 */
import { createCycleHarness, submitter, supervisor, type CycleHarness } from '../support/cycle-harness';

const STATS = 'city-statistics'; // 市统计局: indicators 1 and 4
const MINUTES = (n: number) => n * 60_000;
const HOURS = (n: number) => n * 3_600_000;
const mail = (role: 'submitter' | 'supervisor', dept: string) => `${role}@${dept}.heyuan.example`;

describe('notices as they stand when they leave', () => {
  let h: CycleHarness;
  beforeAll(async () => (h = await createCycleHarness()));
  afterAll(() => h?.close());

  // Request IDs are unique across cycles, as the API's are: a repeated one is the same request.
  const submit = (cycleId: string, requestId: string, itemKey: string, value: number) =>
    h.cycles.command(cycleId, STATS, `${cycleId}/${requestId}`, submitter(STATS), {
      type: 'submit',
      itemKey,
      submission: {
        kind: 'indicator',
        value,
        dataSource: '统计年鉴',
        reasons: '统计口径调整',
        measures: '按新口径核实',
      },
    });
  const approve = (cycleId: string, requestId: string, itemKeys: string[]) =>
    h.cycles.bulkApprove(cycleId, STATS, `${cycleId}/${requestId}`, supervisor(STATS), itemKeys);
  const notices = (cycleId: string, event: string): Promise<Array<Record<string, unknown>>> =>
    h.db.dataSource.query(
      `SELECT status, item_keys AS "itemKeys", dropped_items AS "droppedItems", drop_reason AS "dropReason", subject
         FROM notice WHERE cycle_id = $1 AND event = $2 ORDER BY created_at`,
      [cycleId, event],
    );
  const reviewMails = () => h.mailsTo(mail('supervisor', STATS), '待审核');
  /**
   * Returns once the relay has made an attempt at the digest that began after
   * this call (its claim counts the attempt): one begun before the approval may
   * still be in flight, and would go out as it was claimed if the server came back under it.
   */
  const attemptSince = async (cycleId: string) => {
    const attempts = async () =>
      (
        await h.db.dataSource.query(
          `SELECT attempts, claimed_until IS NOT NULL AS claimed FROM notice WHERE cycle_id = $1 AND event = 'submitted_for_review'`,
          [cycleId],
        )
      )[0] as { attempts: number; claimed: boolean };
    const from = (await attempts()).attempts;
    for (let i = 0; i < 300; i++) {
      const now = await attempts();
      if (now.attempts > from && !now.claimed) return;
      await h.env.sleep(MINUTES(1));
    }
    throw new Error('the relay made no attempt at the digest');
  };

  it('leaves out of a 待审核 digest what was approved before it was composed, and sends none when all was', async () => {
    const definition = await h.definition({ fromYear: 2021, toYear: 2021, deadlineInDays: 30, hardCloseInDays: 40 });
    const start = await h.env.currentTimeMs();
    const sleepUntil = async (ms: number) => h.env.sleep(Math.max(0, start + ms - (await h.env.currentTimeMs())));
    const worker = await h.newWorker();
    let cycleId = '';
    await worker.runUntil(async () => {
      ({ cycleId } = await h.cycles.launch(definition));
      await sleepUntil(HOURS(1));

      // Two submissions open the digest window (5 minutes); one is approved inside it.
      await submit(cycleId, 's-1', 'indicator-1', 284.7);
      await submit(cycleId, 's-4', 'indicator-4', 12.8);
      await approve(cycleId, 'a-1', ['indicator-1']);
      await sleepUntil(HOURS(2));
      expect(reviewMails()).toHaveLength(1);
      const [digest] = reviewMails();
      expect(digest.subject).toBe('【2021年年度监测分析】待审核：市统计局（1项）');
      expect(digest.text).toContain('（待审核）');
      expect(digest.text).not.toContain('已审核');
      // Resubmitted, then approved before the next digest leaves: nothing is left to review, so nothing is sent.
      await h.cycles.command(cycleId, STATS, `${cycleId}/r-4`, supervisor(STATS), {
        type: 'review',
        itemKey: 'indicator-4',
        decision: 'reject',
        reason: '请核实口径',
      });
      await submit(cycleId, 's-4b', 'indicator-4', 12.9);
      await approve(cycleId, 'a-4', ['indicator-4']);
      await sleepUntil(HOURS(3));
      await h.cycles.cancel(cycleId, '测试结束');
      await sleepUntil(HOURS(4));
    });
    expect(reviewMails()).toHaveLength(1);
    expect(await notices(cycleId, 'submitted_for_review')).toEqual([
      expect.objectContaining({ status: 'sent', itemKeys: ['indicator-4'], droppedItems: ['indicator-1'] }),
      expect.objectContaining({
        status: 'dropped',
        dropReason: 'moved_on',
        itemKeys: [],
        droppedItems: ['indicator-4'],
        subject: '【2021年年度监测分析】待审核：市统计局（1项）',
      }),
    ]);
  });

  it('checks a digest again when the relay sends it: what was approved while the mail server was away is left out', async () => {
    const definition = await h.definition({ fromYear: 2022, toYear: 2022, deadlineInDays: 30, hardCloseInDays: 40 });
    const start = await h.env.currentTimeMs();
    const sleepUntil = async (ms: number) => h.env.sleep(Math.max(0, start + ms - (await h.env.currentTimeMs())));
    const before = reviewMails().length;
    const worker = await h.newWorker();
    let cycleId = '';
    await worker.runUntil(async () => {
      ({ cycleId } = await h.cycles.launch(definition));
      await sleepUntil(HOURS(1));
      await h.smtp.stop();
      await submit(cycleId, 's-1', 'indicator-1', 284.7);
      await submit(cycleId, 's-4', 'indicator-4', 12.8);
      // The digest of both is composed and waits in the outbox while the server is away.
      await sleepUntil(HOURS(1) + MINUTES(30));
      expect(await notices(cycleId, 'submitted_for_review')).toEqual([
        expect.objectContaining({ status: 'pending', itemKeys: ['indicator-1', 'indicator-4'] }),
      ]);
      await approve(cycleId, 'a-1', ['indicator-1']);
      await attemptSince(cycleId);
      await h.smtp.start();
      await sleepUntil(HOURS(3));
      await h.cycles.cancel(cycleId, '测试结束');
      await sleepUntil(HOURS(4));
    });
    const mails = reviewMails().slice(before);
    expect(mails.map((m) => m.subject)).toEqual(['【2022年年度监测分析】待审核：市统计局（1项）']);
    expect(await notices(cycleId, 'submitted_for_review')).toEqual([
      expect.objectContaining({ status: 'sent', itemKeys: ['indicator-4'], droppedItems: ['indicator-1'] }),
    ]);
  });

  it('sends a department its assignment before any reminder, even when the reminder was queued first', async () => {
    const definition = await h.definition({ fromYear: 2023, toYear: 2023, deadlineInDays: 30, hardCloseInDays: 40 });
    const start = await h.env.currentTimeMs();
    const sleepUntil = async (ms: number) => h.env.sleep(Math.max(0, start + ms - (await h.env.currentTimeMs())));
    const to = mail('submitter', STATS);
    const before = h.smtp.received.filter((m) => m.envelopeTo.includes(to)).length;
    const worker = await h.newWorker();
    let cycleId = '';
    await h.smtp.stop();
    await worker.runUntil(async () => {
      ({ cycleId } = await h.cycles.launch(definition));
      await sleepUntil(HOURS(1));
      // The assignment is still waiting for the mail server when the bureau reminds the department.
      expect(await notices(cycleId, 'assignment')).toContainEqual(expect.objectContaining({ status: 'pending' }));
      await h.cycles.remindNow(cycleId, STATS);
      await sleepUntil(HOURS(2));
      expect(await notices(cycleId, 'reminder')).toEqual([
        expect.objectContaining({ status: 'pending', itemKeys: ['indicator-1', 'indicator-4'] }),
      ]);
      await h.smtp.start();
      await sleepUntil(HOURS(6));
      await h.cycles.cancel(cycleId, '测试结束');
      await sleepUntil(HOURS(7));
    });
    const subjects = h.smtp.received
      .filter((m) => m.envelopeTo.includes(to))
      .slice(before)
      .map((m) => (m.parsed.subject ?? '').replace(/^【2023年年度监测分析】/, ''));
    expect(subjects.slice(0, 2)).toEqual(['填报任务：市统计局（2项）', '填报提醒：市统计局（2项）']);
  });
});
