/**
 * The worker's dependencies, created once inside a NestJS application context
 * so activities are injectable services; closed when the context closes. The
 * worker never speaks SMTP: its activities write notices into the outbox, and
 * the mail relay (apps/mail-relay) sends them.
 */
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CycleActivitiesService } from '@activities/cycle/cycle.activities';
import { linkSigning } from '@libs/access/tokens';
import { loadConfig } from '@libs/config/config';
import { createDataSource } from '@libs/persistence/data-source';

@Module({
  providers: [
    { provide: DataSource, useFactory: () => createDataSource().initialize() },
    {
      provide: CycleActivitiesService,
      inject: [DataSource],
      useFactory: (ds: DataSource) =>
        new CycleActivitiesService(ds, {
          publicUrl: loadConfig('http').PUBLIC_URL,
          bureauEmail: loadConfig('mail').BUREAU_EMAIL,
          bureauName: loadConfig('bureau').BUREAU_NAME,
          reportsDir: loadConfig('storage').REPORTS_DIR,
          issuer: { zh: loadConfig('report').REPORT_ISSUER, en: loadConfig('report').REPORT_ISSUER_EN },
          links: linkSigning(loadConfig('auth')),
        }),
    },
  ],
})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    await this.ds.destroy();
  }
}
