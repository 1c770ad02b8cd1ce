/**
 * A plan of more lead departments than one cycle can run (Temporal's 2,000
 * running children per workflow, libs/cycle/cycle-limits.ts) is refused
 * at launch, with the rest of its gaps, instead of a cycle stuck half started;
 * one of exactly 2,000 launches. Synthetic plans of that size, planned as a launch plans them.
 */
import { DEFAULT_CHASING_POLICY, type CycleDefinition } from '@libs/cycle/cycle-definition';
import { planCycle } from '@libs/cycle/cycle-planning';
import { validatePlan } from '@libs/plan/plan-validation';
import { splitItems, syntheticPlan } from '../../tools/synthetic-plan';

function launch(departments: number) {
  const file = syntheticPlan({ code: `limit-${departments}`, departments, ...splitItems(departments * 2) });
  const definition: CycleDefinition = {
    planCode: file.plan.code,
    kind: 'annual',
    fromYear: 2021,
    toYear: 2021,
    deadline: '2026-03-31T00:00:00Z',
    hardClose: '2026-04-30T00:00:00Z',
    policy: DEFAULT_CHASING_POLICY,
    itemKinds: ['indicator', 'task', 'project'],
    requireBureauAcceptance: false,
    groupResolution: {},
  };
  const contacts = file.departments.map((d) => ({
    code: d.code,
    name: d.name,
    submitterEmail: d.submitter?.email ?? null,
    supervisorEmail: d.supervisor?.email ?? null,
  }));
  return planCycle(validatePlan(file), definition, contacts);
}

describe('a launch with more lead departments than one cycle can run', () => {
  it('launches 2,000 lead departments', () => {
    const planned = launch(2000);
    expect(planned.ok && planned.departments.length).toBe(2000);
  });

  it('refuses 2,001, naming the count and the limit in both languages', () => {
    const planned = launch(2001);
    expect(planned.ok).toBe(false);
    expect(!planned.ok && planned.gaps).toEqual([
      expect.objectContaining({
        zh: expect.stringContaining('本轮共有2001个牵头部门，超过一轮评估可同时运行的2000个'),
        en: expect.stringContaining('2001 lead departments, more than the 2000'),
      }),
    ]);
  });
});
