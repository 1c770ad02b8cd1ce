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
import { Gauge } from 'prom-client';
import { ConfigError, loadConfig } from '@libs/config/config';
import { Mailer } from '@libs/mail/mailer';
import { OutboxRelay } from '@libs/mail/outbox-relay';
import { smtpTlsOptions } from '@libs/mail/smtp-tls';
import { createJsonLogger, type Level } from '@libs/observability/logger';
import { createAppMetrics, serveMetrics, type AppMetrics } from '@libs/observability/metrics';
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
  let metricsServer: Server | null = null;
  if (observability.MAIL_RELAY_METRICS_ADDRESS) {
    outboxBacklog(metrics, new OutboxRepository(ds));
    metricsServer = await serveMetrics(
      observability.MAIL_RELAY_METRICS_ADDRESS,
      () => metrics.registry.metrics(),
      metrics.registry.contentType,
      () => ({ postgres: () => database.ping() }),
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

/**
 * The outbox as a scrape finds it: what waits to be sent, and for how long the
 * oldest has. prom-client collects every gauge of a scrape at once, so both
 * share the one query in flight.
 */
function outboxBacklog(metrics: AppMetrics, outbox: OutboxRepository): void {
  let inFlight: Promise<{ pending: number; oldest: number | null }> | null = null;
  const read = () => (inFlight ??= outbox.backlog().finally(() => (inFlight = null)));
  const registers = [metrics.registry];
  new Gauge({
    name: 'plan_eval_outbox_pending',
    help: 'Notices waiting in the outbox',
    registers,
    async collect() {
      this.set((await read()).pending);
    },
  });
  new Gauge({
    name: 'plan_eval_outbox_oldest_pending_seconds',
    help: 'Age of the oldest notice waiting in the outbox',
    registers,
    async collect() {
      this.set((await read()).oldest ?? 0);
    },
  });
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
