/**
 * 规划调整建议: which targets an evaluation should propose revisiting. Two
 * kinds, both on a path target (a point to reach, a cumulative total):
 * - ahead: reached before the plan's last year, or moving so fast (progress
 *   ratio ≥ FAR_AHEAD_RATIO) that it will be; the target may be set too low;
 * - unreachable: lagging, and at the present pace the plan's end brings only a
 *   share of the planned change (the ratio: achieved change per year stays what
 *   it has been, so the share reached by the end equals the share reached of
 *   what is expected now).
 * Bounds, "stay above" targets, projections and qualitative targets are not
 * adjusted for pace: they hold or break, and the findings say so elsewhere.
 * At the plan's last year nothing is proposed: the plan is over.
 */
import type { Basis, ProgressStatus } from './progress';

/** At one and a half times the expected pace a five-year target falls due in under four years. */
export const FAR_AHEAD_RATIO = 1.5;

const PATH_BASES: readonly Basis[] = ['straight_path', 'path_from_zero', 'cumulative_share', 'target_met'];

export interface JudgedIndicator {
  no: number;
  status: ProgressStatus;
  basis: Basis;
  ratio: number | null;
}

export type AdjustmentProposal =
  | { kind: 'ahead'; indicator: number; ratio: number | null }
  | { kind: 'unreachable'; indicator: number; projectedShare: number };

export function proposeAdjustments(
  indicators: readonly JudgedIndicator[],
  year: number,
  endYear: number,
): AdjustmentProposal[] {
  if (year >= endYear) return [];
  return indicators.flatMap((i): AdjustmentProposal[] => {
    if (!PATH_BASES.includes(i.basis)) return [];
    if (i.status === 'achieved' || (i.ratio !== null && i.ratio >= FAR_AHEAD_RATIO))
      return [{ kind: 'ahead', indicator: i.no, ratio: i.ratio }];
    if (i.status === 'lagging' && i.ratio !== null)
      return [{ kind: 'unreachable', indicator: i.no, projectedShare: Math.max(0, i.ratio) }];
    return [];
  });
}
