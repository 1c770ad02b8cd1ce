/**
 * The worker's dependencies, created once inside a NestJS application context
 * so activities are injectable services; closed when the context closes.
 */
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CycleActivitiesService } from '@activities/cycle/cycle.activities';
import { linkSigning } from '@libs/access/tokens';
import { loadConfig } from '@libs/config/config';
import { Mailer } from '@libs/mail/mailer';
import { createDataSource } from '@libs/persistence/data-source';

@Module({
  providers: [
    { provide: DataSource, useFactory: () => createDataSource().initialize() },
    {
      provide: Mailer,
      useFactory: () => {
        const mail = loadConfig('mail');
        return new Mailer(mail.SMTP_URL, mail.MAIL_FROM);
      },
    },
    {
      provide: CycleActivitiesService,
      inject: [DataSource, Mailer],
      useFactory: (ds: DataSource, mailer: Mailer) =>
        new CycleActivitiesService(ds, mailer, {
          publicUrl: loadConfig('http').PUBLIC_URL,
          bureauEmail: loadConfig('mail').BUREAU_EMAIL,
          reportsDir: loadConfig('storage').REPORTS_DIR,
          links: linkSigning(loadConfig('auth')),
        }),
    },
  ],
})
export class WorkerModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(Mailer) private readonly mailer: Mailer,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.mailer.close();
    await this.ds.destroy();
  }
}
