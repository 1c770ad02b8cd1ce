/** What the database holds: rows per table and items per lead department. */
import type { DataSource } from 'typeorm';
import { CatalogRepository } from '../persistence/repositories/catalog.repository';

export interface CatalogSummary {
  tables: Array<{ table: string; rows: number }>;
  leadDepartments: Array<{
    department: string;
    indicator: number;
    target: number;
    task: number;
    project: number;
    total: number;
  }>;
}

export async function catalogSummary(ds: DataSource): Promise<CatalogSummary> {
  const catalog = new CatalogRepository(ds);
  const tables = await catalog.tableSizes();
  const rows = await catalog.leadItemCounts();
  const byDept = new Map<string, CatalogSummary['leadDepartments'][number]>();
  for (const r of rows) {
    const entry = byDept.get(r.department) ?? {
      department: r.department,
      indicator: 0,
      target: 0,
      task: 0,
      project: 0,
      total: 0,
    };
    entry[r.item_kind as 'indicator' | 'target' | 'task' | 'project'] += Number(r.n);
    entry.total += Number(r.n);
    byDept.set(r.department, entry);
  }
  const leadDepartments = [...byDept.values()].sort(
    (a, b) => b.total - a.total || a.department.localeCompare(b.department, 'zh-CN'),
  );
  return { tables, leadDepartments };
}
