/**
 * The worker process: validates its configuration, builds its activities in a
 * NestJS context, runs the cycle workflows until SIGTERM/SIGINT (Temporal's
 * runtime turns either into a graceful shutdown), then closes everything.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NativeConnection } from '@temporalio/worker';
import { CycleActivitiesService } from '@activities/cycle/cycle.activities';
import { ConfigError, loadConfig } from '@libs/config/config';
import { createCycleWorker } from './cycle-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // Every area is checked before anything connects, so a bad setting is named at once.
  (['database', 'temporal', 'mail', 'http', 'storage'] as const).forEach((area) => loadConfig(area));
  const temporal = loadConfig('temporal');
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn', 'log'] });
  const connection = await NativeConnection.connect({ address: temporal.TEMPORAL_ADDRESS });
  try {
    const worker = await createCycleWorker({
      connection,
      namespace: temporal.TEMPORAL_NAMESPACE,
      taskQueue: temporal.TEMPORAL_TASK_QUEUE,
      activities: app.get(CycleActivitiesService),
    });
    console.log(JSON.stringify({ level: 'info', msg: 'worker started', taskQueue: temporal.TEMPORAL_TASK_QUEUE, address: temporal.TEMPORAL_ADDRESS }));
    await worker.run();
  } finally {
    await connection.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
