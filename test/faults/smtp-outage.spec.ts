/**
 * Fault: the SMTP server goes away for a while (every connection refused),
 * once during the fan-out of a 1,000-item cycle and once while items are
 * submitted. The mail relay's attempts fail meanwhile and the notices wait in
 * the outbox; the cycle must end with every notice delivered once, and nothing
 * else lost or repeated.
 */
import { expectClean, FaultStack, runFaultScenario, sleep } from './fault-stack';

jest.setTimeout(9 * 60_000);
const PLAN = 'faults-smtp-outage';

describe('an SMTP server outage during a 1,000-item cycle', () => {
  let stack: FaultStack;
  beforeAll(async () => (stack = await FaultStack.start({ items: 1000, departments: 50, planCode: PLAN })));
  afterAll(() => stack?.stop());

  const outage = async (s: FaultStack) => {
    await s.smtp.stop();
    await sleep(8000);
    await s.smtp.start();
  };

  it('ends with every item in its state, no submission lost or stored twice, no audit entry twice, every notice delivered once', async () => {
    const run = await runFaultScenario(stack, PLAN, {
      duringFanOut: outage,
      async duringSubmissions(s, busy) {
        await sleep(2000);
        if (busy()) await outage(s);
      },
    });
    // The outage was felt: the relay recorded failed attempts, and tried again.
    const [{ retried }] = await stack.db.dataSource.query(
      `SELECT count(*) FILTER (WHERE attempts > 1)::int AS retried FROM notice`,
    );
    expect(retried).toBeGreaterThan(0);
    expect(stack.relay.running).toBe(true);
    expectClean(run, 1000);
  });
});
