/**
 * The departments' assessment (监督考核) as people read it, zh-CN and English:
 * the report's annex table (Word and HTML through the outline), the sheet of
 * the report's workbook, and the API's Excel export, all from the same rows.
 */
import type ExcelJS from 'exceljs';
import type { Timeliness } from '../cycle/timeliness';
import type { Locale } from '../plan/localized';
import {
  ASSESSMENT_COMPONENTS,
  ASSESSMENT_COMPONENT_LABELS,
  GRADE_LABELS,
  type AssessmentWeights,
  type ComponentScores,
  type Grade,
} from '../rules/department-assessment';
import type { AssessmentRow } from './assessment-figures';
import type { CycleReportFigures } from './cycle-report';
import type { ReportBlock } from './report-outline';
import { REPORT_TEXT } from './report-text';

/** A scored department as every rendition takes it: its name already in the reader's language. */
export interface ShownAssessment {
  department: string;
  name: string;
  rank: number;
  total: number;
  grade: Grade;
  components: ComponentScores;
  weights: AssessmentWeights;
  facts: AssessmentRow['facts'];
}

interface AssessmentText {
  heading: string;
  /** How the total is made: the weights, the grades, what each component counts. */
  method(w: AssessmentWeights): string;
  headers: string[];
  sheet: string;
  /** The sheet's fuller columns: the table's, then the facts scored. */
  factHeaders: string[];
  timeliness(t: Timeliness): string;
}

const weightList = (w: AssessmentWeights, locale: Locale, sep: string) =>
  ASSESSMENT_COMPONENTS.map((c) =>
    locale === 'en' ? `${ASSESSMENT_COMPONENT_LABELS[c].en} ${w[c]}` : `${ASSESSMENT_COMPONENT_LABELS[c].zh}${w[c]}分`,
  ).join(sep);

const ZH: AssessmentText = {
  heading: '部门监督考核',
  method: (w) =>
    `考核权重：${weightList(w, 'zh-CN', '、')}（满分100分）。按时报送得满分，逾期报送得60分，未报送不得分；` +
    '完整性按已审核通过事项占应报事项的比例计分；数据质量满分100分，每退回一次或每项阻断性数据问题扣10分，每项警示性数据问题或套话扣5分；' +
    '目标完成情况按牵头事项的进度判定计分（达到目标或符合进度得满分，略滞后得一半，滞后或无数据不得分）。' +
    '总分90分以上为优秀，80分以上为良好，60分以上为合格，60分以下为不合格；总分相同者名次并列。',
  headers: ['名次', '部门', ...ASSESSMENT_COMPONENTS.map((c) => ASSESSMENT_COMPONENT_LABELS[c].zh), '总分', '等级'],
  sheet: '部门考核',
  factHeaders: [
    '部门代码',
    '报送情况',
    '应报事项',
    '审核通过',
    '退回次数',
    '阻断性问题',
    '警示性问题',
    '套话事项',
    '权重',
  ],
  timeliness: (t) => REPORT_TEXT['zh-CN'].timeliness(t),
};

const EN: AssessmentText = {
  heading: 'Departments’ assessment',
  method: (w) =>
    `Weights: ${weightList(w, 'en', ', ')} (of 100 points). On time scores 100, late 60, never submitted 0; ` +
    'completeness is the share of assigned items approved; data quality starts at 100, less 10 per return or blocking data finding and 5 per warning or boilerplate item; ' +
    'results score the items led against the path (met or on track in full, slightly behind half, lagging or no data nothing). ' +
    'Grades: excellent from 90, good from 80, pass from 60, fail below; equal totals share a rank.',
  headers: [
    'Rank',
    'Department',
    ...ASSESSMENT_COMPONENTS.map((c) => ASSESSMENT_COMPONENT_LABELS[c].en),
    'Total',
    'Grade',
  ],
  sheet: 'Assessment',
  factHeaders: [
    'Department code',
    'Timeliness',
    'Items assigned',
    'Approved',
    'Returns',
    'Blocking findings',
    'Warnings',
    'Boilerplate items',
    'Weights',
  ],
  timeliness: (t) => REPORT_TEXT.en.timeliness(t),
};

export const ASSESSMENT_TEXT: Record<Locale, AssessmentText> = { 'zh-CN': ZH, en: EN };

const score = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** One department's cells of the annex table. */
function tableRow(locale: Locale, a: ShownAssessment): string[] {
  return [
    String(a.rank),
    a.name,
    ...ASSESSMENT_COMPONENTS.map((c) => score(a.components[c])),
    score(a.total),
    GRADE_LABELS[a.grade][locale === 'en' ? 'en' : 'zh'],
  ];
}

/** The report's rows, names in the reader's language. */
export function shownAssessment(locale: Locale, f: CycleReportFigures): ShownAssessment[] {
  return (f.assessment ?? []).map((a) => ({ ...a, name: REPORT_TEXT[locale].name(f, a.name) }));
}

/** The annex's part: heading, method and table; nothing where the report has no assessment (a cancelled cycle). */
export function assessmentBlocks(locale: Locale, f: CycleReportFigures): ReportBlock[] {
  const rows = shownAssessment(locale, f);
  if (rows.length === 0) return [];
  const t = ASSESSMENT_TEXT[locale];
  return [
    { kind: 'lead', text: t.heading },
    { kind: 'paragraph', text: t.method(rows[0].weights) },
    { kind: 'table', headers: t.headers, rows: rows.map((a) => tableRow(locale, a)) },
  ];
}

/** The assessment as a worksheet, header frozen and filterable: the report's workbook and the API's export. */
export function addAssessmentSheet(wb: ExcelJS.Workbook, locale: Locale, rows: ShownAssessment[]): ExcelJS.Worksheet {
  const t = ASSESSMENT_TEXT[locale];
  const headers = [...t.headers, ...t.factHeaders];
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Widths and formats first: a streamed sheet (the report's workbook) writes its columns before its first row.
  headers.forEach((_h, i) => (ws.getColumn(i + 1).width = i === 1 ? 24 : 12));
  for (let c = 3; c <= 7; c++) ws.getColumn(c).numFmt = '0.0';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  ws.addRow(headers).font = { bold: true };
  for (const a of rows)
    ws.addRow([
      a.rank,
      a.name,
      ...ASSESSMENT_COMPONENTS.map((c) => a.components[c]),
      a.total,
      GRADE_LABELS[a.grade][locale === 'en' ? 'en' : 'zh'],
      a.department,
      t.timeliness(a.facts.timeliness),
      a.facts.assigned,
      a.facts.approved,
      a.facts.returns,
      a.facts.blockingFindings,
      a.facts.warnings,
      a.facts.boilerplate,
      ASSESSMENT_COMPONENTS.map((c) => a.weights[c]).join('/'),
    ]);
  return ws;
}
