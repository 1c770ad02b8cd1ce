/**
 * A cycle's row (evaluation_cycle), its launch's writes and its report
 * versions (cycle_report). Its items are CycleItemRepository's. A launch
 * writes the row and the items it has just planned in one short transaction
 * (`writeLaunched`); the workflow's `prepareCycle` then reads them back
 * (`prepare`) instead of planning the whole plan a second time, and plans and
 * writes them itself when no launch did (a scheduled launch, or a launch that
 * died before writing).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import type { DepartmentOutcome } from '../../cycle/activities-contract';
import type { CycleDefinition } from '../../cycle/cycle-definition';
import type { ItemOutline } from '../../cycle/prepared-cycle';
import type { WorkItemSpec } from '../../cycle/submission';
import { copyTextLine } from '../copy-text';
import { CycleReport, EvaluationCycle } from '../entities';
import { findPage, type Page, type PageRequest } from './page';
import type { Database } from './transactions';

/** Rows per chunk handed to the COPY stream: fewer, larger writes. */
const COPY_CHUNK_ROWS = 1_000;

/** What `prepare` found: the items it has just written, or those a launch wrote, with the definition saved then. */
export type PreparedRecords =
  { written: true; items: WorkItemSpec[] } | { written: false; definition: CycleDefinition; outlines: ItemOutline[] };

export type CycleFilter = Partial<Pick<EvaluationCycle, 'status' | 'kind' | 'planCode'>>;

/** A compiled report version, as closing the cycle records it. */
export interface ReportVersion {
  version: number;
  contentHash: string;
  path: string;
  timeliness: DepartmentOutcome[];
}

export class CycleRepository {
  constructor(private readonly db: Database) {}

  find(cycleId: string): Promise<EvaluationCycle | null> {
    return this.db.getRepository(EvaluationCycle).findOneBy({ id: cycleId });
  }

  get(cycleId: string): Promise<EvaluationCycle> {
    return this.db.getRepository(EvaluationCycle).findOneByOrFail({ id: cycleId });
  }

  /** Newest period first; `view` shapes each row. */
  page<R>(filter: CycleFilter, q: PageRequest, view: (cycle: EvaluationCycle) => R): Promise<Page<R>> {
    const where: FindOptionsWhere<EvaluationCycle> = filter;
    return findPage(this.db.getRepository(EvaluationCycle), q, { where, order: { toYear: 'DESC', id: 'ASC' } }, view);
  }

  /**
   * A launch's row and the items it planned, in one transaction: all or
   * nothing. False, writing nothing, when the cycle's row was already there.
   */
  writeLaunched(cycleId: string, definition: CycleDefinition, items: WorkItemSpec[]): Promise<boolean> {
    return this.db.transaction(async (em) => {
      if (!(await insertCycleRow(em, cycleId, definition))) return false;
      await insertWorkItems(em, cycleId, items);
      return true;
    });
  }

  /**
   * The cycle's row and items, written once. When this call writes the row,
   * the items are `plan()`'s, in the same transaction (a refusal thrown by
   * `plan` leaves nothing); otherwise the launch's row and items are read
   * back, waiting for a launch still writing them.
   */
  prepare(cycleId: string, definition: CycleDefinition, plan: () => Promise<WorkItemSpec[]>): Promise<PreparedRecords> {
    return this.db.transaction(async (em): Promise<PreparedRecords> => {
      if (!(await insertCycleRow(em, cycleId, definition))) {
        const saved = await em.getRepository(EvaluationCycle).findOneByOrFail({ id: cycleId });
        return {
          written: false,
          definition: saved.definition as CycleDefinition,
          outlines: await itemOutlines(em, cycleId),
        };
      }
      const items = await plan();
      await insertWorkItems(em, cycleId, items);
      return { written: true, items };
    });
  }

  /** One department's deadline in force, until a cycle-wide extension overrides it. */
  async setDepartmentDeadline(cycleId: string, department: string, deadline: string): Promise<void> {
    await this.db.query(
      `UPDATE evaluation_cycle SET department_deadlines = department_deadlines || jsonb_build_object($2::text, $3::text)
        WHERE id = $1`,
      [cycleId, department, deadline],
    );
  }

  /** The whole cycle's deadline: it overrides every department's own. */
  async setDeadline(cycleId: string, deadline: string): Promise<void> {
    await this.db.query(`UPDATE evaluation_cycle SET deadline = $2, department_deadlines = '{}' WHERE id = $1`, [
      cycleId,
      deadline,
    ]);
  }

  /** A reopen's own deadline applies to every department it names: the first collection's extensions end. */
  async clearDepartmentDeadlines(cycleId: string): Promise<void> {
    await this.db.query(`UPDATE evaluation_cycle SET department_deadlines = '{}' WHERE id = $1`, [cycleId]);
  }

  /** Running again for a reopen, with the reopen's dates when it has them. */
  async markReopened(cycleId: string, dates: { deadline?: Date; hardClose?: Date }): Promise<void> {
    await this.db
      .getRepository(EvaluationCycle)
      .update({ id: cycleId }, { status: 'running', closedAt: null, ...dates });
  }

  /** Closes the cycle with its report version (kept once per version), atomically. */
  async close(cycleId: string, report: ReportVersion, cancelled: boolean): Promise<void> {
    await this.db.transaction(async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(CycleReport)
        .values({ cycleId, ...report })
        .orIgnore()
        .execute();
      await em.update(
        EvaluationCycle,
        { id: cycleId },
        { status: cancelled ? 'cancelled' : 'closed', closedAt: new Date() },
      );
    });
  }

  /** Report versions, oldest first. */
  reports(cycleId: string): Promise<CycleReport[]> {
    return this.db.getRepository(CycleReport).find({ where: { cycleId }, order: { version: 'ASC' } });
  }

  report(cycleId: string, version: number): Promise<CycleReport | null> {
    return this.db.getRepository(CycleReport).findOneBy({ cycleId, version });
  }

  /** The version already compiled from exactly these figures, if any. */
  reportWithHash(cycleId: string, contentHash: string): Promise<CycleReport | null> {
    return this.db.getRepository(CycleReport).findOneBy({ cycleId, contentHash });
  }

  reportCount(cycleId: string): Promise<number> {
    return this.db.getRepository(CycleReport).countBy({ cycleId });
  }

  /** Each department's timeliness as the latest report recorded it; none before the first close. */
  async recordedTimeliness(cycleId: string): Promise<DepartmentOutcome[]> {
    const latest = await this.db.getRepository(CycleReport).findOne({ where: { cycleId }, order: { version: 'DESC' } });
    return (latest?.timeliness as DepartmentOutcome[] | undefined) ?? [];
  }
}

/**
 * The cycle's row, unless it exists; whether it was written. Blocks while
 * another transaction is writing the same cycle, so that a `prepareCycle`
 * running beside a launch still committing finds the launch's rows, not none.
 */
async function insertCycleRow(em: EntityManager, cycleId: string, definition: CycleDefinition): Promise<boolean> {
  const inserted: unknown[] = await em.query(
    `INSERT INTO evaluation_cycle (id, plan_code, kind, from_year, to_year, deadline, hard_close, definition)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      cycleId,
      definition.planCode,
      definition.kind,
      definition.fromYear,
      definition.toYear,
      new Date(definition.deadline),
      new Date(definition.hardClose),
      definition,
    ],
  );
  return inserted.length === 1;
}

/**
 * The planned items of a cycle whose row this transaction has just written
 * (`insertCycleRow` answered true), so none of them exists yet: COPY, which
 * has no ON CONFLICT, writes 10,000 in 0.35 s where an INSERT took 0.6 s. A duplicate
 * key would fail the COPY, and with it the transaction.
 */
async function insertWorkItems(em: EntityManager, cycleId: string, items: WorkItemSpec[]): Promise<void> {
  if (!em.queryRunner) throw new Error('insertWorkItems runs inside a transaction');
  const client: PoolClient = await em.queryRunner.connect();
  const copy = client.query(
    copyFrom(
      'COPY work_item (cycle_id, item_key, item_kind, item_no, title, department, co_departments, spec) FROM STDIN',
    ),
  );
  await pipeline(Readable.from(copyChunks(cycleId, items)), copy);
}

function* copyChunks(cycleId: string, items: WorkItemSpec[]): Generator<string> {
  for (let i = 0; i < items.length; i += COPY_CHUNK_ROWS) {
    yield items
      .slice(i, i + COPY_CHUNK_ROWS)
      .map((item) =>
        copyTextLine([
          cycleId,
          item.key,
          item.kind,
          item.no,
          item.title,
          item.leadDepartment,
          item.coDepartments,
          JSON.stringify(item),
        ]),
      )
      .join('');
  }
}

/** The items a cycle was launched with, as written: their columns, not their (larger) specifications. */
async function itemOutlines(em: EntityManager, cycleId: string): Promise<ItemOutline[]> {
  const rows: Array<{ key: string; kind: ItemOutline['kind']; no: number; title: string; lead: string; co: string[] }> =
    await em.query(
      `SELECT item_key AS key, item_kind AS kind, item_no AS no, title, department AS lead, co_departments AS co FROM work_item WHERE cycle_id = $1`,
      [cycleId],
    );
  return rows.map((r) => ({
    key: r.key,
    kind: r.kind,
    no: r.no,
    title: r.title,
    leadDepartment: r.lead,
    coDepartments: r.co,
  }));
}
