/** A cycle's items counted by department and state, as the API and the command line show them. */
import type { DataSource } from 'typeorm';
import type { ItemStatus } from '../cycle/department-state';
import { WorkItem } from '../persistence/entities';

export interface DepartmentStateCount {
  department: string;
  status: ItemStatus;
  items: number;
}

export function countItemsByDepartment(ds: DataSource, cycleId: string): Promise<DepartmentStateCount[]> {
  return ds
    .getRepository(WorkItem)
    .createQueryBuilder('w')
    .select(['w.department AS department', 'w.status AS status', 'count(*)::int AS items'])
    .where('w.cycle_id = :cycleId', { cycleId })
    .groupBy('w.department, w.status')
    .orderBy('w.department')
    .addOrderBy('w.status')
    .getRawMany();
}
