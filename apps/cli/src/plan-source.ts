/** Where a command reads its plan from: a file (no database needed) or the catalog in PostgreSQL. */
import type { DataSource } from 'typeorm';
import { readPlanFromDatabase } from '@libs/catalog/catalog-read';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { createDataSource } from '@libs/persistence/data-source';
import type { ValidatedPlan } from '@libs/plan/plan-validation';

export interface PlanSourceOptions {
  file?: string;
  plan?: string;
}

export async function withDatabase<T>(fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = await createDataSource().initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

export function loadPlan(options: PlanSourceOptions): Promise<ValidatedPlan> {
  if (options.file) return readPlanFile(options.file);
  return withDatabase((ds) => readPlanFromDatabase(ds, options.plan));
}
