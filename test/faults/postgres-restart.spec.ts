/**
 * Fault: PostgreSQL crashes (immediate stop) and restarts, once during the
 * fan-out of a 1,000-item cycle and once while items are submitted. Activities
 * fail meanwhile and Temporal retries them; the cycle must end with nothing
 * lost or repeated. The server is the test's own, not the shared one.
 */
import { expectClean, FaultStack, runFaultScenario, sleep } from './fault-stack';
import { PrivatePostgres } from './private-postgres';

jest.setTimeout(9 * 60_000);
const PLAN = 'faults-postgres-restart';

describe('a PostgreSQL restart during a 1,000-item cycle', () => {
  let pg: PrivatePostgres;
  let stack: FaultStack;
  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    stack = await FaultStack.start({ items: 1000, departments: 50, planCode: PLAN, databaseServerUrl: pg.url });
  });
  afterAll(async () => {
    await stack?.stop();
    pg?.destroy();
  });

  const crashAndRestart = async () => {
    pg.stop('immediate');
    await sleep(2000);
    pg.start();
  };

  it('ends with every item in its state, no submission lost or stored twice, no audit entry twice, every notice delivered', async () => {
    const run = await runFaultScenario(stack, PLAN, {
      duringFanOut: crashAndRestart,
      async duringSubmissions(_s, busy) {
        await sleep(3000);
        if (busy()) await crashAndRestart();
      },
    });
    expect(stack.worker.running).toBe(true); // the same worker process rode it out
    // The relay records a notice the SMTP server accepted as sent, however long PostgreSQL is away.
    expect(stack.relay.running).toBe(true);
    expectClean(run, 1000);
  });
});
