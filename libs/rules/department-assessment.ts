/**
 * 监督考核: each lead department of a closed cycle scored on how it reported
 * (timeliness, completeness, data quality) and on what it reported (its
 * items' statuses against the plan's path), the components weighted into a
 * total, ranked and graded. Pure: the cycle's close computes it from the
 * report's figures, and every score keeps the weights it was made with.
 */
import type { Timeliness } from '../cycle/timeliness';
import type { Localized } from '../plan/localized';
import type { ProgressStatus } from './progress';

export const ASSESSMENT_COMPONENTS = ['timeliness', 'completeness', 'quality', 'results'] as const;
export type AssessmentComponent = (typeof ASSESSMENT_COMPONENTS)[number];
/** Points out of 100 per component. */
export type AssessmentWeights = Record<AssessmentComponent, number>;

export const ASSESSMENT_COMPONENT_LABELS: Record<AssessmentComponent, Localized> = {
  timeliness: { zh: '报送及时性', en: 'timeliness' },
  completeness: { zh: '报送完整性', en: 'completeness' },
  quality: { zh: '数据质量', en: 'data quality' },
  results: { zh: '目标完成情况', en: 'results' },
};

/**
 * The split of common 目标责任考核 practice (as in municipal 绩效考核 schemes):
 * work done on the targets weighs most (30), the reporting duties that make the
 * monitoring possible — on time, complete — a quarter each, the quality of
 * what was reported the rest. A cycle may set its own at launch.
 */
export const DEFAULT_ASSESSMENT_WEIGHTS: AssessmentWeights = {
  timeliness: 25,
  completeness: 25,
  quality: 20,
  results: 30,
};

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, Localized> = {
  excellent: { zh: '优秀', en: 'excellent' },
  good: { zh: '良好', en: 'good' },
  pass: { zh: '合格', en: 'pass' },
  fail: { zh: '不合格', en: 'fail' },
};

/** The usual 考核 bands: 优秀 from 90, 良好 from 80, 合格 from 60. */
export function grade(total: number): Grade {
  if (total >= 90) return 'excellent';
  if (total >= 80) return 'good';
  if (total >= 60) return 'pass';
  return 'fail';
}

/** Delivered late still delivers (合格 level); never delivered scores nothing. */
const TIMELINESS_SCORE: Record<Timeliness, number> = { on_time: 100, late: 60, missing: 0 };

/**
 * Points taken off data quality per occurrence, as 考核细则 count them (每发现一处扣…分):
 * a return or a value breaking a blocking rule means the data had to be done
 * again; a warning left standing on an approved value, or reasons pasted for
 * many items, is weaker evidence and costs half.
 */
export const QUALITY_DEDUCTIONS = { return: 10, blockingFinding: 10, warning: 5, boilerplate: 5 } as const;

/** Met (or ahead): full credit; slightly behind: half; lagging or never reported: none. */
const RESULT_CREDIT: Record<ProgressStatus, number> = {
  achieved: 1,
  requirement_met: 1,
  on_track: 1,
  slightly_behind: 0.5,
  lagging: 0,
  no_data: 0,
};

/** What a closed cycle knows of one lead department. */
export interface DepartmentFacts {
  department: string;
  timeliness: Timeliness;
  /** Items assigned to it as lead, and those approved at the close. */
  assigned: number;
  approved: number;
  /** Times its submissions were returned to it by its supervisor or the bureau. */
  returns: number;
  /** Data-quality findings (libs/rules/data-quality.ts) on its approved values, blocking and not. */
  blockingFindings: number;
  warnings: number;
  /** Its items whose reasons or measures are boilerplate (libs/rules/boilerplate.ts). */
  boilerplate: number;
  /** The statuses of its items judged against the path (indicators, tasks, projects). */
  statuses: ProgressStatus[];
}

/** 0–100 each; results is null for a department with no item judged against a path. */
export type ComponentScores = Record<Exclude<AssessmentComponent, 'results'>, number> & { results: number | null };

export interface DepartmentScore {
  department: string;
  components: ComponentScores;
  total: number;
  /** 1 is best; equal totals share a rank (1, 1, 3). */
  rank: number;
  grade: Grade;
  weights: AssessmentWeights;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function componentScores(f: DepartmentFacts): ComponentScores {
  const deducted =
    QUALITY_DEDUCTIONS.return * f.returns +
    QUALITY_DEDUCTIONS.blockingFinding * f.blockingFindings +
    QUALITY_DEDUCTIONS.warning * f.warnings +
    QUALITY_DEDUCTIONS.boilerplate * f.boilerplate;
  const credit = f.statuses.reduce((sum, s) => sum + RESULT_CREDIT[s], 0);
  return {
    timeliness: TIMELINESS_SCORE[f.timeliness],
    completeness: f.assigned === 0 ? 100 : round1((100 * f.approved) / f.assigned),
    quality: Math.max(0, 100 - deducted),
    results: f.statuses.length === 0 ? null : round1((100 * credit) / f.statuses.length),
  };
}

/**
 * The weighted total of the components that apply: one that does not (results
 * with nothing judged) is left out and the others' weights count in proportion.
 */
export function weightedTotal(
  components: Record<AssessmentComponent, number | null>,
  weights: AssessmentWeights,
): number {
  const present = ASSESSMENT_COMPONENTS.filter((c) => components[c] !== null);
  const weight = present.reduce((sum, c) => sum + weights[c], 0);
  if (weight === 0) return 0;
  return round1(present.reduce((sum, c) => sum + weights[c] * components[c]!, 0) / weight);
}

/** Every department scored, best first (ties by department code, so the order is stable). */
export function assessDepartments(facts: DepartmentFacts[], weights: AssessmentWeights): DepartmentScore[] {
  const scored = facts
    .map((f) => {
      const components = componentScores(f);
      return { department: f.department, components, total: weightedTotal(components, weights) };
    })
    .sort((a, b) => b.total - a.total || a.department.localeCompare(b.department));
  let rank = 0;
  return scored.map((s, i) => {
    if (i === 0 || s.total !== scored[i - 1].total) rank = i + 1;
    return { ...s, rank, grade: grade(s.total), weights };
  });
}

/**
 * The weights a launch may give (`assessmentWeights`): every component, each a
 * non-negative number, summing to 100. Each problem names the field.
 */
export function checkAssessmentWeights(weights: unknown): Localized[] {
  const field = 'assessmentWeights';
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights))
    return [
      {
        zh: `考核权重 ${field} 应为对象，包含 ${ASSESSMENT_COMPONENTS.join('、')}`,
        en: `${field} must be an object with ${ASSESSMENT_COMPONENTS.join(', ')}`,
      },
    ];
  const given = weights as Record<string, unknown>;
  const problems: Localized[] = [];
  for (const key of Object.keys(given).filter((k) => !(ASSESSMENT_COMPONENTS as readonly string[]).includes(k)))
    problems.push({
      zh: `考核权重 ${field}.${key} 不存在，可选：${ASSESSMENT_COMPONENTS.join('、')}`,
      en: `${field}.${key} is not a component; choose from ${ASSESSMENT_COMPONENTS.join(', ')}`,
    });
  for (const c of ASSESSMENT_COMPONENTS) {
    const w = given[c];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      problems.push({
        zh: `考核权重 ${field}.${c}（${ASSESSMENT_COMPONENT_LABELS[c].zh}）应为不小于0的数`,
        en: `${field}.${c} (${ASSESSMENT_COMPONENT_LABELS[c].en}) must be a number of at least 0`,
      });
  }
  if (problems.length > 0) return problems;
  const sum = ASSESSMENT_COMPONENTS.reduce((s, c) => s + (given[c] as number), 0);
  // Weights such as 33.3 leave a rounding remainder: a hundredth either way is 100.
  if (Math.abs(sum - 100) > 0.01)
    problems.push({
      zh: `考核权重 ${field} 之和应为100，现为${round1(sum)}`,
      en: `${field} must sum to 100; they sum to ${round1(sum)}`,
    });
  return problems;
}
