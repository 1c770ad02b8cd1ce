/**
 * 动态调整修订: a target the plan's government approved changing after a
 * mid-term or annual evaluation. The plan's own target never changes; an
 * approved adjustment is a new version of it from its effective year, and an
 * evaluation judges each item against the target in force for the year it
 * evaluates, showing the original beside it. Pure: the caller reads the
 * approved adjustments.
 */
import type { Localized } from '../plan/localized';
import { parseTarget, type Target } from './target';

/**
 * What an adjustment changes: an indicator's target (printed as the plan prints
 * targets) or a major project's plan-period investment (万元).
 */
export const ADJUSTED_ITEM_KINDS = ['indicator', 'project'] as const;
export type AdjustedItemKind = (typeof ADJUSTED_ITEM_KINDS)[number];

/** An approved adjustment as evaluations use it. */
export interface ApprovedAdjustment {
  id: number;
  itemKind: AdjustedItemKind;
  itemNo: number;
  /** As the plan prints it (an indicator's target text, a project's investment in 万元). */
  originalTarget: string;
  adjustedTarget: string;
  /** The first evaluated year judged against the adjusted target. */
  effectiveYear: number;
  reason: string;
  /** ISO time of the approver's approval: of two in force, the later approval decides. */
  approvedAt: string;
}

/** An approved adjustment with the people who approved it, in order (the lead department's supervisor, the approver). */
export interface AdjustmentOfRecord extends ApprovedAdjustment {
  approvals: Array<{ name: string; role: 'supervisor' | 'approver'; department: string | null; at: string }>;
}

/**
 * The adjustment in force for an evaluated year: the latest approved one whose
 * effective year has come (by approval, then id); null: the plan's own target.
 */
export function adjustmentInForce<A extends Pick<ApprovedAdjustment, 'effectiveYear' | 'approvedAt' | 'id'>>(
  adjustments: readonly A[],
  year: number,
): A | null {
  let latest: A | null = null;
  for (const a of adjustments) {
    if (a.effectiveYear > year) continue;
    if (!latest || a.approvedAt > latest.approvedAt || (a.approvedAt === latest.approvedAt && a.id > latest.id))
      latest = a;
  }
  return latest;
}

export type AdjustedTarget = { kind: 'indicator'; target: Target } | { kind: 'project'; investment: number };

/**
 * An adjusted target read by the rules that read the plan's: an indicator's by
 * the plan's target forms, kept of the same family as the one it replaces (a
 * 〔〕 five-year total stays one, a qualitative goal is not adjusted: it holds
 * or breaks); a project's investment as a positive figure in 万元.
 */
export function parseAdjustedTarget(
  item: { kind: 'indicator'; target: Target } | { kind: 'project' },
  printed: string,
): { ok: true; value: AdjustedTarget } | { ok: false; reason: Localized } {
  if (item.kind === 'project') {
    const text = printed.trim();
    const investment = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
    if (!(investment > 0))
      return {
        ok: false,
        reason: {
          zh: `调整后的规划期投资“${printed}”应为大于0的金额（万元）`,
          en: `the adjusted plan-period investment "${printed}" must be an amount above 0 (10k yuan)`,
        },
      };
    return { ok: true, value: { kind: 'project', investment } };
  }
  if (item.target.kind === 'qualitative')
    return {
      ok: false,
      reason: {
        zh: '定性目标（如“应保尽保”“动态清零”）不作数值调整',
        en: 'a qualitative target (such as full coverage or kept at zero) is not adjusted to a figure',
      },
    };
  const parsed = parseTarget(printed);
  if (!parsed.ok || parsed.value.kind === 'qualitative')
    return {
      ok: false,
      reason: {
        zh: `调整后目标“${printed}”不是规划目标的写法（如 11.5、≥95、＜8、4.0以内、稳定在85以上、3.5-4.0、〔12.5〕）`,
        en: `the adjusted target "${printed}" is not a form the plan prints targets in (e.g. 11.5, ≥95, ＜8, 4.0以内, 稳定在85以上, 3.5-4.0, 〔12.5〕)`,
      },
    };
  // A 〔〕 target is summed over the years, any other read year by year: the judgement's rule must stay the same.
  const cumulative = item.target.kind === 'cumulative';
  if ((parsed.value.kind === 'cumulative') !== cumulative)
    return {
      ok: false,
      reason: cumulative
        ? {
            zh: '该指标为五年累计值，调整后目标也应写作累计值，如〔12.5〕',
            en: 'this indicator is a five-year total: write the adjusted target as one, e.g. 〔12.5〕',
          }
        : {
            zh: '该指标按年度值评估，调整后目标不能写作五年累计值〔〕',
            en: 'this indicator is judged on its yearly value: the adjusted target cannot be a five-year total 〔〕',
          },
    };
  return { ok: true, value: { kind: 'indicator', target: parsed.value } };
}

/** The years an adjustment may take effect from: after the year it was proposed at, within the plan. */
export function effectiveYearProblem(
  effectiveYear: number,
  proposedAt: { toYear: number },
  plan: { endYear: number },
): Localized | null {
  if (effectiveYear > proposedAt.toYear && effectiveYear <= plan.endYear) return null;
  return {
    zh: `生效年份应在${proposedAt.toYear + 1}–${plan.endYear}年之间（提出调整的评估所评年份之后、规划期内）`,
    en: `the effective year must be between ${proposedAt.toYear + 1} and ${plan.endYear} (after the year the proposing evaluation covers, within the plan)`,
  };
}
