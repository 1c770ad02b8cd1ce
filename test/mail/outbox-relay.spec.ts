/**
 * The mail relay against real PostgreSQL and a real SMTP server: each notice
 * in the outbox sent once with its row's Message-ID, even with two relays
 * claiming side by side; a temporary failure recorded and tried again later;
 * a refused address recorded as undeliverable and never retried; a dead
 * relay's lease taken over once it lapses, a live one left alone.
 */
import { NoticeDeliveries } from '../../activities/cycle/notice-deliveries';
import { freePort, waitFor } from '../../tools/stack/ports';
import { LocalSmtpServer } from '@libs/mail/local-smtp-server';
import { Mailer, type QueuedMessage } from '@libs/mail/mailer';
import { OutboxRelay, retryDelayMs } from '@libs/mail/outbox-relay';
import { createJsonLogger } from '@libs/observability/logger';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';

const quiet = createJsonLogger('error');

describe('retryDelayMs', () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [4, 40_000],
    [8, 600_000],
    [30, 600_000],
  ])('after attempt %i waits %i ms', (attempts, ms) => expect(retryDelayMs(attempts)).toBe(ms));
});

describe('the mail relay (real PostgreSQL, real SMTP server)', () => {
  let db: TestDatabase;
  let smtp: LocalSmtpServer;
  let mailer: Mailer;
  let seq = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = new LocalSmtpServer(await freePort());
    await smtp.start();
    mailer = new Mailer(smtp.url, '河源市统计局 <bureau@heyuan.example>');
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await db?.drop();
  });

  /** Writes a pending notice as an activity would; its ID. */
  const enqueue = async (to: string, subject = `通知 ${++seq}`): Promise<string> => {
    const message: QueuedMessage = {
      to: { name: '市教育局填报人', address: to },
      subject,
      text: `正文 ${subject}`,
      html: `<p>正文 ${subject}</p>`,
    };
    const [row] = await db.dataSource.query(
      `INSERT INTO notice (cycle_id, department, recipient, event, seq, audience, subject, message) VALUES ('relay-test', 'city-education', $1, 'assignment', $2, 'submitter', $3, $4) RETURNING id`,
      [to, ++seq, subject, message],
    );
    return row.id;
  };
  const row = async (id: string) =>
    (
      await db.dataSource.query(
        `SELECT status, attempts, error, message_id, claimed_until, next_attempt_at > now() AS later FROM notice WHERE id = $1`,
        [id],
      )
    )[0];
  const arrivals = (id: string) => smtp.received.filter((m) => m.parsed.messageId === `<${id}@plan-eval>`).length;

  it('sends a notice once, with its row’s Message-ID, and records it as sent', async () => {
    const id = await enqueue('submitter@city-education.heyuan.example');
    const relay = new OutboxRelay(db.dataSource, mailer, quiet);
    expect(await relay.deliverDue()).toBe(1);
    expect(await relay.deliverDue()).toBe(0);
    expect(arrivals(id)).toBe(1);
    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      error: null,
      message_id: `<${id}@plan-eval>`,
      claimed_until: null,
    });
  });

  it('with two relays claiming side by side, sends each of 120 notices exactly once', async () => {
    const ids = await Promise.all(
      Array.from({ length: 120 }, (_, i) => enqueue(`submitter${i}@city-education.heyuan.example`)),
    );
    const relays = [
      new OutboxRelay(db.dataSource, mailer, quiet, { idlePollMs: 10 }),
      new OutboxRelay(db.dataSource, mailer, quiet, { idlePollMs: 10 }),
    ];
    relays.forEach((r) => r.start());
    await waitFor(
      'every notice sent',
      async () =>
        (
          await db.dataSource.query(`SELECT count(*)::int AS n FROM notice WHERE id = ANY($1) AND status = 'sent'`, [
            ids,
          ])
        )[0].n === ids.length,
      60_000,
    );
    await Promise.all(relays.map((r) => r.stop()));
    expect(ids.map(arrivals)).toEqual(ids.map(() => 1));
  });

  it('records a temporary failure, tries again later, and sends once the server is back', async () => {
    const id = await enqueue('submitter@city-health.heyuan.example');
    const relay = new OutboxRelay(db.dataSource, mailer, quiet);
    await smtp.stop();
    try {
      expect(await relay.deliverDue()).toBe(1);
    } finally {
      await smtp.start();
    }
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, claimed_until: null, later: true });
    expect(failed.error).toEqual(expect.any(String));
    expect(await relay.deliverDue()).toBe(0); // not due yet
    // An activity retried by Temporal asks for it now.
    await db.dataSource.query(`UPDATE notice SET next_attempt_at = now() WHERE id = $1`, [id]);
    expect(await relay.deliverDue()).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(arrivals(id)).toBe(1);
  });

  it('records a refused address as undeliverable and never tries it again', async () => {
    smtp.refuse('left@city-health.heyuan.example');
    const id = await enqueue('left@city-health.heyuan.example');
    const relay = new OutboxRelay(db.dataSource, mailer, quiet);
    expect(await relay.deliverDue()).toBe(1);
    const refused = await row(id);
    expect(refused).toMatchObject({ status: 'undeliverable', attempts: 1, claimed_until: null });
    expect(refused.error).toMatch(/550|mailbox unavailable/);
    await db.dataSource.query(`UPDATE notice SET next_attempt_at = now() WHERE id = $1`, [id]);
    expect(await relay.deliverDue()).toBe(0);
    expect(arrivals(id)).toBe(0);
  });

  it('takes over a notice whose relay died once its lease lapses, and leaves a live lease alone', async () => {
    const held = await enqueue('submitter@city-civil-affairs.heyuan.example');
    const lapsed = await enqueue('submitter@city-civil-affairs.heyuan.example');
    await db.dataSource.query(
      `UPDATE notice SET attempts = 1, claimed_until = now() + interval '1 minute' WHERE id = $1`,
      [held],
    );
    await db.dataSource.query(
      `UPDATE notice SET attempts = 1, claimed_until = now() - interval '1 second' WHERE id = $1`,
      [lapsed],
    );
    const relay = new OutboxRelay(db.dataSource, mailer, quiet);
    expect(await relay.deliverDue()).toBe(1);
    expect(await row(lapsed)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await row(held)).toMatchObject({ status: 'pending', attempts: 1 });
    expect([arrivals(held), arrivals(lapsed)]).toEqual([0, 1]);
  });

  describe('an activity waiting for its notice (NoticeDeliveries)', () => {
    const deliveries = () => new NoticeDeliveries(db.dataSource, 300);

    it('learns that the relay sent it', async () => {
      const id = await enqueue('submitter@city-education.heyuan.example');
      const waiting = deliveries().wait(id, { attempts: 0, claimed: false });
      expect(await new OutboxRelay(db.dataSource, mailer, quiet).deliverDue()).toBeGreaterThanOrEqual(1);
      await expect(waiting).resolves.toBe('sent');
    });

    it('fails with the relay’s error once an attempt after it began has failed', async () => {
      const id = await enqueue('submitter@city-education.heyuan.example');
      const waiting = deliveries().wait(id, { attempts: 0, claimed: false });
      await db.dataSource.query(`UPDATE notice SET attempts = 1, error = '421 try again later' WHERE id = $1`, [id]);
      await expect(waiting).rejects.toThrow('421 try again later');
      await db.dataSource.query(`UPDATE notice SET status = 'undeliverable' WHERE id = $1`, [id]);
    });

    it('fails, naming the relay, when no relay takes the notice', async () => {
      const id = await enqueue('submitter@city-education.heyuan.example');
      await expect(deliveries().wait(id, { attempts: 0, claimed: false })).rejects.toThrow(/mail-relay/);
      await db.dataSource.query(`UPDATE notice SET status = 'undeliverable' WHERE id = $1`, [id]);
    });
  });
});
