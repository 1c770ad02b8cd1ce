/**
 * The words of the report, one label set per language: every format (Word,
 * Excel, HTML) is written once in zh-CN, the default, and once in English,
 * from the same figures. The plan's own texts (indicators, targets, tasks,
 * projects) take their English twins in the English rendition (report-names.ts);
 * categories and departments their English names from the figures' glossary.
 */
import { CYCLE_KIND_LABELS, type CycleKind } from '../cycle/cycle-definition';
import type { ConstructionStatus, ReserveStage, TaskProgress } from '../cycle/submission';
import type { Timeliness } from '../cycle/timeliness';
import type { Locale } from '../plan/localized';
import type { Boilerplate } from '../rules/boilerplate';
import type { IndicatorNote } from '../rules/plan-evaluation';
import { STATUS_LABELS, type IndicatorWarning, type ProgressStatus } from '../rules/progress';
import { limitMargin, THRESHOLD_PRESET_LABELS, type Thresholds } from '../rules/thresholds';
import { PROJECT_FLAG_LABELS, type ProjectFlag } from '../rules/project-status';
import { RESERVE_STANDINGS } from '../rules/reserve-projects';
import type { CycleReportFigures } from './cycle-report';
import { PLAN_NAMES, withOriginal } from './report-names';

/** A preset by its name (时序进度), never its code; numbers set by hand read 自定义. */
const presetName = (t: Thresholds) =>
  t.preset === 'custom' ? { zh: '自定义', en: 'custom' } : THRESHOLD_PRESET_LABELS[t.preset];

export type { Locale } from '../plan/localized';
export const REPORT_LOCALES: Locale[] = ['zh-CN', 'en'];

type Indicator = CycleReportFigures['indicators'][number];
type Project = CycleReportFigures['projects'][number];
type ReserveProject = CycleReportFigures['reserveProjects'][number];
type Task = CycleReportFigures['tasks'][number];

export interface ReportText {
  locale: Locale;
  title(f: CycleReportFigures): string;
  /** The line under the title: the other language's title. */
  subtitle(f: CycleReportFigures): string;
  /** Chapter and section titles without their numbers: the outline numbers them (libs/report/report-outline.ts). */
  headings: {
    overview: string;
    indicators: string;
    binding: string;
    byCategory: string;
    behind: string;
    warned: string;
    notes: string;
    targets: string;
    tasks: string;
    projects: string;
    planned: string;
    reserve: string;
    /** Under the reserve projects: those moved into the plan. */
    moved: string;
    problems: string;
    /** Within the problems: the reasons and measures written in the same words. */
    boilerplate: string;
    /** The chapter holding the recommendations and the adjustments. */
    advice: string;
    recommendations: string;
    adjustments: string;
    annex: string;
    timeliness: string;
  };
  /** The numbers of chapters (一、) and of sections within one (（一）). */
  chapterNo(n: number): string;
  sectionNo(n: number): string;
  headers: {
    indicators: string[];
    tasks: string[];
    projects: string[];
    timeliness: string[];
    targets: string[];
    /** The Excel annex's fuller columns. */
    indicatorSheet: string[];
    taskSheet: string[];
    projectSheet: string[];
    reserveSheet: string[];
    timelinessSheet: string[];
    /** After each sheet's own columns: the version, who submitted and approved it (name, unit, time). */
    source: string[];
  };
  sheets: {
    summary: string;
    indicators: string;
    tasks: string;
    targets: string;
    projects: string;
    reserve: string;
    timeliness: string;
  };
  charts: {
    byCategory: string;
    binding: string;
    onTrackLine: string;
    slightlyBehindLine: string;
    projects: string;
    timeliness: string;
    indicatorCount: string;
    indicatorNo: string;
    ratioAxis: string;
    projectNo: string;
    completionAxis: string;
    elapsedLine: string;
  };
  status(s: ProgressStatus): string;
  timeliness(t: Timeliness): string;
  taskProgress(p: TaskProgress | null): string;
  construction(c: ConstructionStatus | null): string;
  /** A reserve project's stage; null: not reported. */
  reserveStage(s: ReserveStage | null): string;
  attribute(a: Indicator['attribute']): string;
  yesNo(b: boolean): string;
  /** A category, department or group in this language. */
  name(f: CycleReportFigures, zh: string): string;
  /** Units as the plan prints them (`市发展改革局、市财政局，相关行业主管部门`), each in this language. */
  names(f: CycleReportFigures, printed: string): string;
  summary(f: CycleReportFigures): string;
  method(f: CycleReportFigures): string;
  projectTotals(f: CycleReportFigures): string;
  /** A project behind time elapsed, or with a contradiction: named with its status and what is wrong. */
  projectItem(f: CycleReportFigures, p: Project): string;
  projectFlag(flag: ProjectFlag): string;
  projectNarrative(text: string | null): string;
  noneProjectsBehind: string;
  /** The reserve projects counted by where they stand. */
  reserveTotals(f: CycleReportFigures): string;
  /** A reserve project moved into the plan, with its unit's account. */
  movedItem(f: CycleReportFigures, r: ReserveProject): string;
  noneMoved: string;
  total: string;
  behindItem(f: CycleReportFigures, i: Indicator): string;
  reasons(text: string | null): string;
  measures(text: string | null): string;
  noneBehind: string;
  /** The main targets counted by status. */
  targetsSummary(f: CycleReportFigures): string;
  /** A target's status, or that no indicator measures it. */
  targetStatus(s: ProgressStatus | null): string;
  /** A task as its own paragraph's lead: number, title, status, lead department. */
  taskItem(f: CycleReportFigures, x: Task): string;
  taskNarrative(text: string | null): string;
  /** The co-operating departments, who contributed what and who did not. */
  contributions(f: CycleReportFigures, x: Task): string;
  /** A category whose indicators are all binding: tabled under the binding indicators. */
  allBinding: string;
  /** An indicator's status in a table: a warned one says so beside its status. */
  indicatorStatus(i: Indicator): string;
  /** A met requirement with its warnings, each with its reason. */
  warnedItem(f: CycleReportFigures, i: Indicator): string;
  warning(w: IndicatorWarning): string;
  noneWarned: string;
  /** The baseline as the table shows it: a — read as 0 says so. */
  baselineCell(i: Indicator): string;
  /** An assumption or a query on an indicator's figures. */
  notedItem(i: Indicator): string;
  note(n: IndicatorNote): string;
  noneNoted: string;
  boilerplateItem(f: CycleReportFigures, b: Boilerplate): string;
  noneBoilerplate: string;
  appendix: string;
}

const period = (f: CycleReportFigures) =>
  f.cycle.fromYear === f.cycle.toYear ? `${f.cycle.toYear}` : `${f.cycle.fromYear}–${f.cycle.toYear}`;
const kind = (f: CycleReportFigures) => CYCLE_KIND_LABELS[f.cycle.kind as CycleKind];
const titleZh = (f: CycleReportFigures) => `${f.plan.name}${period(f)}年${kind(f).zh}报告`;
const titleEn = (f: CycleReportFigures) => `${f.plan.nameEn}: ${kind(f).en} report ${period(f)}`;
const list = (nos: number[], sep: string) => nos.join(sep);

export const fmt = (
  n: number | null | boolean | undefined,
  digits = 2,
  yesNo: (b: boolean) => string = ZH.yesNo,
): string =>
  n === null || n === undefined
    ? '—'
    : typeof n === 'boolean'
      ? yesNo(n)
      : String(Math.round(n * 10 ** digits) / 10 ** digits);
export const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 1000) / 10}%`);
/** An indicator's figure as the plan prints its figures: 5.00 stays 5.00, 2.5 is 2.50 beside it. */
export const atPrecision = (n: number | null | boolean, decimals: number, yesNo: (b: boolean) => string): string =>
  n === null ? '—' : typeof n === 'boolean' ? yesNo(n) : n.toFixed(decimals);
const warned = (i: Indicator) => (i.warnings?.length ?? 0) > 0;

/** Enough for a report's chapters and sections. */
const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const ZH_TIMELINESS: Record<Timeliness, string> = { on_time: '按时', late: '逾期', missing: '未报' };
const EN_TIMELINESS: Record<Timeliness, string> = { on_time: 'on time', late: 'late', missing: 'missing' };
const ZH_TASK: Record<TaskProgress, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  completed: '已完成',
  delayed: '滞后',
};
const EN_TASK: Record<TaskProgress, string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  completed: 'completed',
  delayed: 'delayed',
};
const ZH_CONSTRUCTION: Record<ConstructionStatus, string> = {
  not_started: '未开工',
  preparing: '前期工作',
  under_construction: '在建',
  completed: '已建成',
};
const EN_CONSTRUCTION: Record<ConstructionStatus, string> = {
  not_started: 'not started',
  preparing: 'preparatory work',
  under_construction: 'under construction',
  completed: 'completed',
};
const ZH_RESERVE: Record<ReserveStage, string> = {
  not_started: '未启动/未调入',
  preparing: '已开展前期工作',
  moved_into_plan: '已调入规划',
};
const EN_RESERVE: Record<ReserveStage, string> = {
  not_started: 'not started or not moved',
  preparing: 'preparatory work under way',
  moved_into_plan: 'moved into the plan',
};
/** The reserve projects' counts in the report's order, as `label count` phrases. */
const reserveCounts = (
  f: CycleReportFigures,
  phrase: (standing: (typeof RESERVE_STANDINGS)[number], n: number) => string,
) => RESERVE_STANDINGS.map((s) => phrase(s, f.summary.reserveProjects.byStanding[s]));

const ZH: ReportText = {
  locale: 'zh-CN',
  title: titleZh,
  subtitle: titleEn,
  headings: {
    overview: '总体评价',
    indicators: '主要指标完成情况',
    binding: '约束性指标',
    byCategory: '各领域指标',
    behind: '滞后指标原因分析及下一步措施',
    warned: '达到目标要求但须预警的指标',
    notes: '指标数据说明',
    targets: '主要目标实现情况',
    tasks: '主要任务进展',
    projects: '重大项目推进',
    planned: '规划重大项目',
    reserve: '储备项目',
    moved: '已调入规划的储备项目',
    problems: '存在的主要问题',
    boilerplate: '雷同的原因分析和下一步措施',
    advice: '对策建议和规划调整建议',
    recommendations: '对策建议',
    adjustments: '规划调整建议',
    annex: '附表',
    timeliness: '附表1 各部门报送及时性',
  },
  chapterNo: (n) => `${ZH_NUMERALS[n - 1]}、`,
  sectionNo: (n) => `（${ZH_NUMERALS[n - 1]}）`,
  headers: {
    indicators: ['序号', '指标', '基期', '本期值', '目标', '预期值', '进度比', '状态'],
    tasks: ['序号', '任务', '牵头单位', '进展', '状态'],
    projects: [
      '序号',
      '项目',
      '牵头单位',
      '规划期计划投资（万元）',
      '累计完成（万元）',
      '完成比例',
      '建设状态',
      '进度评价',
    ],
    timeliness: ['部门', '及时性', '完成/事项'],
    targets: ['序号', '主要目标', '责任单位', '对应指标', '状态'],
    indicatorSheet: [
      '序号',
      '指标',
      '类别',
      '单位',
      '属性',
      '基期',
      '目标',
      '本期值',
      '预期值',
      '进度比',
      '状态',
      '牵头单位',
      '预警',
      '数据说明',
      '原因分析',
      '下一步措施',
      '数据来源',
    ],
    taskSheet: ['序号', '任务', '牵头单位', '进展', '状态', '说明', '配合单位情况'],
    projectSheet: [
      '序号',
      '项目',
      '牵头单位',
      '规划期计划投资（万元）',
      '累计完成投资（万元）',
      '完成比例',
      '建设状态',
      '进度比',
      '进度评价',
      '需核实',
      '进展情况',
    ],
    reserveSheet: ['序号', '项目', '项目分类', '牵头单位', '储备项目进展', '进展情况'],
    timelinessSheet: ['部门', '代码', '及时性', '已完成', '事项数'],
    source: ['版本', '填报人', '填报单位', '填报时间', '审核人', '审核单位', '审核时间'],
  },
  sheets: {
    summary: '概况',
    indicators: '指标',
    tasks: '任务',
    targets: '主要目标',
    projects: '项目',
    reserve: '储备项目',
    timeliness: '报送及时性',
  },
  charts: {
    byCategory: '各类别指标状态',
    binding: '约束性指标进度比',
    onTrackLine: '符合进度',
    slightlyBehindLine: '略滞后',
    projects: '重大项目投资完成比例',
    timeliness: '部门报送及时性',
    indicatorCount: '指标数（项）',
    indicatorNo: '指标序号',
    ratioAxis: '进度比（达标或未达标的按1或0计）',
    projectNo: '项目序号',
    completionAxis: '完成计划投资（%）',
    elapsedLine: '时间进度',
  },
  status: (s) => STATUS_LABELS[s].zh,
  timeliness: (t) => ZH_TIMELINESS[t],
  taskProgress: (p) => (p ? ZH_TASK[p] : '未报'),
  construction: (c) => (c ? ZH_CONSTRUCTION[c] : '未报'),
  reserveStage: (s) => (s ? ZH_RESERVE[s] : '未报送'),
  attribute: (a) => (a === 'binding' ? '约束性' : '预期性'),
  yesNo: (b) => (b ? '是' : '否'),
  name: (_f, zh) => zh,
  names: (_f, printed) => printed,
  summary(f) {
    const s = f.summary.byStatus;
    const t = f.summary.tasksByStatus;
    const binding = f.summary.bindingNotOnTrack;
    return (
      `本次评估共${f.indicators.length}项主要指标：已完成${s.achieved}项，达到目标要求${s.requirement_met}项，符合进度${s.on_track}项，略滞后${s.slightly_behind}项，滞后${s.lagging}项，无数据${s.no_data}项。` +
      (binding.length
        ? `约束性指标中第${list(binding, '、')}项未达到时序进度，须重点关注。`
        : '约束性指标均达到时序进度或已完成。') +
      (f.summary.bindingNoData.length ? `约束性指标第${list(f.summary.bindingNoData, '、')}项无数据。` : '') +
      (f.summary.warned.length
        ? `第${list(f.summary.warned, '、')}项指标虽达到要求，但接近限值或较基期变差，须预警。`
        : '') +
      (f.tasks.length
        ? `${f.tasks.length}项主要任务中，已完成${t.achieved}项，符合进度${t.on_track}项，略滞后${t.slightly_behind}项，滞后${t.lagging}项，无数据${t.no_data}项。`
        : '')
    );
  },
  method: (f) =>
    `评价方法：时序进度（时间过半、任务过半），阈值方案“${presetName(f.thresholds).zh}”：符合进度 ≥ ${f.thresholds.onTrack}，略滞后 ≥ ${f.thresholds.slightlyBehind}。` +
    `指标数值、预期值按规划所列精度（小数位数）取舍后评定；下限、上限类目标达到即为“达到目标要求”，距限值不足限值的${pct(limitMargin(f.thresholds))}或较基期变差的予以预警。` +
    '主要任务按填报进展评定：已完成为已完成；推进中为符合进度（规划期末仍推进中为略滞后）；未开始在规划期过半前为略滞后、过半后为滞后；滞后为滞后。' +
    '基本公共服务项目按对照国家和省标准的落实情况评定，落实率为按标准落实的项目数占项目总数的比例，部分落实和未报送的项目不计为落实。',
  projectTotals(f) {
    const p = f.summary.projects;
    const b = p.byStatus;
    return (
      `${p.count}个重大项目“${f.plan.periodName}”计划投资${fmt(p.planPeriodInvestment)}万元，已报送${p.reported}个项目累计完成投资${fmt(p.investmentCumulative)}万元，占计划投资的${pct(p.completionShare)}` +
      `（规划期时间已过${pct(p.elapsed)}）。按时序进度评价：已建成${b.achieved}个，符合进度${b.on_track}个，略滞后${b.slightly_behind}个，滞后${b.lagging}个，未报送${b.no_data}个` +
      (p.flagged ? `；${p.flagged}个项目的报送数据存在矛盾，须核实。` : '。')
    );
  },
  projectItem: (_f, p) =>
    `${p.no}. ${p.name}（${ZH.status(p.status)}，完成计划投资${pct(p.completionShare)}，建设状态：${ZH.construction(p.constructionStatus)}，牵头单位：${p.leadDepartment}）${p.flags.length ? `。需核实：${p.flags.map(ZH.projectFlag).join('；')}` : ''}`,
  projectFlag: (flag) => PROJECT_FLAG_LABELS[flag].zh,
  projectNarrative: (text) => `项目单位说明：${text ?? '未填报'}`,
  noneProjectsBehind: '无滞后或须核实的重大项目。',
  reserveTotals: (f) =>
    `${f.summary.reserveProjects.count}个储备项目中，${reserveCounts(f, (s, n) => `${ZH.reserveStage(s === 'not_reported' ? null : s)}${n}个`).join('，')}。`,
  movedItem: (_f, r) => `${r.no}. ${r.name}（牵头单位：${r.leadDepartment}）：${r.narrative ?? '未填报说明'}`,
  noneMoved: '暂无调入规划的储备项目。',
  total: '合计',
  behindItem: (_f, i) => `${i.no}. ${i.name}（${ZH.status(i.status)}，牵头单位：${i.leadDepartment}）`,
  reasons: (text) => `原因分析：${text ?? '未填报'}`,
  measures: (text) => `下一步措施：${text ?? '未填报'}`,
  noneBehind: '无滞后指标。',
  targetsSummary: (f) => {
    const judged = f.targets.filter((x) => x.status !== null);
    const n = (s: ProgressStatus) => judged.filter((x) => x.status === s).length;
    return (
      `${f.targets.length}项主要目标按其对应指标评价：已完成${n('achieved')}项，达到目标要求${n('requirement_met')}项，符合进度${n('on_track')}项，略滞后${n('slightly_behind')}项，滞后${n('lagging')}项，无数据${n('no_data')}项` +
      (judged.length < f.targets.length ? `；${f.targets.length - judged.length}项未设对应指标。` : '。')
    );
  },
  targetStatus: (s) => (s === null ? '未设对应指标' : ZH.status(s)),
  taskItem: (_f, x) => `${x.no}. ${x.title}（${ZH.status(x.status)}，牵头单位：${x.leadDepartment}）`,
  taskNarrative: (text) => `进展情况：${text ?? '未填报'}`,
  contributions: (_f, x) => {
    const done = x.contributions.filter((c) => c.text !== null);
    const silent = x.contributions.filter((c) => c.text === null);
    return (
      `配合单位${x.contributions.length}个，已提供情况${done.length}个` +
      (done.length ? `：${done.map((c) => `${c.department}：${c.text}`).join('；')}` : '') +
      (silent.length ? `。未提供：${silent.map((c) => c.department).join('、')}。` : '。')
    );
  },
  allBinding: '本领域指标均为约束性指标，见上文。',
  indicatorStatus: (i) => `${ZH.status(i.status)}${warned(i) ? '（预警）' : ''}`,
  warnedItem: (_f, i) =>
    `${i.no}. ${i.name}（${ZH.status(i.status)}，本期值${atPrecision(i.value, i.decimals, ZH.yesNo)}${i.unit === '—' ? '' : i.unit}，目标${i.target}，牵头单位：${i.leadDepartment}）：${(i.warnings ?? []).map(ZH.warning).join('；')}。`,
  warning(w) {
    switch (w.kind) {
      case 'near_limit':
        return `距目标${w.direction === 'up' ? '下限' : '上限'}${w.limit}不足${w.margin}`;
      case 'falling':
        return `${w.direction === 'up' ? '低于' : '高于'}基期值${w.baseline}`;
      case 'met_by_rounding':
        return `填报值${w.submitted}按规划所列精度计才达到目标${w.target}`;
      case 'broken_before':
        return `${w.years.join('、')}年低于${w.limit}`;
    }
  },
  noneWarned: '无须预警的指标。',
  baselineCell: (i) =>
    i.notes.some((n) => n.kind === 'baseline_taken_as_zero') ? `${i.baseline}（按0计）` : i.baseline,
  notedItem: (i) => `${i.no}. ${i.name}：${i.notes.map(ZH.note).join('；')}。`,
  note(n) {
    switch (n.kind) {
      case 'baseline_taken_as_zero':
        return '规划未列基期值（“—”），进度按基期值为0计算';
      case 'baseline_quality':
        return `基期值按规划原文保留，存疑：${n.message.zh}`;
    }
  },
  noneNoted: '无。',
  boilerplateItem: (_f, b) =>
    `${b.field === 'reasons' ? '原因分析' : '下一步措施'}“${b.text}”在第${b.items.join('、')}项指标中相同（${b.departments.join('、')}），请督促据实填写。`,
  noneBoilerplate: '未发现雷同的原因分析或下一步措施。',
  appendix: '每项数据均可追溯至其填报版本、填报人与审核人，详见 Excel 附表。',
};

const IN_ENGLISH = PLAN_NAMES.en;

const EN: ReportText = {
  locale: 'en',
  title: titleEn,
  subtitle: titleZh,
  headings: {
    overview: 'Overall assessment',
    indicators: 'Main indicators',
    binding: 'Binding indicators',
    byCategory: 'Indicators by area',
    behind: 'Indicators behind: reasons and next measures',
    warned: 'Requirements met, with a warning',
    notes: 'Notes on the indicators’ figures',
    targets: 'Main targets',
    tasks: 'Main tasks',
    projects: 'Major projects',
    planned: 'Planned major projects',
    reserve: 'Reserve projects',
    moved: 'Reserve projects moved into the plan',
    problems: 'Main problems',
    boilerplate: 'Boilerplate reasons and measures',
    advice: 'Recommendations and proposed adjustments to the plan',
    recommendations: 'Recommendations',
    adjustments: 'Proposed adjustments to the plan',
    annex: 'Annex tables',
    timeliness: 'Annex table 1. Timeliness of departments’ submissions',
  },
  chapterNo: (n) => `${n}. `,
  sectionNo: (n) => `(${n}) `,
  headers: {
    indicators: ['No.', 'Indicator', 'Baseline', 'Value', 'Target', 'Expected', 'Ratio', 'Status'],
    tasks: ['No.', 'Task', 'Lead department', 'Progress', 'Status'],
    projects: [
      'No.',
      'Project',
      'Lead department',
      'Planned in the plan period (10k yuan)',
      'Completed (10k yuan)',
      'Share',
      'Construction',
      'Status',
    ],
    timeliness: ['Department', 'Timeliness', 'Done/items'],
    targets: ['No.', 'Main target', 'Responsible units', 'Indicators', 'Status'],
    indicatorSheet: [
      'No.',
      'Indicator',
      'Category',
      'Unit',
      'Attribute',
      'Baseline',
      'Target',
      'Value',
      'Expected',
      'Ratio',
      'Status',
      'Lead department',
      'Warning',
      'Notes on the figures',
      'Reasons',
      'Next measures',
      'Data source',
    ],
    taskSheet: ['No.', 'Task', 'Lead department', 'Progress', 'Status', 'Narrative', 'Co-operating departments'],
    projectSheet: [
      'No.',
      'Project',
      'Lead department',
      'Planned in the plan period (10k yuan)',
      'Completed, cumulative (10k yuan)',
      'Share',
      'Construction',
      'Ratio',
      'Status',
      'To query',
      'Progress reported',
    ],
    reserveSheet: ['No.', 'Project', 'Group', 'Lead department', 'Stage', 'Progress reported'],
    timelinessSheet: ['Department', 'Code', 'Timeliness', 'Done', 'Items'],
    source: ['Version', 'Submitter', 'Submitter’s unit', 'Submitted', 'Approver', 'Approver’s unit', 'Approved'],
  },
  sheets: {
    summary: 'Summary',
    indicators: 'Indicators',
    tasks: 'Tasks',
    targets: 'Main targets',
    projects: 'Projects',
    reserve: 'Reserve projects',
    timeliness: 'Timeliness',
  },
  charts: {
    byCategory: 'Indicator status by category',
    binding: 'Binding indicators: progress ratio',
    onTrackLine: 'on track',
    slightlyBehindLine: 'slightly behind',
    projects: 'Major projects: investment completed',
    timeliness: 'Timeliness of submissions',
    indicatorCount: 'Indicators',
    indicatorNo: 'Indicator no.',
    ratioAxis: 'Progress ratio (met or not: 1 or 0)',
    projectNo: 'Project no.',
    completionAxis: 'Plan-period investment completed (%)',
    elapsedLine: 'time elapsed',
  },
  status: (s) => STATUS_LABELS[s].en,
  timeliness: (t) => EN_TIMELINESS[t],
  taskProgress: (p) => (p ? EN_TASK[p] : 'not reported'),
  construction: (c) => (c ? EN_CONSTRUCTION[c] : 'not reported'),
  reserveStage: (s) => (s ? EN_RESERVE[s] : 'not reported'),
  attribute: (a) => (a === 'binding' ? 'binding' : 'expected'),
  yesNo: (b) => (b ? 'yes' : 'no'),
  name: (f, zh) => f.glossary[zh] ?? zh,
  names: (f, printed) =>
    printed
      .split(/[、，,]/)
      .map((unit) => EN.name(f, unit.trim()))
      .join('; '),
  summary(f) {
    const s = f.summary.byStatus;
    const t = f.summary.tasksByStatus;
    const binding = f.summary.bindingNotOnTrack;
    return (
      `Of the ${f.indicators.length} main indicators, ${s.achieved} are achieved, ${s.requirement_met} meet their requirement, ${s.on_track} are on track, ${s.slightly_behind} slightly behind, ${s.lagging} lagging and ${s.no_data} without data. ` +
      (binding.length
        ? `Binding indicator${binding.length > 1 ? 's' : ''} no. ${list(binding, ', ')} ${binding.length > 1 ? 'are' : 'is'} behind the time-elapsed path and need${binding.length > 1 ? '' : 's'} attention first.`
        : 'Every binding indicator is on the time-elapsed path or achieved.') +
      (f.summary.bindingNoData.length
        ? ` Binding indicator(s) no. ${list(f.summary.bindingNoData, ', ')} have no data.`
        : '') +
      (f.summary.warned.length
        ? ` Indicator(s) no. ${list(f.summary.warned, ', ')} meet their requirement but are close to the limit or worse than in the base year: a warning.`
        : '') +
      (f.tasks.length
        ? ` Of the ${f.tasks.length} main tasks, ${t.achieved} are achieved, ${t.on_track} on track, ${t.slightly_behind} slightly behind, ${t.lagging} lagging and ${t.no_data} without data.`
        : '')
    );
  },
  method: (f) =>
    `Method: time-elapsed progress (half the time, half the work); threshold preset “${presetName(f.thresholds).en}”: on track at a ratio ≥ ${f.thresholds.onTrack}, slightly behind ≥ ${f.thresholds.slightlyBehind}. ` +
    `Values and expected values are taken at the precision the plan prints (its decimals) before judging; a floor or ceiling met meets the requirement, with a warning when within ${pct(limitMargin(f.thresholds))} of the limit or worse than in the base year. ` +
    'Main tasks are judged from the progress submitted: completed is achieved; in progress is on track (slightly behind once the period has ended); not started is slightly behind before half the period has passed and lagging after; delayed is lagging. ' +
    'Basic public service items are judged by their delivery against the national and provincial standards: the delivery rate is the share of items delivered to standard; items delivered in part or not reported do not count as delivered.',
  projectTotals(f) {
    const p = f.summary.projects;
    const b = p.byStatus;
    return (
      `${p.count} major projects plan ${fmt(p.planPeriodInvestment)} (10k yuan) of investment in ${f.plan.startYear}–${f.plan.endYear}; the ${p.reported} reported have completed ${fmt(p.investmentCumulative)}, ${pct(p.completionShare)} of the plan, with ${pct(p.elapsed)} of the period gone. ` +
      `Against time elapsed: ${b.achieved} completed, ${b.on_track} on track, ${b.slightly_behind} slightly behind, ${b.lagging} lagging, ${b.no_data} not reported` +
      (p.flagged ? `; the reports of ${p.flagged} contradict themselves and must be queried.` : '.')
    );
  },
  projectItem: (f, p) =>
    `${p.no}. ${IN_ENGLISH.item(p)} (${EN.status(p.status)}; ${pct(p.completionShare)} of planned investment; ${EN.construction(p.constructionStatus)}; lead department: ${EN.name(f, p.leadDepartment)})${p.flags.length ? `. To query: ${p.flags.map(EN.projectFlag).join('; ')}` : ''}`,
  projectFlag: (flag) => PROJECT_FLAG_LABELS[flag].en,
  projectNarrative: (text) => `The unit's account: ${text ?? 'not given'}`,
  noneProjectsBehind: 'No major project is behind or needs querying.',
  reserveTotals: (f) =>
    `Of the ${f.summary.reserveProjects.count} reserve projects: ${reserveCounts(f, (s, n) => `${n} ${EN.reserveStage(s === 'not_reported' ? null : s)}`).join(', ')}.`,
  movedItem: (f, r) =>
    `${r.no}. ${IN_ENGLISH.item(r)} (lead department: ${EN.name(f, r.leadDepartment)}): ${r.narrative ?? 'no account given'}`,
  noneMoved: 'No reserve project has been moved into the plan yet.',
  total: 'Total',
  behindItem: (f, i) =>
    `${i.no}. ${IN_ENGLISH.indicator(i)} (${EN.status(i.status)}; lead department: ${EN.name(f, i.leadDepartment)})`,
  reasons: (text) => `Reasons: ${text ?? 'not given'}`,
  measures: (text) => `Next measures: ${text ?? 'not given'}`,
  noneBehind: 'No indicator is behind.',
  targetsSummary: (f) => {
    const judged = f.targets.filter((x) => x.status !== null);
    const n = (s: ProgressStatus) => judged.filter((x) => x.status === s).length;
    return (
      `The ${f.targets.length} main targets, judged by the indicators that measure them: ${n('achieved')} achieved, ${n('requirement_met')} meeting the requirement, ${n('on_track')} on track, ${n('slightly_behind')} slightly behind, ${n('lagging')} lagging, ${n('no_data')} without data` +
      (judged.length < f.targets.length ? `; ${f.targets.length - judged.length} have no indicator.` : '.')
    );
  },
  targetStatus: (s) => (s === null ? 'no indicator' : EN.status(s)),
  taskItem: (f, x) => `${x.no}. ${IN_ENGLISH.task(x)} (${EN.status(x.status)}; lead: ${EN.name(f, x.leadDepartment)})`,
  taskNarrative: (text) => `Progress: ${text ?? 'not reported'}`,
  contributions: (f, x) => {
    const done = x.contributions.filter((c) => c.text !== null);
    const silent = x.contributions.filter((c) => c.text === null);
    return (
      `${x.contributions.length} co-operating department(s), ${done.length} contributed` +
      (done.length ? `: ${done.map((c) => `${EN.name(f, c.department)}: ${c.text}`).join('; ')}` : '') +
      (silent.length ? `. Not contributed: ${silent.map((c) => EN.name(f, c.department)).join(', ')}.` : '.')
    );
  },
  allBinding: 'All indicators of this area are binding: see above.',
  indicatorStatus: (i) => `${EN.status(i.status)}${warned(i) ? ' (warning)' : ''}`,
  warnedItem: (f, i) =>
    `${i.no}. ${IN_ENGLISH.indicator(i)} (${EN.status(i.status)}; value ${atPrecision(i.value, i.decimals, EN.yesNo)}${i.unit === '—' ? '' : ` ${IN_ENGLISH.unit(i)}`}; target ${IN_ENGLISH.target(i)}; lead department: ${EN.name(f, i.leadDepartment)}): ${(i.warnings ?? []).map(EN.warning).join('; ')}.`,
  warning(w) {
    switch (w.kind) {
      case 'near_limit':
        return `within ${w.margin} of its ${w.direction === 'up' ? 'floor' : 'ceiling'} of ${w.limit}`;
      case 'falling':
        return `${w.direction === 'up' ? 'below' : 'above'} the base year's ${w.baseline}`;
      case 'met_by_rounding':
        return `the value submitted, ${w.submitted}, meets ${w.target} only at the precision the plan prints`;
      case 'broken_before':
        return `below ${w.limit} in ${w.years.join(', ')}`;
    }
  },
  noneWarned: 'No indicator needs a warning.',
  baselineCell: (i) =>
    i.notes.some((n) => n.kind === 'baseline_taken_as_zero')
      ? `${IN_ENGLISH.baseline(i)} (taken as 0)`
      : IN_ENGLISH.baseline(i),
  notedItem: (i) => `${i.no}. ${IN_ENGLISH.indicator(i)}: ${i.notes.map(EN.note).join('; ')}.`,
  note(n) {
    switch (n.kind) {
      case 'baseline_taken_as_zero':
        return 'the plan gives no base-year figure (—): progress is counted from 0';
      case 'baseline_quality':
        return `the base-year figure is kept as printed and queried: ${n.message.en}`;
    }
  },
  noneNoted: 'None.',
  boilerplateItem: (f, b) =>
    `The same ${b.field === 'reasons' ? 'reasons' : 'next measures'}, “${b.text}”, for indicators no. ${b.items.join(', ')} (${b.departments.map((d) => EN.name(f, d)).join(', ')}): to be rewritten for each.`,
  noneBoilerplate: 'No reasons or measures repeat word for word.',
  appendix: 'Every figure traces to its submission version, submitter and approver: see the Excel annex.',
};

export const REPORT_TEXT: Record<Locale, ReportText> = { 'zh-CN': ZH, en: EN };

/** The rows the Word document and the HTML page share, as text in one language. */
export const reportRows = {
  indicator: (t: ReportText, i: Indicator): string[] => [
    String(i.no),
    PLAN_NAMES[t.locale].indicator(i),
    t.baselineCell(i),
    atPrecision(i.value, i.decimals, t.yesNo),
    PLAN_NAMES[t.locale].target(i),
    atPrecision(i.expected, i.decimals, t.yesNo),
    i.ratio === null ? '—' : fmt(i.ratio, 3),
    t.indicatorStatus(i),
  ],
  task: (t: ReportText, f: CycleReportFigures, x: CycleReportFigures['tasks'][number]): string[] => [
    String(x.no),
    PLAN_NAMES[t.locale].task(x),
    t.name(f, x.leadDepartment),
    t.taskProgress(x.progress),
    t.status(x.status),
  ],
  project: (t: ReportText, f: CycleReportFigures, p: CycleReportFigures['projects'][number]): string[] => [
    String(p.no),
    PLAN_NAMES[t.locale].item(p),
    t.name(f, p.leadDepartment),
    withOriginal(t.locale, fmt(p.planPeriodInvestment), p.adjusted),
    fmt(p.investmentCumulative),
    pct(p.completionShare),
    t.construction(p.constructionStatus),
    t.status(p.status),
  ],
  projectTotal: (t: ReportText, f: CycleReportFigures): string[] => {
    const p = f.summary.projects;
    return ['', t.total, '', fmt(p.planPeriodInvestment), fmt(p.investmentCumulative), pct(p.completionShare), '', ''];
  },
  target: (t: ReportText, f: CycleReportFigures, x: CycleReportFigures['targets'][number]): string[] => [
    String(x.no),
    PLAN_NAMES[t.locale].mainTarget(x),
    t.names(f, x.departments),
    x.indicators.join(t.locale === 'en' ? ', ' : '、'),
    t.targetStatus(x.status),
  ],
  timeliness: (t: ReportText, f: CycleReportFigures, x: CycleReportFigures['timeliness'][number]): string[] => [
    t.name(f, x.name),
    t.timeliness(x.timeliness),
    `${x.done}/${x.total}`,
  ],
};

/** The plan's categories in the plan's order (the order of its indicator numbers), as tables and charts list them. */
export const categoriesInPlanOrder = (f: CycleReportFigures): string[] => [
  ...new Set([...f.indicators].sort((a, b) => a.no - b.no).map((i) => i.category)),
];

/** Reserve projects a report lists one by one: those moved into the plan. */
export const movedIntoPlan = (f: CycleReportFigures) => f.reserveProjects.filter((r) => r.stage === 'moved_into_plan');

/** Projects a report discusses one by one: behind time elapsed, or with a contradiction to query. */
export const projectsToDiscuss = (f: CycleReportFigures) =>
  f.projects.filter((p) => p.status === 'lagging' || p.status === 'slightly_behind' || p.flags.length > 0);

/** Indicators a report discusses one by one: behind their path. */
export const behindPath = (f: CycleReportFigures) =>
  f.indicators.filter((i) => i.status === 'lagging' || i.status === 'slightly_behind');

/** Indicators whose requirement is met with a warning, and those whose figures rest on a stated assumption. */
export const warnedIndicators = (f: CycleReportFigures) => f.indicators.filter(warned);
export const notedIndicators = (f: CycleReportFigures) => f.indicators.filter((i) => i.notes.length > 0);
