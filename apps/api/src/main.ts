/** The API process: validated configuration, NestJS under /api, graceful shutdown on SIGTERM. */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@libs/config/config';
import { configureApi } from './configure-api';
import { ApiModule } from './api.module';

async function main(): Promise<void> {
  (['database', 'temporal', 'http', 'auth', 'storage'] as const).forEach((area) => loadConfig(area));
  const app = configureApi(await NestFactory.create(ApiModule));
  app.enableShutdownHooks();
  const { HOST, PORT } = loadConfig('http');
  await app.listen(PORT, HOST);
  console.log(JSON.stringify({ level: 'info', msg: 'api listening', host: HOST, port: PORT }));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
