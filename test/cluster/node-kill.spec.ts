/**
 * Fault: one node of the two-node Temporal cluster crashes (SIGKILL) and is started again by the
 * project's script, once during the fan-out of a 500-item cycle and once while items are
 * submitted. First node 2, which no client talks to: node 1 must take over its history shards
 * and task queue partitions once membership drops it, and hand them back when it rejoins. Then
 * node 1, whose frontend the worker and the clients use: they reconnect when it is back, and
 * meanwhile node 2 owns every shard. The cycle must end with nothing lost and nothing twice.
 */
import { waitFor } from '../../tools/stack/ports';
import { TemporalCluster } from '../../tools/stack/temporal-cluster';
import { expectClean, FaultStack, runFaultScenario, sleep } from '../faults/fault-stack';

jest.setTimeout(10 * 60_000);
const PLAN = 'cluster-node-kill';

describe('a Temporal cluster node killed during a 500-item cycle', () => {
  let stack: FaultStack<TemporalCluster>;
  beforeAll(
    async () =>
      (stack = await FaultStack.start({
        items: 500,
        departments: 25,
        planCode: PLAN,
        temporal: () => TemporalCluster.start(),
      })),
  );
  afterAll(() => stack?.stop());

  const crashAndRestart = async (s: FaultStack<TemporalCluster>, node: number) => {
    await s.temporal.kill(node);
    await sleep(2000);
    await s.temporal.restart();
  };

  it('ends with every item in its state, no submission lost or stored twice, no audit entry twice, no notice mailed twice', async () => {
    const killed: number[] = [];
    const run = await runFaultScenario(stack, PLAN, {
      async duringFanOut(s) {
        await crashAndRestart(s, 2);
        killed.push(2);
      },
      async duringSubmissions(s, busy) {
        // The cluster takes a hundred submissions in a few seconds: strike once the first ten are stored.
        await waitFor(
          'the first submissions stored',
          async () => {
            const [{ n }] = await s.db.dataSource.query(`SELECT count(*)::int AS n FROM submission_version`);
            return n >= 10;
          },
          60_000,
          100,
        );
        if (!busy()) return;
        await crashAndRestart(s, 1);
        killed.push(1);
      },
    });
    expect(killed).toEqual([2, 1]); // both faults struck while there was work in flight
    expect(stack.worker.running).toBe(true); // the same worker process rode it out
    expectClean(run, 500);
  });
});
