/**
 * A cycle on the production-shaped Temporal cluster: two server nodes sharing their
 * persistence in PostgreSQL, started by the project's script (scripts/services.sh start
 * temporal-cluster) with its schema, history shards, namespace and dynamic config. The same
 * path as the fault tests without a fault — a 200-item cycle of 20 departments fanned out and
 * assigned, five departments' items submitted and approved by the real worker and mail relay
 * processes — then the hard close freezes it and the report is written.
 */
import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { TemporalCluster } from '../../tools/stack/temporal-cluster';
import { waitFor } from '../../tools/stack/ports';
import { checkInvariants, expectClean, FaultStack, runFaultScenario } from '../faults/fault-stack';

jest.setTimeout(8 * 60_000);
const PLAN = 'cluster-cycle';
const SECOND_IN_DAYS = 1 / 86_400;

describe('a cycle on the two-node Temporal cluster', () => {
  let stack: FaultStack<TemporalCluster>;
  beforeAll(
    async () =>
      (stack = await FaultStack.start({
        items: 200,
        departments: 20,
        planCode: PLAN,
        temporal: () => TemporalCluster.start(),
      })),
  );
  afterAll(() => stack?.stop());

  it('runs on two nodes that found each other through PostgreSQL, each with frontend, history, matching and worker', async () => {
    const db = new Client({ connectionString: stack.temporal.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT role, count(DISTINCT rpc_port)::int AS nodes FROM cluster_membership
          WHERE record_expiry > now() AT TIME ZONE 'UTC' GROUP BY role ORDER BY role`,
      );
      // Roles 1–4: frontend, history, matching, worker.
      expect(rows).toEqual([1, 2, 3, 4].map((role) => ({ role, nodes: 2 })));
    } finally {
      await db.end();
    }
  });

  it('assigns, takes every submission and approval once, closes at the hard close and writes the report', async () => {
    const run = await runFaultScenario(
      stack,
      PLAN,
      { duringFanOut: async () => undefined, duringSubmissions: async () => undefined },
      // The path takes about 15 s here: the hard close leaves it four times that.
      stack.definition(PLAN, 60 * SECOND_IN_DAYS, 40 * SECOND_IN_DAYS),
    );
    expectClean(run, 200);

    await stack.client.workflow.getHandle(run.cycleId).result();
    const reports: Array<{ version: number; path: string }> = await stack.db.dataSource.query(
      `SELECT version, path FROM cycle_report WHERE cycle_id = $1`,
      [run.cycleId],
    );
    expect(reports.map((r) => r.version)).toEqual([1]);
    expect(existsSync(reports[0].path)).toBe(true);
    await waitFor(
      'the close notices delivered',
      async () => {
        const [{ pending }] = await stack.db.dataSource.query(
          `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending FROM notice WHERE cycle_id = $1`,
          [run.cycleId],
        );
        return pending === 0;
      },
      60_000,
      500,
    );
    const after = await checkInvariants(stack, run.cycleId, { approved: new Set() });
    expect(after.duplicateMails).toEqual([]);
    expect(after.distinctMails).toBe(after.noticesSent);
  });
});
