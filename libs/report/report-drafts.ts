/**
 * The chapters the system drafts for the bureau to edit: 存在的主要问题 and
 * 对策建议 with 规划调整建议. Each paragraph is drafted from a finding in the
 * figures (items behind their path, warned requirements, projects behind time
 * elapsed or with contradictions, basic public services not delivered to
 * standard, departments that reported late or not at all, boilerplate reasons,
 * questionable baselines, targets ahead of or out of reach at their pace); a
 * finding absent from the figures drafts nothing. The
 * figures themselves are never drafted text: every number quoted comes from them.
 */
import type { Locale } from '../plan/localized';
import type { AdjustmentProposal } from '../rules/plan-adjustment';
import type { CycleReportFigures } from './cycle-report';
import { PLAN_NAMES } from './report-names';
import { SERVICE_TEXT, serviceShortfallItems } from './report-services';
import { behindPath, notedIndicators, pct, REPORT_TEXT, warnedIndicators, type ReportText } from './report-text';

type Indicator = CycleReportFigures['indicators'][number];

/**
 * One drafted paragraph. `key` names the finding it is drafted from (`problems.behind`,
 * `adjustments.indicator-11`): the same finding has the same key in both languages and
 * in every recompile, so the bureau's edit of it (libs/report/report-edits.ts) outlives a reopen.
 */
export interface DraftedParagraph {
  key: string;
  text: string;
}

export const DRAFTED_CHAPTERS = ['problems', 'recommendations', 'adjustments'] as const;
export type DraftedChapter = (typeof DRAFTED_CHAPTERS)[number];

export interface DraftedChapters extends Record<DraftedChapter, DraftedParagraph[]> {
  /** The note that opens a drafted chapter: what the bureau is reading. */
  notice: string;
}

interface DraftWords {
  notice: string;
  list(names: string[]): string;
  indicator(i: Indicator): string;
  bindingBehind(items: string): string;
  behind(n: number, items: string): string;
  warned(n: number, items: string): string;
  projects(f: CycleReportFigures, behind: number): string;
  flagged(n: number): string;
  tasksBehind(n: number, items: string): string;
  reporting(late: string[], missing: string[], noData: number): string;
  boilerplate(n: number, departments: string): string;
  dataQuality(items: string): string;
  noProblems: string;
  fixBinding(items: string): string;
  fixBehind: string;
  fixProjects: string;
  fixReporting: string;
  fixBoilerplate: string;
  fixData: string;
  always: string;
  ahead(i: Indicator, p: Extract<AdjustmentProposal, { kind: 'ahead' }>, f: CycleReportFigures): string;
  unreachable(i: Indicator, p: Extract<AdjustmentProposal, { kind: 'unreachable' }>, f: CycleReportFigures): string;
  noAdjustments: string;
}

const ZH: DraftWords = {
  notice: '【草拟】本章由系统根据评估结果草拟，数字均取自评估数据，文字供市统计局修改审定。',
  list: (names) => names.join('、'),
  indicator: (i) => `“${i.name}”（第${i.no}项）`,
  bindingBehind: (items) => `约束性指标${items}未达到时序进度，是本次评估最突出的问题。`,
  behind: (n, items) => `${n}项指标进度滞后：${items}。`,
  warned: (n, items) => `${n}项指标虽达到目标要求，但接近限值或较基期变差：${items}，存在反弹风险。`,
  projects: (f, behind) =>
    `重大项目投资完成偏慢：已报送项目累计完成“十四五”计划投资的${pct(f.summary.projects.completionShare)}，低于规划期时间进度${pct(f.summary.projects.elapsed)}，${behind}个项目滞后或略滞后于时序进度。`,
  flagged: (n) =>
    `${n}个重大项目的报送数据存在矛盾（如投资已全部完成但仍在建、建设状态倒退、累计投资减少），数据质量有待提高。`,
  tasksBehind: (n, items) => `${n}项主要任务推进滞后：${items}。`,
  reporting: (late, missing, noData) =>
    `部分部门报送不够及时：${late.length ? `${late.join('、')}逾期报送` : ''}${late.length && missing.length ? '；' : ''}${missing.length ? `${missing.join('、')}未按要求报送` : ''}${noData ? `，共${noData}项指标无数据` : ''}。`,
  boilerplate: (n, departments) =>
    `部分原因分析和下一步措施照搬套用、流于形式：${n}处表述在多项指标中雷同（涉及${departments}）。`,
  dataQuality: (items) => `个别指标基期数据存疑或缺失：${items}，影响评价的准确性。`,
  noProblems: '本次评估未发现突出问题。',
  fixBinding: (items) =>
    `紧盯约束性指标：对${items}，牵头单位要深入分析原因，制定专项工作方案，明确时间表和责任人，市统计局按季度跟踪监测。`,
  fixBehind:
    '加快推进滞后指标：各牵头单位对照规划目标，查找差距，加大资源投入和政策支持力度，确保规划期末完成目标任务。',
  fixProjects:
    '加快重大项目建设：对滞后项目逐个分析原因，协调解决用地、资金等制约因素，推动项目按计划开工建设、尽早竣工。',
  fixReporting: '压实监测报送责任：将报送及时性和数据质量纳入部门目标责任考核，逾期未报的部门限期补报。',
  fixBoilerplate: '提高分析质量：督促相关部门结合本领域实际据实分析原因、提出有针对性的措施，避免照搬套用。',
  fixData: '夯实统计基础：对基期数据存疑或缺失的指标，由牵头单位会同统计部门核实数据口径和来源。',
  always: '强化规划实施的监测评估：坚持年度监测、中期评估和总结评估制度，评估结果向社会公开并作为考核的重要依据。',
  ahead: (i, p, f) =>
    `${ZH.indicator(i)}${p.ratio === null ? '已提前实现规划目标' : `进度比已达${p.ratio.toFixed(2)}，明显快于时序进度`}（目标${i.target}，本期${f.cycle.toYear}年），建议在规划调整时研究适当提高目标。`,
  unreachable: (i, p, f) =>
    `${ZH.indicator(i)}按目前进度，到${f.plan.endYear}年规划期末仅能实现规划增量的${pct(p.projectedShare)}，建议牵头单位分析原因、加大力度；确属目标设定不合理的，按程序提出调整建议。`,
  noAdjustments: '从本期评估结果看，暂无需要调整的规划目标。',
};

const EN: DraftWords = {
  notice:
    '[Draft] This chapter was drafted by the system from the evaluation’s findings; every figure comes from the evaluation data, the wording is for the statistics bureau to edit and approve.',
  list: (names) => names.join(', '),
  indicator: (i) => `“${PLAN_NAMES.en.indicator(i)}” (no. ${i.no})`,
  bindingBehind: (items) =>
    `Binding indicators ${items} are behind the time-elapsed path: the most serious finding of this evaluation.`,
  behind: (n, items) => `${n} indicator(s) are behind their path: ${items}.`,
  warned: (n, items) =>
    `${n} indicator(s) meet their requirement but are close to the limit or worse than the baseline: ${items}; they may slip back.`,
  projects: (f, behind) =>
    `Investment in the major projects is slow: the projects that reported have completed ${pct(f.summary.projects.completionShare)} of their plan-period investment against ${pct(f.summary.projects.elapsed)} of the period elapsed; ${behind} project(s) are behind or slightly behind time elapsed.`,
  flagged: (n) =>
    `The reports of ${n} major project(s) contradict themselves (all investment done yet still under construction, status going backwards, cumulative investment falling): the data need checking.`,
  tasksBehind: (n, items) => `${n} main task(s) are behind: ${items}.`,
  reporting: (late, missing, noData) =>
    `Some departments did not report on time: ${late.length ? `${late.join(', ')} reported late` : ''}${late.length && missing.length ? '; ' : ''}${missing.length ? `${missing.join(', ')} did not report as required` : ''}${noData ? `; ${noData} indicator(s) have no data` : ''}.`,
  boilerplate: (n, departments) =>
    `Some reasons and measures are copied rather than analysed: ${n} text(s) repeat across several indicators (${departments}).`,
  dataQuality: (items) => `Some baselines are missing or questionable: ${items}, which weakens the evaluation.`,
  noProblems: 'This evaluation found no serious problem.',
  fixBinding: (items) =>
    `Focus on the binding indicators: for ${items}, the lead departments analyse the causes and set out a dedicated plan with a timetable and named responsibilities; the statistics bureau monitors them quarterly.`,
  fixBehind:
    'Speed up the indicators behind their path: each lead department measures the gap to its target and commits the resources and policies needed to reach it by the end of the plan.',
  fixProjects:
    'Speed up the major projects: analyse each lagging project, resolve land, funding and other constraints, and bring projects to construction and completion as planned.',
  fixReporting:
    'Make reporting a responsibility: timeliness and data quality count in the departments’ target-responsibility assessment; departments that did not report do so by a set date.',
  fixBoilerplate:
    'Improve the analysis: departments explain their own causes and propose measures that fit their field, rather than repeating stock phrases.',
  fixData:
    'Strengthen the statistics: for indicators with a missing or questionable baseline, the lead department and the statistics bureau check the definition and source of the data.',
  always:
    'Keep monitoring the plan: annual monitoring, the mid-term and the final evaluation continue; results are published and used in the assessment of departments.',
  ahead: (i, p, f) =>
    `${EN.indicator(i)} ${p.ratio === null ? 'has already reached its target' : `is moving well ahead of its path (progress ratio ${p.ratio.toFixed(2)})`} (target ${PLAN_NAMES.en.target(i)}, ${f.cycle.toYear}); consider raising the target when the plan is revised.`,
  unreachable: (i, p, f) =>
    `At its present pace, ${EN.indicator(i)} will achieve only ${pct(p.projectedShare)} of the planned change by the end of the plan in ${f.plan.endYear}; the lead department should analyse why and step up its work, and propose an adjustment through the set procedure if the target itself is unrealistic.`,
  noAdjustments: 'On this evaluation’s results, no target needs adjusting.',
};

const WORDS: Record<Locale, DraftWords> = { 'zh-CN': ZH, en: EN };

export function draftChapters(f: CycleReportFigures, locale: Locale): DraftedChapters {
  const w = WORDS[locale];
  const t: ReportText = REPORT_TEXT[locale];
  const names = (items: Indicator[]) => w.list(items.map(w.indicator));
  const byNo = new Map(f.indicators.map((i) => [i.no, i]));
  // A set: with thousands of binding indicators behind, a list search per indicator grew with the square.
  const notOnTrack = new Set(f.summary.bindingNotOnTrack);
  const bindingBehind = f.indicators.filter((i) => notOnTrack.has(i.no));
  const behind = behindPath(f).filter((i) => i.attribute !== 'binding');
  const warned = warnedIndicators(f);
  const noted = notedIndicators(f);
  const projectsBehind = f.summary.projects.byStatus.lagging + f.summary.projects.byStatus.slightly_behind;
  const tasksBehind = f.tasks.filter((x) => x.status === 'lagging' || x.status === 'slightly_behind');
  const late = f.timeliness.filter((d) => d.timeliness === 'late').map((d) => t.name(f, d.name));
  const missing = f.timeliness.filter((d) => d.timeliness === 'missing').map((d) => t.name(f, d.name));
  const noData = f.summary.byStatus.no_data;
  const reportingLapses = late.length > 0 || missing.length > 0;
  const services = SERVICE_TEXT[locale];
  const servicesShort = serviceShortfallItems(f);
  const boilerplateDepartments = [...new Set(f.boilerplate.flatMap((b) => b.departments))].map((d) => t.name(f, d));

  // Each finding drafts under its own key: `when` false drafts nothing.
  const drafted = (chapter: DraftedChapter, parts: Array<[string, boolean, () => string]>): DraftedParagraph[] =>
    parts.flatMap(([finding, when, text]) => (when ? [{ key: `${chapter}.${finding}`, text: text() }] : []));
  const problems = drafted('problems', [
    ['binding_behind', bindingBehind.length > 0, () => w.bindingBehind(names(bindingBehind))],
    ['behind', behind.length > 0, () => w.behind(behind.length, names(behind))],
    ['warned', warned.length > 0, () => w.warned(warned.length, names(warned))],
    ['projects', projectsBehind > 0, () => w.projects(f, projectsBehind)],
    ['projects_flagged', f.summary.projects.flagged > 0, () => w.flagged(f.summary.projects.flagged)],
    [
      'tasks',
      tasksBehind.length > 0,
      () => w.tasksBehind(tasksBehind.length, w.list(tasksBehind.map((x) => `${x.no}. ${PLAN_NAMES[locale].task(x)}`))),
    ],
    ['services', servicesShort.length > 0, () => services.problem(f, servicesShort)],
    ['reporting', reportingLapses, () => w.reporting(late, missing, noData)],
    [
      'boilerplate',
      f.boilerplate.length > 0,
      () => w.boilerplate(f.boilerplate.length, w.list(boilerplateDepartments)),
    ],
    ['data_quality', noted.length > 0, () => w.dataQuality(names(noted))],
  ]);
  const recommendations = drafted('recommendations', [
    ['binding', bindingBehind.length > 0, () => w.fixBinding(names(bindingBehind))],
    ['behind', behind.length > 0, () => w.fixBehind],
    ['projects', projectsBehind > 0 || f.summary.projects.flagged > 0, () => w.fixProjects],
    ['services', servicesShort.length > 0, () => services.fix],
    ['reporting', reportingLapses, () => w.fixReporting],
    ['boilerplate', f.boilerplate.length > 0, () => w.fixBoilerplate],
    ['data', noted.length > 0, () => w.fixData],
    ['monitoring', true, () => w.always],
  ]);
  const adjustments = drafted(
    'adjustments',
    f.adjustments.flatMap((p) => {
      const i = byNo.get(p.indicator);
      if (!i) return [];
      return [[`indicator-${i.no}`, true, () => (p.kind === 'ahead' ? w.ahead(i, p, f) : w.unreachable(i, p, f))]];
    }),
  );
  return {
    notice: w.notice,
    problems: problems.length ? problems : [{ key: 'problems.none', text: w.noProblems }],
    recommendations,
    adjustments: adjustments.length ? adjustments : [{ key: 'adjustments.none', text: w.noAdjustments }],
  };
}
