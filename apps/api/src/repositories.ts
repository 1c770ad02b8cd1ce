/**
 * The repositories controllers and services inject, each built on the API's
 * one DataSource; `Transactions` composes several of them in one transaction.
 */
import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { AuditRepository } from '@libs/persistence/repositories/audit.repository';
import { CatalogImportRepository } from '@libs/persistence/repositories/catalog-import.repository';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import { DatabaseProbe } from '@libs/persistence/repositories/database-probe';
import { DepartmentAssessmentRepository } from '@libs/persistence/repositories/department-assessment.repository';
import { OperationsRepository } from '@libs/persistence/repositories/operations.repository';
import { OutboxRepository } from '@libs/persistence/repositories/outbox.repository';
import { ReportTextRepository } from '@libs/persistence/repositories/report-text.repository';
import { ReportReviewRepository } from '@libs/persistence/repositories/report-review.repository';
import { SubmissionRepository } from '@libs/persistence/repositories/submission.repository';
import { Transactions } from '@libs/persistence/repositories/transactions';

const onDataSource = (repository: new (ds: DataSource) => unknown): Provider => ({
  provide: repository,
  inject: [DataSource],
  useFactory: (ds: DataSource) => new repository(ds),
});

export const REPOSITORY_PROVIDERS: Provider[] = [
  Transactions,
  AccessRepository,
  AuditRepository,
  CatalogRepository,
  CatalogImportRepository,
  CycleRepository,
  CycleItemRepository,
  DatabaseProbe,
  DepartmentAssessmentRepository,
  OperationsRepository,
  OutboxRepository,
  ReportTextRepository,
  ReportReviewRepository,
  SubmissionRepository,
].map(onDataSource);
