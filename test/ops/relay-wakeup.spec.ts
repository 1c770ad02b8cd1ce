/**
 * The mail relay wakes when a notice is written, not by polling: PostgreSQL
 * announces each write into the outbox (the notice table's trigger) and the
 * relay LISTENs on a connection of its own. Its backstop poll is set to two
 * minutes here, so only the announcement can bring a notice out within
 * seconds; and after its PostgreSQL server crashes and restarts, the relay
 * listens again by itself. The server is the test's own, restarted freely.
 */
import { LocalSmtpServer } from '@libs/mail/local-smtp-server';
import { Mailer, type QueuedMessage } from '@libs/mail/mailer';
import { OutboxRelay } from '@libs/mail/outbox-relay';
import { createJsonLogger } from '@libs/observability/logger';
import { freePort, waitFor } from '../../tools/stack/ports';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';
import { PrivatePostgres } from '../faults/private-postgres';

jest.setTimeout(120_000);

/** Well under the backstop: a notice out this soon was announced. */
const ANNOUNCED_WITHIN_MS = 5_000;

describe('the mail relay, woken by PostgreSQL', () => {
  let pg: PrivatePostgres;
  let db: TestDatabase;
  let smtp: LocalSmtpServer;
  let mailer: Mailer;
  let relay: OutboxRelay;
  const logged: Array<{ msg: string }> = [];
  let seq = 0;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    db = await createTestDatabase({ serverUrl: pg.url });
    smtp = new LocalSmtpServer(await freePort());
    await smtp.start();
    mailer = new Mailer(smtp.url, '河源市统计局 <bureau@heyuan.example>');
    const log = createJsonLogger('info', (line) => logged.push(JSON.parse(line) as { msg: string }));
    relay = new OutboxRelay(db.dataSource, mailer, log, { idlePollMs: 120_000 });
    relay.start();
    await waitFor('the relay to listen', () => listening() === 1, 10_000);
  });
  afterAll(async () => {
    await relay?.stop();
    mailer?.close();
    await smtp?.stop();
    await db?.drop();
    pg?.destroy();
  });

  const listening = () => logged.filter((l) => l.msg === 'mail relay listening for notices').length;

  /** Writes a pending notice as an activity would (retrying while PostgreSQL comes back); its ID. */
  const enqueue = (): Promise<string> => {
    const subject = `通知 ${++seq}`;
    const address = 'submitter@city-education.heyuan.example';
    const message: QueuedMessage = {
      to: { name: '市教育局填报人', address },
      subject,
      text: `正文 ${subject}`,
      html: `<p>正文 ${subject}</p>`,
    };
    return waitFor(
      'the notice written',
      async () =>
        (
          await db.dataSource.query(
            `INSERT INTO notice (cycle_id, department, recipient, event, seq, audience, subject, message)
             VALUES ('wakeup-test', 'city-education', $1, 'assignment', $2, 'submitter', $3, $4) RETURNING id`,
            [address, seq, subject, message],
          )
        )[0].id as string,
      30_000,
      200,
    );
  };
  const sentWithin = async (id: string, ms: number) => {
    const started = Date.now();
    await waitFor('the notice sent', () => smtp.received.some((m) => m.parsed.messageId === `<${id}@plan-eval>`), ms);
    return Date.now() - started;
  };

  it('sends a notice as soon as it is written, the backstop poll two minutes away', async () => {
    // Idle first: the pass that followed the relay's start has found nothing.
    await new Promise((r) => setTimeout(r, 500));
    expect(await sentWithin(await enqueue(), ANNOUNCED_WITHIN_MS)).toBeLessThan(ANNOUNCED_WITHIN_MS);
  });

  it('after PostgreSQL crashes and restarts, listens again and is woken as before', async () => {
    pg.stop('immediate');
    await new Promise((r) => setTimeout(r, 1000));
    pg.start();
    await waitFor('the relay to listen again', () => listening() === 2, 30_000, 100);
    expect(logged.map((l) => l.msg)).toContain('mail relay stopped hearing of notices; listening again');
    await new Promise((r) => setTimeout(r, 500));
    expect(await sentWithin(await enqueue(), ANNOUNCED_WITHIN_MS)).toBeLessThan(ANNOUNCED_WITHIN_MS);
  });
});
