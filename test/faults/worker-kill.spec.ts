/**
 * Fault: the worker is killed with SIGKILL, again and again, during a
 * 1,000-item cycle: once during the fan-out, three times while 100 items are
 * submitted. Temporal hands the work to the restarted worker; the cycle must
 * end with every item in its state, nothing lost, nothing mailed or audited
 * twice: a notice is sent by the mail relay, which the kills leave running.
 */
import { expectClean, FaultStack, runFaultScenario, sleep } from './fault-stack';

jest.setTimeout(9 * 60_000);
const PLAN = 'faults-worker-kill';

describe('SIGKILL of the worker during a 1,000-item cycle', () => {
  let stack: FaultStack;
  beforeAll(async () => (stack = await FaultStack.start({ items: 1000, departments: 50, planCode: PLAN })));
  afterAll(() => stack?.stop());

  const crashAndRestart = async (s: FaultStack) => {
    await s.killWorker();
    await sleep(500);
    await s.startWorker();
  };

  it('ends with every item in its state, no submission lost or stored twice, no audit entry twice, every notice delivered', async () => {
    const run = await runFaultScenario(stack, PLAN, {
      duringFanOut: crashAndRestart,
      async duringSubmissions(s, busy) {
        for (let k = 0; k < 3 && busy(); k++) {
          await sleep(4000);
          await crashAndRestart(s);
        }
      },
    });
    expectClean(run, 1000);
  });
});
