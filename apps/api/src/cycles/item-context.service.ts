/**
 * An item judged and set in context, from the same pure rules the report
 * uses (libs/rules): the supervisor's queue, each submission judged against
 * the expected path with what it changed since the last approval; a task's
 * text from the plan and who has contributed; a project's content, planned
 * investment and previous approved report, which a new report is checked against.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  IndicatorSubmission,
  PlanYears,
  ProjectSubmission,
  Submission,
  SubmissionError,
  WorkItemSpec,
} from '@libs/cycle/submission';
import { EvaluationCycle, WorkItem } from '@libs/persistence/entities';
import {
  ItemContextRepository,
  type EarlierApproval,
  type WaitingSubmission,
} from '@libs/persistence/repositories/item-context.repository';
import type { Localized } from '@libs/plan/localized';
import { isBehind, judgeCycleValue, lastApproved } from '@libs/rules/cycle-judgement';
import { checkValueQuality } from '@libs/rules/data-quality';
import { targetText } from '@libs/rules/expected';
import { roundTo } from '@libs/rules/precision';
import { elapsedShare, type ProgressStatus } from '@libs/rules/progress';
import { checkProjectReport, judgeProject, PROJECT_FLAG_LABELS, type ProjectReport } from '@libs/rules/project-status';
import { judgeTask } from '@libs/rules/task-status';
import type { Thresholds } from '@libs/rules/thresholds';
import { ItemAccess } from './item-access.service';
import type { LaunchedItem } from './launched-items';

/** One row of the review queue: the submission waiting and its judgement. */
export interface ReviewRow {
  cycleId: string;
  itemKey: string;
  kind: WorkItem['itemKind'];
  no: number;
  title: string;
  department: string;
  version: number;
  submittedAt: Date;
  payload: Submission;
  /** 约束性: a binding indicator (null for other kinds). */
  binding: boolean | null;
  unit: string | null;
  target: Localized | null;
  /** Against the expected path, as the report will judge it; null where no rule judges the kind. */
  status: ProgressStatus | null;
  expected: number | null;
  /** The last approved figure (an indicator's value, a project's cumulative investment) and the change from it. */
  previous: { year: number; value: number | boolean } | null;
  change: number | null;
  reasons: string | null;
  measures: string | null;
  evidence: number;
  /** Data-quality findings and a project's contradictions, in both languages. */
  warnings: Array<Localized & { rule: string }>;
}

/** A previous approved project report, with its year. */
export type PreviousReport = ProjectReport & { year: number };

export interface ItemContextView {
  /**
   * What an indicator's value is judged by: the plan's years and the cycle's
   * thresholds, as the submission check has them, so that the portal's form asks
   * for reasons and measures exactly when the API will require them.
   */
  indicator: null | { years: PlanYears; thresholds: Thresholds };
  task: null | {
    text: Localized;
    coDepartments: Array<Localized & { code: string; contributed: boolean; contributedAt: Date | null }>;
  };
  project: null | {
    content: string;
    totalInvestment: number;
    planPeriodInvestment: number | null;
    previous: PreviousReport | null;
  };
}

@Injectable()
export class ItemContext {
  private readonly records: ItemContextRepository;

  constructor(
    @Inject(DataSource) ds: DataSource,
    @Inject(ItemAccess) private readonly access: ItemAccess,
  ) {
    this.records = new ItemContextRepository(ds);
  }

  /** Submissions waiting for review, judged; binding indicators behind the path first, then anything behind. */
  async reviewQueue(cycle: EvaluationCycle, department?: string): Promise<ReviewRow[]> {
    const waiting = await this.records.waitingForReview(cycle.id, department);
    const keys = waiting.map((w) => w.item.itemKey);
    const earlier = await this.records.earlierApprovals(cycle.planCode, cycle.toYear, keys);
    const nos = (kind: string) => waiting.filter((w) => w.item.itemKind === kind).map((w) => w.item.itemNo);
    const indicators = new Map((await this.records.indicators(cycle.planCode, nos('indicator'))).map((i) => [i.no, i]));
    const projects = new Map((await this.records.projects(cycle.planCode, nos('project'))).map((p) => [p.no, p]));
    const judge = await this.judging(cycle);
    const rows = waiting.map((w) =>
      judge(
        w,
        earlier.filter((e) => e.itemKey === w.item.itemKey),
        {
          binding: w.item.itemKind === 'indicator' ? indicators.get(w.item.itemNo)?.attribute === 'binding' : null,
          planned: projects.get(w.item.itemNo)?.planPeriodInvestment ?? null,
        },
      ),
    );
    const rank = (r: ReviewRow) => (r.status && isBehind(r.status) ? (r.binding ? 0 : 1) : 2);
    return rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
      .map(({ r }) => r);
  }

  /** An indicator's judging rules; a task's text and co-operating departments' contributions; a project's content, money and previous report. */
  async context(cycle: EvaluationCycle, item: WorkItem): Promise<ItemContextView> {
    const view: ItemContextView = { indicator: null, task: null, project: null };
    if (item.itemKind === 'indicator') view.indicator = await this.access.submissionRules(cycle.id);
    if (item.itemKind === 'task') {
      const task = await this.records.task(cycle.planCode, item.itemNo);
      const contributions = await this.records.contributions(cycle.id, item.itemKey);
      const names = new Map((await this.records.departments(item.coDepartments)).map((d) => [d.code, d]));
      view.task = {
        text: {
          zh: task ? `${task.title}。${task.details}` : item.title,
          en: task?.titleEn ? `${task.titleEn}. ${task.detailsEn ?? ''}`.trim() : item.title,
        },
        coDepartments: item.coDepartments.map((code) => {
          const last = contributions.find((c) => c.department === code);
          return {
            code,
            zh: names.get(code)?.name ?? code,
            en: names.get(code)?.nameEn ?? code,
            contributed: last !== undefined,
            contributedAt: last?.at ?? null,
          };
        }),
      };
    }
    if (item.itemKind === 'project') {
      const [project] = await this.records.projects(cycle.planCode, [item.itemNo]);
      view.project = {
        content: project?.content ?? '',
        totalInvestment: project?.totalInvestment ?? 0,
        planPeriodInvestment: project?.planPeriodInvestment ?? null,
        previous: await this.previousReport(cycle, item),
      };
    }
    return view;
  }

  /** A project's report against the previous approved one (nothing for other kinds): each refusal names its field. */
  async checkAgainstPrevious(cycleId: string, item: LaunchedItem, s: Submission): Promise<SubmissionError[]> {
    if (s.kind !== 'project' || item.itemKind !== 'project') return [];
    // The cycle is read only here: the other submissions wait on one query fewer.
    return checkProjectReport(s, await this.previousReport(await this.access.cycle(cycleId), item));
  }

  private async previousReport(cycle: EvaluationCycle, item: LaunchedItem): Promise<PreviousReport | null> {
    const earlier = await this.records.earlierApprovals(cycle.planCode, cycle.toYear, [item.itemKey]);
    return previousProjectReport(earlier);
  }

  /** Judges one waiting submission by the cycle's rules: the value with the earlier years' approved ones. */
  private async judging(cycle: EvaluationCycle) {
    const { years, thresholds } = await this.access.submissionRules(cycle.id);
    const period = { baselineYear: years.baselineYear, endYear: years.endYear };
    const elapsed = elapsedShare(cycle.toYear, period);
    return (
      { item, latest }: WaitingSubmission,
      earlier: EarlierApproval[],
      catalog: { binding: boolean | null; planned: number | null },
    ): ReviewRow => {
      const payload = latest.payload as Submission;
      const spec = item.spec as WorkItemSpec;
      const row: ReviewRow = {
        cycleId: item.cycleId,
        itemKey: item.itemKey,
        kind: item.itemKind,
        no: item.itemNo,
        title: item.title,
        department: item.department,
        version: latest.version,
        submittedAt: latest.submittedAt,
        payload,
        binding: catalog.binding,
        unit: spec.indicator?.unit ?? null,
        target: spec.indicator ? targetText(spec.indicator.target) : null,
        status: null,
        expected: null,
        previous: null,
        change: null,
        reasons: null,
        measures: null,
        evidence: payload.evidence?.length ?? 0,
        warnings: [],
      };
      if (payload.kind === 'indicator' && spec.indicator) {
        const rule = spec.indicator;
        const prior = earlier.map((e) => [e.year, (e.payload as unknown as IndicatorSubmission).value] as const);
        const progress = judgeCycleValue({ rule, cycle, period, thresholds, value: payload.value, prior });
        const previous = lastApproved(rule, cycle.toYear, prior, period);
        const before = typeof previous?.value === 'number' ? previous.value : null;
        const quality =
          typeof payload.value === 'number'
            ? checkValueQuality({ no: spec.no, unit: rule.unit }, payload.value, before).map((w) => ({
                ...w.message,
                rule: w.rule,
              }))
            : [];
        return {
          ...row,
          status: progress.status,
          expected: progress.expected,
          previous,
          change: typeof payload.value === 'number' && before !== null ? roundTo(payload.value - before, 4) : null,
          reasons: payload.reasons ?? null,
          measures: payload.measures ?? null,
          warnings: quality,
        };
      }
      if (payload.kind === 'project') {
        const previous = previousProjectReport(earlier);
        const judged = judgeProject({ planned: catalog.planned, current: payload, previous, elapsed, thresholds });
        return {
          ...row,
          status: judged.status,
          previous: previous && { year: previous.year, value: previous.investmentCumulative },
          change: previous ? roundTo(payload.investmentCumulative - previous.investmentCumulative, 4) : null,
          reasons: payload.narrative ?? null,
          warnings: judged.flags.map((f) => ({ ...PROJECT_FLAG_LABELS[f], rule: f })),
        };
      }
      if (payload.kind === 'task')
        return { ...row, status: judgeTask(payload.progress, elapsed), reasons: payload.narrative };
      return { ...row, reasons: 'narrative' in payload ? (payload.narrative ?? null) : null };
    };
  }
}

/** The latest earlier approved report of a project. */
function previousProjectReport(earlier: EarlierApproval[]): PreviousReport | null {
  const last = [...earlier].sort((a, b) => b.year - a.year)[0];
  if (!last) return null;
  const p = last.payload as unknown as ProjectSubmission;
  return { year: last.year, investmentCumulative: p.investmentCumulative, constructionStatus: p.constructionStatus };
}
