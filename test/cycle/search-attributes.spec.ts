/**
 * What an operator finds in the Temporal UI or CLI, on the real Temporal dev
 * server (its visibility store answers the list queries the UI sends): a
 * cycle by its plan, kind, period and phase, and a department's run by its
 * code and whether it is overdue — set by the workflows as the cycle goes.
 */
import { departmentWorkflowId } from '@libs/cycle/cycle-definition';
import { createCycleHarness, submitter, type CycleHarness } from '../support/cycle-harness';

const SECONDS = (n: number) => n / 86_400;
const ON_TIME = 'city-statistics';
const NEVER = 'city-education';

describe('search attributes, as an operator queries them', () => {
  let h: CycleHarness;
  beforeAll(async () => (h = await createCycleHarness('dev-server')));
  afterAll(() => h?.close());

  /** The workflow IDs a visibility query finds, once it finds exactly `expected` (visibility lags a little). */
  const found = async (query: string, expected: string[]): Promise<string[]> => {
    let ids: string[] = [];
    for (let tries = 0; tries < 60; tries++) {
      ids = [];
      for await (const w of h.env.client.workflow.list({ query })) ids.push(w.workflowId);
      if (ids.sort().join() === [...expected].sort().join()) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    return ids;
  };

  it("finds a department's overdue run in the 2022 annual cycle, and the cycle by its phase", async () => {
    const definition = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: SECONDS(12),
      hardCloseInDays: 1,
    });
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const { cycleId } = await h.cycles.launch(definition);
      const plan = `PlanEvalPlan = '${definition.planCode}' AND PlanEvalCycleKind = 'annual' AND PlanEvalPeriod = '2022'`;
      expect(
        await found(`${plan} AND PlanEvalPhase = 'collecting' AND WorkflowType = 'evaluationCycle'`, [cycleId]),
      ).toEqual([cycleId]);

      // Before the deadline, nobody is overdue; one department sends everything it owes, once the cycle has
      // started its run ('collecting' is set before the departments start).
      const overdue = (department: string) =>
        `${plan} AND PlanEvalDepartment = '${department}' AND PlanEvalOverdue = true`;
      const onTime = departmentWorkflowId(cycleId, ON_TIME);
      expect(await found(`${plan} AND PlanEvalDepartment = '${ON_TIME}'`, [onTime])).toEqual([onTime]);
      expect(await found(overdue(NEVER), [])).toEqual([]);
      for (const [i, [itemKey, value]] of (
        [
          ['indicator-1', 284.7],
          ['indicator-4', 12.8],
        ] as const
      ).entries())
        await h.cycles.command(cycleId, ON_TIME, `s-${i}`, submitter(ON_TIME), {
          type: 'submit',
          itemKey,
          submission: { kind: 'indicator', value, dataSource: '统计年报' },
        });

      // Past the deadline: the department that sent nothing is overdue, the other waits for its review.
      const never = departmentWorkflowId(cycleId, NEVER);
      expect(await found(overdue(NEVER), [never])).toEqual([never]);
      expect(await found(overdue(ON_TIME), [])).toEqual([]);
      expect(
        await found(`${plan} AND PlanEvalDepartment = '${ON_TIME}' AND PlanEvalPhase = 'reviewing'`, [onTime]),
      ).toEqual([onTime]);
    });
  });
});
