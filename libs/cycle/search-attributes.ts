/**
 * What an operator filters cycles by in the Temporal UI or CLI, e.g. a
 * department's overdue run in the 2024 annual cycle:
 *   PlanEvalDepartment = 'city-education' AND PlanEvalCycleKind = 'annual'
 *   AND PlanEvalPeriod = '2024' AND PlanEvalOverdue = true
 * The workflows set them; the scripts and the test servers register them
 * from this one list (a workflow setting an unregistered one fails its task).
 */
export const SEARCH_ATTRIBUTES = {
  PlanEvalPlan: 'KEYWORD',
  PlanEvalCycleKind: 'KEYWORD',
  /** `2024`, or `2021-2023` for a cycle over several years. */
  PlanEvalPeriod: 'KEYWORD',
  /** The department's code (department runs only). */
  PlanEvalDepartment: 'KEYWORD',
  /** The cycle's phase, or the department's: collecting, reviewing, done, closed, cancelled. */
  PlanEvalPhase: 'KEYWORD',
  /** A department owing items past its deadline (department runs only). */
  PlanEvalOverdue: 'BOOL',
} as const;
export type SearchAttributeName = keyof typeof SEARCH_ATTRIBUTES;

export const cyclePeriod = (fromYear: number, toYear: number): string =>
  fromYear === toYear ? `${toYear}` : `${fromYear}-${toYear}`;

/** Where a department's run stands, as its search attributes tell it. */
export type DepartmentPhase = 'collecting' | 'reviewing' | 'done' | 'closed' | 'cancelled';
export interface DepartmentStanding {
  phase: DepartmentPhase;
  overdue: boolean;
}
