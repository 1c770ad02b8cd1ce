/**
 * The API process: validated configuration, NestJS under /api logging JSON
 * lines (its own, and the access log: one line a request), graceful shutdown on SIGTERM.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@libs/config/config';
import { createJsonLogger, NestJsonLogger, type Level } from '@libs/observability/logger';
import { configureApi } from './configure-api';
import { ApiModule } from './api.module';

async function main(): Promise<void> {
  (['database', 'temporal', 'http', 'auth', 'storage', 'observability'] as const).forEach((area) => loadConfig(area));
  const log = createJsonLogger(loadConfig('observability').LOG_LEVEL.toLowerCase() as Level);
  const app = configureApi(await NestFactory.create(ApiModule, { logger: new NestJsonLogger(log) }));
  app.enableShutdownHooks();
  const { HOST, PORT } = loadConfig('http');
  await app.listen(PORT, HOST);
  log.info('api listening', { host: HOST, port: PORT, pid: process.pid });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else
    console.error(
      JSON.stringify({
        time: new Date().toISOString(),
        level: 'error',
        msg: 'api failed',
        error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error),
      }),
    );
  process.exit(1);
});
