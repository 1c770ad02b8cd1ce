/** The typed keys of the search attributes the cycle workflows set (the list: libs/cycle/search-attributes.ts). */
import { defineSearchAttributeKey, type SearchAttributePair } from '@temporalio/common';
import { cyclePeriod, SEARCH_ATTRIBUTES, type DepartmentStanding } from '@libs/cycle/search-attributes';
import type { CycleDefinition } from '@libs/cycle/cycle-definition';

const keyword = (name: keyof typeof SEARCH_ATTRIBUTES) =>
  defineSearchAttributeKey(name, SEARCH_ATTRIBUTES[name] as 'KEYWORD');
const PLAN = keyword('PlanEvalPlan');
const CYCLE_KIND = keyword('PlanEvalCycleKind');
const PERIOD = keyword('PlanEvalPeriod');
const DEPARTMENT = keyword('PlanEvalDepartment');
const PHASE = keyword('PlanEvalPhase');
const OVERDUE = defineSearchAttributeKey('PlanEvalOverdue', SEARCH_ATTRIBUTES.PlanEvalOverdue);

/** What a cycle's run and all its departments' runs share. */
export function cycleAttributes(
  d: Pick<CycleDefinition, 'planCode' | 'kind' | 'fromYear' | 'toYear'>,
): SearchAttributePair[] {
  return [
    { key: PLAN, value: d.planCode },
    { key: CYCLE_KIND, value: d.kind },
    { key: PERIOD, value: cyclePeriod(d.fromYear, d.toYear) },
  ];
}

/** The cycle's phase, or a department's. */
export function phaseAttribute(phase: string): SearchAttributePair {
  return { key: PHASE, value: phase };
}

export function departmentAttributes(department: string): SearchAttributePair[] {
  return [{ key: DEPARTMENT, value: department }];
}

export function standingAttributes(standing: DepartmentStanding): SearchAttributePair[] {
  return [phaseAttribute(standing.phase), { key: OVERDUE, value: standing.overdue }];
}
