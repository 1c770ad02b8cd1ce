/**
 * Fault: the Temporal dev server crashes (SIGKILL) and comes back on the same
 * port with the same state file, once during the fan-out of a 1,000-item
 * cycle and once while items are submitted. The worker and the clients
 * reconnect; the cycle must end with nothing lost or repeated.
 */
import { expectClean, FaultStack, runFaultScenario, sleep } from './fault-stack';

jest.setTimeout(9 * 60_000);
const PLAN = 'faults-temporal-restart';

describe('a Temporal server restart during a 1,000-item cycle', () => {
  let stack: FaultStack;
  beforeAll(async () => (stack = await FaultStack.start({ items: 1000, departments: 50, planCode: PLAN })));
  afterAll(() => stack?.stop());

  const crashAndRestart = async (s: FaultStack) => {
    await s.temporal.stop('SIGKILL');
    await sleep(2000);
    await s.temporal.restart();
  };

  it('ends with every item in its state, no submission lost or stored twice, no audit entry twice, every notice delivered', async () => {
    const run = await runFaultScenario(stack, PLAN, {
      duringFanOut: crashAndRestart,
      async duringSubmissions(s, busy) {
        await sleep(3000);
        if (busy()) await crashAndRestart(s);
      },
    });
    expect(stack.worker.running).toBe(true); // the same worker process rode it out
    expectClean(run, 1000);
  });
});
