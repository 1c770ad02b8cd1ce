/**
 * The mail relay process: sends what the workflows' activities put in the
 * outbox (libs/mail/outbox-relay.ts). It runs apart from the worker so a
 * worker killed mid-way never leaves a notice half-sent; one or more may run
 * against the same database. On its metrics address it serves /metrics,
 * /health and /ready (PostgreSQL). On SIGTERM or SIGINT it claims nothing more,
 * finishes the messages in hand, and exits 0.
 */
import 'reflect-metadata';
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from '@libs/config/config';
import { Mailer } from '@libs/mail/mailer';
import { OutboxRelay } from '@libs/mail/outbox-relay';
import { smtpTlsOptions } from '@libs/mail/smtp-tls';
import { createJsonLogger, type Level } from '@libs/observability/logger';
import { createAppMetrics, registerOutboxBacklog, registerReadiness, serveMetrics } from '@libs/observability/metrics';
import { createDataSource } from '@libs/persistence/data-source';
import { DatabaseProbe } from '@libs/persistence/repositories/database-probe';
import { OutboxRepository } from '@libs/persistence/repositories/outbox.repository';

async function main(): Promise<void> {
  // Every area is checked before anything connects, so a bad setting is named at once.
  (['database', 'mail', 'observability'] as const).forEach((area) => loadConfig(area));
  const mail = loadConfig('mail');
  const observability = loadConfig('observability');
  const log = createJsonLogger(observability.LOG_LEVEL.toLowerCase() as Level);
  const ds = await createDataSource().initialize();
  const mailer = new Mailer(mail.SMTP_URL, mail.MAIL_FROM, smtpTlsOptions(mail));
  const metrics = createAppMetrics('mail-relay');
  const relay = new OutboxRelay(ds, mailer, log, {
    onOutcome: (event, outcome) => metrics.mailDeliveries.inc({ event, outcome }),
  });
  const database = new DatabaseProbe(ds);
  const probes = () => ({ postgres: () => database.ping() });
  registerReadiness(metrics.registry, probes);
  let metricsServer: Server | null = null;
  if (observability.MAIL_RELAY_METRICS_ADDRESS) {
    const outbox = new OutboxRepository(ds);
    registerOutboxBacklog(metrics.registry, () => outbox.backlog());
    metricsServer = await serveMetrics(
      observability.MAIL_RELAY_METRICS_ADDRESS,
      () => metrics.registry.metrics(),
      metrics.registry.contentType,
      probes,
    );
  }
  relay.start();
  log.info('mail relay started', {
    smtp: new URL(mail.SMTP_URL).host,
    pid: process.pid,
    metrics: observability.MAIL_RELAY_METRICS_ADDRESS ?? null,
  });

  const shutdown = async (signal: string) => {
    log.info('mail relay stopping', { signal });
    await relay.stop();
    await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
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
  else
    console.error(
      JSON.stringify({
        time: new Date().toISOString(),
        level: 'error',
        msg: 'mail relay failed',
        error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error),
      }),
    );
  process.exit(1);
});
