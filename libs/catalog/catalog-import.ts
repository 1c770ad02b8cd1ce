/**
 * Imports a validated plan into the catalog, all of it or none, idempotently:
 * the report says per table what was added, changed and left alone
 * (libs/persistence/repositories/catalog-import.repository.ts).
 */
import type { DataSource } from 'typeorm';
import type { ValidatedPlan } from '../plan/plan-validation';
import { CatalogImportRepository, type ImportReport } from '../persistence/repositories/catalog-import.repository';

export function importPlan(dataSource: DataSource, plan: ValidatedPlan): Promise<ImportReport> {
  return new CatalogImportRepository(dataSource).importPlan(plan);
}
