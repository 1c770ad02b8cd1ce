/** What the database holds: rows per table and items per lead department. */
import type { DataSource } from 'typeorm';
import { catalogEntities } from '../persistence/entities';

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
  const tables = [];
  for (const entity of catalogEntities) {
    const table = ds.getMetadata(entity).tableName;
    tables.push({ table, rows: await ds.getRepository(entity).count() });
  }
  const rows: Array<{ department: string; item_kind: string; n: string }> = await ds.query(
    `SELECT d.name AS department, r.item_kind, count(*) AS n
       FROM responsibility r JOIN department d ON d.id = r."departmentId"
      WHERE r.role = 'lead'
      GROUP BY d.name, r.item_kind`,
  );
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
