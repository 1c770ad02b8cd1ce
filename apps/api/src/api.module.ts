import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { linkSigning, TokenSigner } from '@libs/access/tokens';
import { loadConfig } from '@libs/config/config';
import { durationMs } from '@libs/cycle/duration';
import type { NoticeOutboxConfig } from '@libs/mail/notice-outbox';
import { createDataSource } from '@libs/persistence/data-source';
import { CycleClient } from '@libs/temporal/cycle-client';
import { temporalConnectionOptions, temporalDataConverter } from '@libs/temporal/connection';
import { AuditController } from './audit/audit.controller';
import { AdjustmentsController } from './catalog/adjustments.controller';
import { AdjustmentsService } from './catalog/adjustments.service';
import { PayloadCodecController } from './payload-codec.controller';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { SessionCache } from './auth/session-cache';
import { LinkPageController } from './auth/link-page.controller';
import { OperatorCheckController } from './auth/operator-check.controller';
import { PasswordResetController } from './auth/password-reset.controller';
import { LinkService } from './auth/link.service';
import { DepartmentsController } from './catalog/departments.controller';
import { CalendarController } from './catalog/calendar.controller';
import { PlansController } from './catalog/plans.controller';
import { TranslationsController } from './catalog/translations.controller';
import { UsersController } from './catalog/users.controller';
import { AssessmentController } from './cycles/assessment.controller';
import { CyclesController } from './cycles/cycles.controller';
import { EvidenceController } from './cycles/evidence.controller';
import { ItemAccess } from './cycles/item-access.service';
import { ItemContextController } from './cycles/item-context.controller';
import { ItemContext } from './cycles/item-context.service';
import { ItemsController } from './cycles/items.controller';
import { CycleDashboard } from './cycles/dashboard.service';
import { CycleProblemsController } from './cycles/cycle-problems.controller';
import { PortalController } from './cycles/portal.controller';
import { REPOSITORY_PROVIDERS } from './repositories';
import { ReportsController } from './cycles/reports.controller';
import { ReportTextController } from './cycles/report-text.controller';
import { ReportTextService } from './cycles/report-text.service';
import { HealthController } from './health.controller';
import { MetricsModule, ScrapedGauges } from './metrics.controller';
import { CLOCK, CYCLE_CLIENT, NOTICE_OUTBOX, REVIEW_CLIENT, systemClock, TEMPORAL_CLIENT } from './tokens';
import { ReviewController } from './cycles/review/review.controller';
import { ReviewClient } from '@libs/temporal/review-client';

/** The HTTP API; its infrastructure (database, Temporal) is created here and closed with the app. */
@Module({
  imports: [MetricsModule],
  controllers: [
    HealthController,
    AuthController,
    OperatorCheckController,
    LinkPageController,
    PasswordResetController,
    PlansController,
    CalendarController,
    TranslationsController,
    DepartmentsController,
    UsersController,
    CyclesController,
    CycleProblemsController,
    ItemsController,
    ItemContextController,
    EvidenceController,
    ReportsController,
    AssessmentController,
    ReportTextController,
    ReviewController,
    PortalController,
    AuditController,
    PayloadCodecController,
    AdjustmentsController,
  ],
  providers: [
    { provide: DataSource, useFactory: () => createDataSource().initialize() },
    ...REPOSITORY_PROVIDERS,
    {
      provide: TEMPORAL_CLIENT,
      useFactory: async () => {
        const t = loadConfig('temporal');
        return new Client({
          connection: await Connection.connect(temporalConnectionOptions(t)),
          namespace: t.TEMPORAL_NAMESPACE,
          dataConverter: temporalDataConverter(t),
        });
      },
    },
    {
      provide: CYCLE_CLIENT,
      inject: [TEMPORAL_CLIENT, DataSource],
      useFactory: (client: Client, ds: DataSource) =>
        new CycleClient(client, loadConfig('temporal').TEMPORAL_TASK_QUEUE, ds),
    },
    {
      provide: REVIEW_CLIENT,
      inject: [TEMPORAL_CLIENT, CYCLE_CLIENT, DataSource],
      // On the cycles' task queue: the worker that runs the cycles runs their reviews.
      useFactory: (client: Client, cycles: CycleClient, ds: DataSource) =>
        new ReviewClient(client, cycles.taskQueue, ds),
    },
    {
      provide: TokenSigner,
      useFactory: () => {
        const auth = loadConfig('auth');
        return new TokenSigner(auth.AUTH_SECRET, durationMs(auth.SESSION_TTL));
      },
    },
    {
      provide: NOTICE_OUTBOX,
      useFactory: (): NoticeOutboxConfig => ({
        publicUrl: loadConfig('http').PUBLIC_URL,
        bureauEmail: loadConfig('mail').BUREAU_EMAIL,
        bureauName: loadConfig('bureau').BUREAU_NAME,
        links: linkSigning(loadConfig('auth')),
      }),
    },
    { provide: CLOCK, useValue: systemClock },
    { provide: APP_GUARD, useClass: AuthGuard },
    AuditService,
    CycleDashboard,
    LinkService,
    SessionCache,
    ItemAccess,
    ItemContext,
    AdjustmentsService,
    ReportTextService,
    ScrapedGauges,
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
