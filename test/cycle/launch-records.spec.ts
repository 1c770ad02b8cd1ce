/**
 * A launch's database work around its Temporal call, on the real PostgreSQL
 * with the Heyuan plan: no transaction of the launch is open while the
 * Temporal server answers the start (its locks would hold up the workflow's
 * own first step and every other writer of the cycle), the rows are written
 * once the start is accepted, and a refused start writes nothing. Temporal is
 * a stub here, to look at PostgreSQL while the start is in flight; the full
 * launch runs against Temporal in the cycle and API tests.
 */
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { importPlan } from '@libs/catalog/catalog-import';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { cycleWorkflowId, DEFAULT_CHASING_POLICY, type CycleDefinition } from '@libs/cycle/cycle-definition';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import { CycleClient, CycleRequestError } from '@libs/temporal/cycle-client';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';
import { HEYUAN_PLAN_FILE } from '../support/plans';

const definition: CycleDefinition = {
  planCode: 'heyuan-public-services-2021-2025',
  kind: 'annual',
  fromYear: 2022,
  toYear: 2022,
  deadline: '2023-03-31T10:00:00.000Z',
  hardClose: '2023-04-30T10:00:00.000Z',
  policy: DEFAULT_CHASING_POLICY,
  itemKinds: ['indicator'],
  requireBureauAcceptance: false,
  groupResolution: {},
};
const CYCLE = cycleWorkflowId(definition);

/** A Temporal client whose start runs `answer` as the server's answer. */
const temporal = (answer: () => Promise<void>) => ({ workflow: { start: answer } }) as unknown as Client;

describe('a launch around its Temporal call (real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await importPlan(db.dataSource, await readPlanFile(HEYUAN_PLAN_FILE));
  });
  afterAll(() => db.drop());

  /** Connections of this database inside a transaction, waiting for their client (here: for Temporal). */
  const openTransactions = async (): Promise<number> => {
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    return n;
  };

  it('refuses a start Temporal refuses (launched already) and writes nothing', async () => {
    const refused = new CycleClient(
      temporal(() => Promise.reject(new WorkflowExecutionAlreadyStartedError('started', CYCLE, 'evaluationCycle'))),
      'q',
      db.dataSource,
    );
    const launch = refused.launch(definition);
    await expect(launch).rejects.toThrow(CycleRequestError);
    await expect(launch).rejects.toMatchObject({ code: 'already_launched' });
    expect(await new CycleRepository(db.dataSource).find(CYCLE)).toBeNull();
    expect(await new CycleItemRepository(db.dataSource).count(CYCLE)).toBe(0);
  });

  it('holds no transaction open while Temporal answers, and writes the cycle once the start is accepted', async () => {
    const seen: Array<{ open: number; written: boolean }> = [];
    const accepted = new CycleClient(
      temporal(async () => {
        seen.push({
          open: await openTransactions(),
          written: !!(await new CycleRepository(db.dataSource).find(CYCLE)),
        });
      }),
      'q',
      db.dataSource,
    );
    const { items } = await accepted.launch(definition);
    expect(seen).toEqual([{ open: 0, written: false }]);
    expect(await new CycleItemRepository(db.dataSource).count(CYCLE)).toBe(items);
    expect(items).toBeGreaterThan(0);
  });
});
