/**
 * The departments' assessment (监督考核) as the report's annex carries it:
 * each lead department's facts gathered from the cycle's figures and records,
 * scored by libs/rules/department-assessment.ts. Pure.
 */
import type { DepartmentOutcome } from '../cycle/activities-contract';
import { itemKey, parseItemKey, type WorkItemKind } from '../cycle/cycle-definition';
import type { Submission } from '../cycle/submission';
import type { Boilerplate } from '../rules/boilerplate';
import { checkValueQuality } from '../rules/data-quality';
import {
  assessDepartments,
  type AssessmentWeights,
  type DepartmentFacts,
  type DepartmentScore,
} from '../rules/department-assessment';
import type { ProgressStatus } from '../rules/progress';

/** One work item of the cycle as its records stand at the close. */
export interface AssessedItem {
  itemKey: string;
  /** Lead department code. */
  department: string;
  /** Times it was returned to the department by a review. */
  returns: number;
  /** An indicator's unit and the value its submissions were checked against (the spec's), for the quality rules. */
  unit: string | null;
  previousValue: number | null;
}

export interface AssessmentInput {
  weights: AssessmentWeights;
  items: AssessedItem[];
}

/** A department's score as the report shows it: with its name and the facts it was scored from. */
export type AssessmentRow = DepartmentScore & { name: string; facts: Omit<DepartmentFacts, 'department' | 'statuses'> };

interface JudgedRow {
  no: number;
  status: ProgressStatus;
}

export function assessmentFigures(input: {
  assessment: AssessmentInput;
  outcomes: DepartmentOutcome[];
  approved: ReadonlyMap<string, { payload: Submission }>;
  judged: Partial<Record<WorkItemKind, JudgedRow[]>>;
  boilerplate: Boilerplate[];
  departmentName: (code: string) => string;
}): AssessmentRow[] {
  const status = new Map<string, ProgressStatus>();
  for (const [kind, rows] of Object.entries(input.judged) as Array<[WorkItemKind, JudgedRow[]]>)
    for (const r of rows) status.set(itemKey(kind, r.no), r.status);
  // Boilerplate names indicators by number: each indicator counts once however many texts repeat.
  const pasted = new Set(input.boilerplate.flatMap((b) => b.items.map((no) => itemKey('indicator', no))));

  const facts = new Map<string, DepartmentFacts>(
    input.outcomes.map((o) => [
      o.department,
      {
        department: o.department,
        timeliness: o.timeliness,
        assigned: o.total,
        approved: o.done,
        returns: 0,
        blockingFindings: 0,
        warnings: 0,
        boilerplate: 0,
        statuses: [],
      },
    ]),
  );
  for (const item of input.assessment.items) {
    const f = facts.get(item.department);
    if (!f) continue;
    f.returns += item.returns;
    if (pasted.has(item.itemKey)) f.boilerplate += 1;
    const judged = status.get(item.itemKey);
    if (judged) f.statuses.push(judged);
    const payload = input.approved.get(item.itemKey)?.payload;
    if (payload?.kind === 'indicator' && typeof payload.value === 'number' && item.unit !== null) {
      const findings = checkValueQuality(
        { no: parseItemKey(item.itemKey)?.no ?? 0, unit: item.unit },
        payload.value,
        item.previousValue,
      );
      f.blockingFindings += findings.filter((x) => x.blocking).length;
      f.warnings += findings.filter((x) => !x.blocking).length;
    }
  }
  const scored = assessDepartments([...facts.values()], input.assessment.weights);
  return scored.map((s) => {
    const { timeliness, assigned, approved, returns, blockingFindings, warnings, boilerplate } = facts.get(
      s.department,
    )!;
    const shown = { timeliness, assigned, approved, returns, blockingFindings, warnings, boilerplate };
    return { ...s, name: input.departmentName(s.department), facts: shown };
  });
}
