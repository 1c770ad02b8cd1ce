/**
 * Writes a launched cycle and its work items. The launch (CycleClient.launch)
 * writes them in the transaction that starts the cycle's workflow, having
 * just planned them; the workflow's `prepareCycle` then reads them back
 * instead of planning the whole plan a second time. A cycle started any
 * other way is written by `prepareCycle` itself.
 */
import type { EntityManager } from 'typeorm';
import type { CycleDefinition } from '../cycle/cycle-definition';
import type { ItemOutline } from '../cycle/prepared-cycle';
import type { WorkItemSpec } from '../cycle/submission';

/** Rows per statement, passed as one JSON parameter: TypeORM's multi-row insert took 1.8 s for 10,000 items. */
const WORK_ITEM_INSERT_CHUNK = 5_000;

/**
 * The cycle's row, unless it exists; whether it was written. Blocks while
 * another transaction is writing the same cycle, so that a `prepareCycle`
 * started by a launch still committing finds the launch's rows, not none.
 */
export async function insertCycleRow(em: EntityManager, cycleId: string, definition: CycleDefinition): Promise<boolean> {
  const inserted: unknown[] = await em.query(
    `INSERT INTO evaluation_cycle (id, plan_code, kind, from_year, to_year, deadline, hard_close, definition)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [cycleId, definition.planCode, definition.kind, definition.fromYear, definition.toYear, new Date(definition.deadline), new Date(definition.hardClose), definition],
  );
  return inserted.length === 1;
}

export async function insertWorkItems(em: EntityManager, cycleId: string, items: WorkItemSpec[]): Promise<void> {
  for (let i = 0; i < items.length; i += WORK_ITEM_INSERT_CHUNK) {
    const rows = items.slice(i, i + WORK_ITEM_INSERT_CHUNK).map((item) => ({ key: item.key, kind: item.kind, no: item.no, title: item.title, lead: item.leadDepartment, co: item.coDepartments, spec: item }));
    await em.query(
      `INSERT INTO work_item (cycle_id, item_key, item_kind, item_no, title, department, co_departments, spec)
       SELECT $1, r.key, r.kind, r.no, r.title, r.lead, r.co, r.spec
         FROM jsonb_to_recordset($2::jsonb) AS r(key text, kind text, no int, title text, lead text, co text[], spec jsonb)
       ON CONFLICT DO NOTHING`,
      [cycleId, JSON.stringify(rows)],
    );
  }
}

/** The items a cycle was launched with, as written: their columns, not their (larger) specifications. */
export async function readItemOutlines(em: EntityManager, cycleId: string): Promise<ItemOutline[]> {
  const rows: Array<{ key: string; kind: ItemOutline['kind']; no: number; title: string; lead: string; co: string[] }> = await em.query(
    `SELECT item_key AS key, item_kind AS kind, item_no AS no, title, department AS lead, co_departments AS co FROM work_item WHERE cycle_id = $1`,
    [cycleId],
  );
  return rows.map((r) => ({ key: r.key, kind: r.kind, no: r.no, title: r.title, leadDepartment: r.lead, coDepartments: r.co }));
}
