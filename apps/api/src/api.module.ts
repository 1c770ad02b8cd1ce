import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { loadConfig } from '@libs/config/config';
import { createDataSource } from '@libs/persistence/data-source';
import { CycleClient } from '@libs/temporal/cycle-client';
import { CatalogController } from './catalog.controller';
import { CyclesController } from './cycles.controller';
import { HealthController } from './health.controller';
import { CYCLE_CLIENT, TEMPORAL_CLIENT } from './tokens';

/** The HTTP API; its infrastructure (database, Temporal) is created here and closed with the app. */
@Module({
  controllers: [HealthController, CatalogController, CyclesController],
  providers: [
    { provide: DataSource, useFactory: () => createDataSource().initialize() },
    {
      provide: TEMPORAL_CLIENT,
      useFactory: async () => {
        const t = loadConfig('temporal');
        return new Client({ connection: await Connection.connect({ address: t.TEMPORAL_ADDRESS }), namespace: t.TEMPORAL_NAMESPACE });
      },
    },
    {
      provide: CYCLE_CLIENT,
      inject: [TEMPORAL_CLIENT, DataSource],
      useFactory: (client: Client, ds: DataSource) => new CycleClient(client, loadConfig('temporal').TEMPORAL_TASK_QUEUE, ds),
    },
  ],
})
export class ApiModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.connection.close();
    await this.ds.destroy();
  }
}
