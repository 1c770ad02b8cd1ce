/**
 * A cycle's work items (work_item) as the workflows, the API and the command
 * line read them. They are written by CycleRepository (at launch) and
 * SubmissionRepository (each command's status).
 */
import { ArrayContains, In, type FindOptionsWhere } from 'typeorm';
import type { WorkItemKind } from '../../cycle/cycle-definition';
import type { ItemStatus } from '../../cycle/department-state';
import type { WorkItemSpec } from '../../cycle/submission';
import { WorkItem } from '../entities';
import { findPage, type Page, type PageRequest } from './page';
import type { Database } from './transactions';

/** Catalog order within a department. */
const CATALOG_ORDER = { itemKind: 'ASC', itemNo: 'ASC' } as const;

export interface DepartmentStateCount {
  department: string;
  status: ItemStatus;
  items: number;
}

export interface ItemFilter {
  status?: ItemStatus;
  kind?: WorkItemKind;
  /** The lead department. */
  department?: string;
  /** A department among the co-operating ones. */
  cooperating?: string;
}

/** An item as the dashboard counts it: when it was first submitted, if ever. */
export interface ItemProgress {
  department: string;
  itemKey: string;
  kind: WorkItemKind;
  no: number;
  title: string;
  status: ItemStatus;
  firstSubmittedAt: Date | null;
}

/** An item's standing as a restored department workflow takes it back (times in epoch milliseconds). */
export interface ItemStanding {
  itemKey: string;
  status: ItemStatus;
  version: number;
  spec: WorkItemSpec;
  firstSubmittedAt: number | null;
  lastSubmittedAt: number | null;
  rejections: number;
}

export class CycleItemRepository {
  constructor(private readonly db: Database) {}

  item(cycleId: string, itemKey: string): Promise<WorkItem | null> {
    return this.db.getRepository(WorkItem).findOneBy({ cycleId, itemKey });
  }

  /**
   * Every item of the department that leads this one, in one query: a submitter works through their
   * department's items one after another (empty when the cycle has no such item).
   */
  itemsBesides(cycleId: string, itemKey: string): Promise<WorkItem[]> {
    return this.db
      .getRepository(WorkItem)
      .createQueryBuilder('w')
      .where('w.cycleId = :cycleId', { cycleId })
      .andWhere(
        'w.department = (SELECT x.department FROM work_item x WHERE x.cycle_id = :cycleId AND x.item_key = :itemKey)',
        {
          itemKey,
        },
      )
      .getMany();
  }

  /** The named items that exist, by department in catalog order. */
  items(cycleId: string, itemKeys: string[]): Promise<WorkItem[]> {
    if (itemKeys.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(WorkItem)
      .find({ where: { cycleId, itemKey: In(itemKeys) }, order: { department: 'ASC', ...CATALOG_ORDER } });
  }

  /** The named items that exist and are the department's. */
  departmentItems(cycleId: string, department: string, itemKeys: string[]): Promise<WorkItem[]> {
    return this.db.getRepository(WorkItem).findBy({ cycleId, department, itemKey: In(itemKeys) });
  }

  /** The specifications of every item, by department in catalog order. */
  async specs(cycleId: string): Promise<WorkItemSpec[]> {
    const rows = await this.db
      .getRepository(WorkItem)
      .find({ select: { spec: true }, where: { cycleId }, order: { department: 'ASC', ...CATALOG_ORDER } });
    return rows.map((r) => r.spec as WorkItemSpec);
  }

  /** The lead departments of the cycle's items, by code. */
  async departmentsOf(cycleId: string): Promise<string[]> {
    const rows: Array<{ department: string }> = await this.db.query(
      `SELECT DISTINCT department FROM work_item WHERE cycle_id = $1 ORDER BY department`,
      [cycleId],
    );
    return rows.map((r) => r.department);
  }

  count(cycleId: string): Promise<number> {
    return this.db.getRepository(WorkItem).countBy({ cycleId });
  }

  /** The specifications of a department's items, in catalog order. */
  async specsOf(cycleId: string, department: string): Promise<WorkItemSpec[]> {
    const rows = await this.db.getRepository(WorkItem).find({ where: { cycleId, department }, order: CATALOG_ORDER });
    return rows.map((r) => r.spec as WorkItemSpec);
  }

  /** The departments' items' keys, kinds and numbers (to put them in catalog order). */
  keysOf(
    cycleId: string,
    departments: string[],
  ): Promise<Array<{ leadDepartment: string; key: string; kind: WorkItemSpec['kind']; no: number }>> {
    return this.db.query(
      `SELECT department AS "leadDepartment", item_key AS key, item_kind AS kind, item_no AS no FROM work_item WHERE cycle_id = $1 AND department = ANY($2)`,
      [cycleId, departments],
    );
  }

  /** The departments' items' keys and titles (not their specifications), in catalog order. */
  titlesOf(cycleId: string, departments: string[]): Promise<Array<{ department: string; key: string; title: string }>> {
    return this.db.query(
      `SELECT department, item_key AS key, title FROM work_item WHERE cycle_id = $1 AND department = ANY($2) ORDER BY item_kind, item_no`,
      [cycleId, departments],
    );
  }

  /** Who leads and who co-operates on each item. */
  assignments(cycleId: string): Promise<Array<{ itemKey: string; department: string; coDepartments: string[] }>> {
    return this.db.query(
      `SELECT item_key AS "itemKey", department, co_departments AS "coDepartments" FROM work_item WHERE cycle_id = $1`,
      [cycleId],
    );
  }

  /** Items counted by department and state, as the API and the command line show them. */
  countByDepartment(cycleId: string): Promise<DepartmentStateCount[]> {
    return this.db
      .getRepository(WorkItem)
      .createQueryBuilder('w')
      .select(['w.department AS department', 'w.status AS status', 'count(*)::int AS items'])
      .where('w.cycle_id = :cycleId', { cycleId })
      .groupBy('w.department, w.status')
      .orderBy('w.department')
      .addOrderBy('w.status')
      .getRawMany();
  }

  /** A page of the cycle's items, by department in catalog order. */
  page<R>(cycleId: string, filter: ItemFilter, q: PageRequest, view: (item: WorkItem) => R): Promise<Page<R>> {
    const where: FindOptionsWhere<WorkItem> = {
      cycleId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.kind ? { itemKind: filter.kind } : {}),
      ...(filter.department ? { department: filter.department } : {}),
      ...(filter.cooperating ? { coDepartments: ArrayContains([filter.cooperating]) } : {}),
    };
    return findPage(
      this.db.getRepository(WorkItem),
      q,
      { where, order: { department: 'ASC', ...CATALOG_ORDER } },
      view,
    );
  }

  /** Every item with its first submission's time, by department in catalog order. */
  async progress(cycleId: string): Promise<ItemProgress[]> {
    const rows: Array<Omit<ItemProgress, 'firstSubmittedAt'> & { first: Date | null }> = await this.db.query(
      `SELECT w.department, w.item_key AS "itemKey", w.item_kind AS kind, w.item_no AS no, w.title, w.status,
              (SELECT min(s.submitted_at) FROM submission_version s WHERE s.cycle_id = w.cycle_id AND s.item_key = w.item_key) AS first
         FROM work_item w WHERE w.cycle_id = $1 ORDER BY w.department, w.item_kind, w.item_no`,
      [cycleId],
    );
    return rows.map(({ first, ...r }) => ({ ...r, firstSubmittedAt: first }));
  }

  /** The department's named items as their records stand: state, submission times, rejections. */
  async standing(cycleId: string, department: string, itemKeys: string[]): Promise<ItemStanding[]> {
    const rows: Array<
      Omit<ItemStanding, 'firstSubmittedAt' | 'lastSubmittedAt'> & { first: string | null; last: string | null }
    > = await this.db.query(
      `SELECT w.item_key AS "itemKey", w.status, w.version, w.spec,
                (SELECT extract(epoch FROM min(s.submitted_at)) * 1000 FROM submission_version s WHERE s.cycle_id = w.cycle_id AND s.item_key = w.item_key) AS first,
                (SELECT extract(epoch FROM max(s.submitted_at)) * 1000 FROM submission_version s WHERE s.cycle_id = w.cycle_id AND s.item_key = w.item_key) AS last,
                (SELECT count(*)::int FROM item_event e WHERE e.cycle_id = w.cycle_id AND e.item_key = w.item_key AND e.type IN ('review', 'accept') AND e.status_after = 'returned') AS rejections
           FROM work_item w WHERE w.cycle_id = $1 AND w.department = $2 AND w.item_key = ANY($3)
          ORDER BY w.item_kind, w.item_no`,
      [cycleId, department, itemKeys],
    );
    // extract() answers a numeric, which the driver reads as a string.
    const time = (v: string | null) => (v === null ? null : Math.round(Number(v)));
    return rows.map(({ first, last, ...r }) => ({ ...r, firstSubmittedAt: time(first), lastSubmittedAt: time(last) }));
  }
}
