/**
 * A major project's (附件3) status against time elapsed, in the indicators'
 * vocabulary, and the contradictions a bureau must query before it signs.
 * Pure: no I/O.
 *
 * - Investment completed in the plan period ÷ the planned plan-period
 *   investment is set against the share of the period elapsed (时间过半、投资
 *   过半): the ratio of the two is judged by the cycle's thresholds, as an
 *   indicator's progress is. 11.3 % invested at 60 % of the time is a ratio of
 *   0.19: lagging.
 * - Construction status weighs in: 已竣工 (completed) is achieved whatever the
 *   money says; a project with no planned plan-period investment is judged by
 *   its status alone (under construction on track; not started or still in
 *   preparation once half the period has gone, lagging).
 * - Contradictions are flagged, not resolved: all the planned money spent but
 *   still under construction; a status moving backwards from last year's
 *   (在建 → 前期工作); a cumulative investment lower than last year's.
 */
import type { ConstructionStatus } from '../cycle/submission';
import type { Localized } from '../plan/localized';
import type { ProgressStatus } from './progress';
import type { Thresholds } from './thresholds';

export interface ProjectReport {
  /** 万元, cumulative within the plan period. */
  investmentCumulative: number;
  constructionStatus: ConstructionStatus;
}

export type ProjectFlag = 'invested_not_completed' | 'status_regressed' | 'investment_decreased';

export const PROJECT_FLAG_LABELS: Record<ProjectFlag, { zh: string; en: string }> = {
  invested_not_completed: { zh: '计划投资已完成但仍未竣工', en: 'planned investment spent but not completed' },
  status_regressed: { zh: '建设状态较上年倒退', en: 'construction status went backwards from last year' },
  investment_decreased: { zh: '累计完成投资低于上年', en: 'cumulative investment lower than last year' },
};

export interface ProjectJudgement {
  status: ProgressStatus;
  /** Investment completed ÷ planned plan-period investment; null without either. */
  completionShare: number | null;
  /** completionShare ÷ time elapsed; null where the money cannot be judged. */
  ratio: number | null;
  flags: ProjectFlag[];
}

/** The order a project moves through: a later report earlier in this list went backwards. */
const STAGE: Record<ConstructionStatus, number> = { not_started: 0, preparing: 1, under_construction: 2, completed: 3 };

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export function judgeProject(input: {
  /** 万元, the investment the plan plans for its period; null or 0 where the plan gives none. */
  planned: number | null;
  current: ProjectReport | null;
  /** The latest earlier approved report (last year's annual cycle), if any. */
  previous: ProjectReport | null;
  /** Share of the plan period elapsed (0–1). */
  elapsed: number;
  thresholds: Thresholds;
}): ProjectJudgement {
  const { planned, current, previous, elapsed, thresholds } = input;
  if (!current) return { status: 'no_data', completionShare: null, ratio: null, flags: [] };

  const flags: ProjectFlag[] = [];
  const completionShare = planned ? round4(current.investmentCumulative / planned) : null;
  if (completionShare !== null && completionShare >= 1 && current.constructionStatus !== 'completed')
    flags.push('invested_not_completed');
  if (previous && statusRegressed(current, previous)) flags.push('status_regressed');
  if (previous && current.investmentCumulative < previous.investmentCumulative) flags.push('investment_decreased');

  if (current.constructionStatus === 'completed')
    return {
      status: 'achieved',
      completionShare,
      ratio: completionShare === null ? null : round4(completionShare / Math.max(elapsed, 1e-9)),
      flags,
    };
  if (completionShare === null || elapsed <= 0) {
    const started = current.constructionStatus === 'under_construction';
    return {
      status: started ? 'on_track' : elapsed >= 0.5 ? 'lagging' : 'slightly_behind',
      completionShare,
      ratio: null,
      flags,
    };
  }
  const ratio = round4(completionShare / elapsed);
  const status: ProgressStatus =
    ratio >= thresholds.onTrack ? 'on_track' : ratio >= thresholds.slightlyBehind ? 'slightly_behind' : 'lagging';
  return { status, completionShare, ratio, flags };
}

/** A construction status earlier in a project's course than the previous report's (在建 → 前期工作). */
export const statusRegressed = (current: ProjectReport, previous: ProjectReport): boolean =>
  STAGE[current.constructionStatus] < STAGE[previous.constructionStatus];

/**
 * What a project's report must answer for against the previous approved one
 * (the latest earlier annual cycle's), before it is accepted: the cumulative
 * investment cannot fall below it (money spent stays spent; a wrong earlier
 * figure is corrected by reopening that cycle), and a status moving backwards
 * needs its reason in the narrative. Each refusal names its field.
 */
export function checkProjectReport(
  current: ProjectReport & { narrative?: string },
  previous: (ProjectReport & { year: number }) | null,
): Array<Localized & { field: string }> {
  if (!previous) return [];
  const problems: Array<Localized & { field: string }> = [];
  if (current.investmentCumulative < previous.investmentCumulative)
    problems.push({
      field: 'investmentCumulative',
      zh: `累计完成投资不能低于${previous.year}年已审核的${previous.investmentCumulative}万元`,
      en: `cumulative investment cannot be below the ${previous.investmentCumulative} (10k yuan) approved for ${previous.year}`,
    });
  if (statusRegressed(current, previous) && !current.narrative?.trim())
    problems.push({
      field: 'narrative',
      zh: `建设状态较${previous.year}年已审核的状态倒退，请在情况说明中写明原因`,
      en: `the construction status goes back from the one approved for ${previous.year}: give the reason in the notes`,
    });
  return problems;
}
