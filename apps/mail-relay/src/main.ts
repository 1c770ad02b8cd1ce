/**
 * The mail relay process: sends what the workflows' activities put in the
 * outbox (libs/mail/outbox-relay.ts). It runs apart from the worker so a
 * worker killed mid-way never leaves a notice half-sent; one or more may run
 * against the same database. On SIGTERM or SIGINT it claims nothing more,
 * finishes the messages in hand, and exits 0.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@libs/config/config';
import { Mailer } from '@libs/mail/mailer';
import { OutboxRelay } from '@libs/mail/outbox-relay';
import { createJsonLogger, type Level } from '@libs/observability/logger';
import { createDataSource } from '@libs/persistence/data-source';

async function main(): Promise<void> {
  // Every area is checked before anything connects, so a bad setting is named at once.
  (['database', 'mail', 'observability'] as const).forEach((area) => loadConfig(area));
  const mail = loadConfig('mail');
  const log = createJsonLogger(loadConfig('observability').LOG_LEVEL.toLowerCase() as Level);
  const ds = await createDataSource().initialize();
  const mailer = new Mailer(mail.SMTP_URL, mail.MAIL_FROM);
  const relay = new OutboxRelay(ds, mailer, log);
  relay.start();
  log.info('mail relay started', { smtp: new URL(mail.SMTP_URL).host, pid: process.pid });

  const shutdown = async (signal: string) => {
    log.info('mail relay stopping', { signal });
    await relay.stop();
    mailer.close();
    await ds.destroy();
    log.info('mail relay stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'mail relay failed', error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }));
  process.exit(1);
});
