/**
 * The worker process: validates its configuration, installs the Temporal
 * runtime (JSON logs, the SDK's Prometheus metrics), serves /metrics, /health
 * and /ready (PostgreSQL, Temporal, the worker polling) on its metrics address, builds
 * its activities in a NestJS context and runs the cycle workflows. On SIGTERM
 * or SIGINT the runtime shuts the worker down gracefully: it stops polling,
 * lets in-flight activities finish (WORKER_SHUTDOWN_GRACE_TIME), then the
 * process closes its connections and exits 0.
 */
import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { CycleActivitiesService } from '@activities/cycle/cycle.activities';
import { TargetAdjustmentActivitiesService } from '@activities/adjustment/target-adjustment.activities';
import { ReviewActivitiesService } from '@activities/review/review.activities';
import { ConfigError, loadConfig } from '@libs/config/config';
import { temporalConnectionOptions, temporalDataConverter } from '@libs/temporal/connection';
import { durationMs } from '@libs/cycle/duration';
import { createJsonLogger, NestJsonLogger, temporalJsonLogger, type Level } from '@libs/observability/logger';
import {
  createAppMetrics,
  fetchMetricsText,
  registerReadiness,
  serveMetrics,
  type ReadinessProbe,
} from '@libs/observability/metrics';
import { DatabaseProbe } from '@libs/persistence/repositories/database-probe';
import { activityMetricsInterceptor } from './activity-metrics';
import { createCycleWorker } from './cycle-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // Every area is checked before anything connects, so a bad setting is named at once.
  (['database', 'temporal', 'mail', 'http', 'storage', 'report', 'observability', 'worker'] as const).forEach((area) =>
    loadConfig(area),
  );
  const temporal = loadConfig('temporal');
  const observability = loadConfig('observability');
  const settings = loadConfig('worker');
  const log = createJsonLogger(observability.LOG_LEVEL.toLowerCase() as Level);

  Runtime.install({
    logger: temporalJsonLogger(observability.LOG_LEVEL),
    telemetryOptions: {
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      ...(observability.TEMPORAL_METRICS_ADDRESS
        ? { metrics: { prometheus: { bindAddress: observability.TEMPORAL_METRICS_ADDRESS } } }
        : {}),
    },
  });
  const metrics = createAppMetrics('worker');
  // Ready once PostgreSQL and Temporal answer and the worker polls; each probe is set as its connection is made.
  const probes: Record<'postgres' | 'temporal' | 'worker', ReadinessProbe> = {
    postgres: undefined,
    temporal: undefined,
    worker: undefined,
  };
  registerReadiness(metrics.registry, () => probes);
  let metricsServer: Server | null = null;
  if (observability.WORKER_METRICS_ADDRESS) {
    const sdk = observability.TEMPORAL_METRICS_ADDRESS;
    metricsServer = await serveMetrics(
      observability.WORKER_METRICS_ADDRESS,
      async () => (await metrics.registry.metrics()) + (sdk ? await fetchMetricsText(sdk) : ''),
      metrics.registry.contentType,
      () => probes,
    );
  }

  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: new NestJsonLogger(log) });
  const database = new DatabaseProbe(app.get(DataSource));
  probes.postgres = () => database.ping();
  const connection = await NativeConnection.connect(temporalConnectionOptions(temporal));
  probes.temporal = () => connection.workflowService.getSystemInfo({});
  try {
    const worker = await createCycleWorker({
      connection,
      namespace: temporal.TEMPORAL_NAMESPACE,
      taskQueue: temporal.TEMPORAL_TASK_QUEUE,
      dataConverter: temporalDataConverter(temporal),
      activities: app.get(CycleActivitiesService),
      adjustments: new TargetAdjustmentActivitiesService(app.get(DataSource), app.get(CycleActivitiesService)),
      review: new ReviewActivitiesService(
        app.get(DataSource),
        { issuer: { zh: loadConfig('report').REPORT_ISSUER, en: loadConfig('report').REPORT_ISSUER_EN } },
        (notice) => app.get(CycleActivitiesService).sendNotice(notice),
      ),
      ...(settings.WORKFLOW_BUNDLE_PATH ? { workflowBundle: { codePath: settings.WORKFLOW_BUNDLE_PATH } } : {}),
      activityInterceptors: [activityMetricsInterceptor(metrics)],
      shutdownGraceTime: durationMs(settings.WORKER_SHUTDOWN_GRACE_TIME),
      shutdownForceTime: durationMs(settings.WORKER_SHUTDOWN_FORCE_TIME),
      maxCachedWorkflows: settings.WORKER_MAX_CACHED_WORKFLOWS,
    });
    probes.worker = async () => {
      if (worker.getState() !== 'RUNNING') throw new Error(worker.getState().toLowerCase());
    };
    log.info('worker started', {
      taskQueue: temporal.TEMPORAL_TASK_QUEUE,
      address: temporal.TEMPORAL_ADDRESS,
      pid: process.pid,
      metrics: observability.WORKER_METRICS_ADDRESS ?? null,
      // The bound in force, the SDK's own when WORKER_MAX_CACHED_WORKFLOWS is unset.
      maxCachedWorkflows: worker.options.maxCachedWorkflows,
    });
    await worker.run();
    log.info('worker stopped', { taskQueue: temporal.TEMPORAL_TASK_QUEUE });
  } finally {
    await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
    await connection.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else
    console.error(
      JSON.stringify({
        time: new Date().toISOString(),
        level: 'error',
        msg: 'worker failed',
        error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error),
      }),
    );
  process.exit(1);
});
