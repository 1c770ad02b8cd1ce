/**
 * A plan as an Excel workbook: one sheet per table, a bilingual header row,
 * one row per item. The same sheet definitions write the export and the empty
 * template and read an upload back, so the three cannot drift apart. A bad cell
 * is reported by sheet, row and column, and nothing is returned.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { PlanValidationError, type PlanIssue } from '../plan/localized';
import type { PlanFile } from '../plan/plan-file';
import { checkWorkbookLimits } from './workbook-limits';

type Kind =
  | 'text'
  | 'optionalText'
  | 'english'
  | 'int'
  | 'number'
  | 'optionalNumber'
  | 'list'
  | 'nullableList'
  /** Numbers separated by 、 or commas (a target's indicators: 2、3). */
  | 'intList';
interface Column {
  key: string;
  zh: string;
  en: string;
  kind: Kind;
  /** Display labels (zh) for coded values; either the code or the label is accepted on import. */
  labels?: Record<string, string>;
}
interface SheetDef {
  name: string;
  section: string;
  columns: Column[];
}

const c = (key: string, zh: string, en: string, kind: Kind = 'text', labels?: Record<string, string>): Column => ({
  key,
  zh,
  en,
  kind,
  labels,
});

/**
 * The English twin of a column (libs/plan/translations), after the sheet's own columns so theirs keep their
 * letters; an empty cell is no translation, which the plan's validation names where one is needed.
 */
const en = (key: string, zh: string, label: string): Column =>
  c(key, `${zh}（英文）`, `${label} in English`, 'english');

const KIND_LABELS = {
  city_bureau: '市直部门',
  county_government: '县区政府',
  county_bureau: '县直部门',
  institution: '其他单位',
};
const LOCALE_LABELS = { 'zh-CN': '中文', en: 'English' };
/** The same header for every plan (the period's name is on the plan sheet), so one template serves any plan. */
const PERIOD_INVESTMENT = { zh: '规划期计划投资（万元）', en: 'Planned in the plan period (10k yuan)' };

const SHEETS: SheetDef[] = [
  {
    name: '指标类别',
    section: 'categories',
    columns: [c('no', '序号', 'No.', 'int'), c('name', '类别', 'Category'), c('nameEn', '英文名称', 'English name')],
  },
  {
    name: '部门',
    section: 'departments',
    columns: [
      c('code', '代码', 'Code'),
      c('name', '名称', 'Name'),
      c('nameEn', '英文名称', 'English name'),
      c('kind', '类型', 'Kind', 'text', KIND_LABELS),
      c('aliases', '别名', 'Aliases', 'list'),
      c('submitter.name', '填报人', 'Submitter'),
      c('submitter.email', '填报人邮箱', 'Submitter email'),
      c('submitter.locale', '填报人语言', 'Submitter language', 'text', LOCALE_LABELS),
      c('supervisor.name', '审核人', 'Supervisor'),
      c('supervisor.email', '审核人邮箱', 'Supervisor email'),
      c('supervisor.locale', '审核人语言', 'Supervisor language', 'text', LOCALE_LABELS),
    ],
  },
  {
    name: '部门分组',
    section: 'departmentGroups',
    columns: [
      c('code', '代码', 'Code'),
      c('name', '名称', 'Name'),
      c('nameEn', '英文名称', 'English name'),
      c('members', '成员（留空则每轮评估时指定）', 'Members (empty: chosen per cycle)', 'nullableList'),
    ],
  },
  {
    name: '主要指标',
    section: 'indicators',
    columns: [
      c('no', '序号', 'No.', 'int'),
      c('category', '类别', 'Category'),
      c('name', '主要指标', 'Indicator'),
      c('unit', '单位', 'Unit'),
      c('baseline', '基期值', 'Baseline'),
      c('target', '目标值', 'Target'),
      c('attribute', '指标属性', 'Attribute', 'text', { binding: '约束性', expected: '预期性' }),
      c('polarity', '指标方向', 'Polarity', 'text', {
        higher_is_better: '越高越好',
        lower_is_better: '越低越好',
        projection: '预测性',
      }),
      c('departments', '负责部门', 'Responsible departments'),
      en('nameEn', '主要指标', 'Indicator'),
      en('unitEn', '单位', 'Unit'),
      en('baselineEn', '基期值', 'Baseline'),
      en('targetEn', '目标值', 'Target'),
    ],
  },
  {
    name: '主要目标',
    section: 'targets',
    columns: [
      c('no', '序号', 'No.', 'int'),
      c('text', '主要目标', 'Target'),
      c('departments', '责任单位', 'Responsible units'),
      en('textEn', '主要目标', 'Target'),
      c('indicators', '对应指标（专栏1序号）', 'Measured by indicators (nos.)', 'intList'),
    ],
  },
  {
    name: '主要任务',
    section: 'tasks',
    columns: [
      c('no', '序号', 'No.', 'int'),
      c('title', '主要任务', 'Task'),
      c('details', '具体内容', 'Details', 'optionalText'),
      c('departments', '责任单位（排第一的为牵头单位）', 'Responsible units (lead first)'),
      en('titleEn', '主要任务', 'Task'),
      en('detailsEn', '具体内容', 'Details'),
    ],
  },
  {
    name: '重大项目',
    section: 'projects',
    columns: [
      c('status', '类别', 'Status', 'text', { planned: '计划', reserve: '储备' }),
      c('no', '序号', 'No.', 'int'),
      c('group', '项目分类', 'Group'),
      c('name', '项目名称', 'Name', 'optionalText'),
      c('content', '建设内容及规模', 'Content and scale', 'optionalText'),
      c('totalInvestment', '计划总投资（万元）', 'Total investment (10k yuan)', 'number'),
      c('planPeriodInvestment', PERIOD_INVESTMENT.zh, PERIOD_INVESTMENT.en, 'optionalNumber'),
      c('landMu', '建设用地（亩）', 'Land (mu)', 'optionalNumber'),
      c('owner', '业主单位', 'Owner', 'optionalText'),
      c('responsibleUnit', '责任单位', 'Responsible unit'),
      en('nameEn', '项目名称', 'Name'),
    ],
  },
  {
    name: '基本公共服务',
    section: 'basicServiceItems',
    columns: [
      c('no', '序号', 'No.', 'int'),
      c('area', '服务领域', 'Area'),
      c('goal', '服务内容与目标', 'Goal'),
      c('name', '服务项目', 'Item'),
      en('areaEn', '服务领域', 'Area'),
      en('goalEn', '服务内容与目标', 'Goal'),
      en('nameEn', '服务项目', 'Item'),
    ],
  },
  {
    name: '项目合计',
    section: 'printedTotals.projectGroups',
    columns: [
      c('status', '类别', 'Status', 'text', { planned: '计划', reserve: '储备' }),
      c('no', '分组序号', 'Group no.'),
      c('name', '分组名称', 'Group'),
      c('count', '项数', 'Count', 'int'),
      c('totalInvestment', '计划总投资（万元）', 'Total investment', 'number'),
      c('planPeriodInvestment', PERIOD_INVESTMENT.zh, PERIOD_INVESTMENT.en, 'optionalNumber'),
      c('landMu', '建设用地（亩）', 'Land (mu)', 'number'),
      en('nameEn', '分组名称', 'Group'),
    ],
  },
];

/** The plan sheet holds single values, one per row, including the totals printed in the plan. */
const PLAN_SHEET = '规划';
const PLAN_FIELDS: Column[] = [
  c('plan.code', '规划代码', 'Plan code'),
  c('plan.name', '规划名称', 'Plan name'),
  c('plan.nameEn', '英文名称', 'English name'),
  c('plan.periodName', '规划期简称', 'Period (short name)'),
  c('plan.periodNameEn', '规划期英文简称', 'Period (English short name)'),
  c('plan.baselineYear', '基期年份', 'Baseline year', 'int'),
  c('plan.startYear', '起始年份', 'First year', 'int'),
  c('plan.endYear', '结束年份', 'Last year', 'int'),
  c('plan.source', '来源', 'Source', 'optionalText'),
  c('printedTotals.indicators', '主要指标数（原文）', 'Indicators (printed)', 'int'),
  c('printedTotals.targets', '主要目标数（原文）', 'Targets (printed)', 'int'),
  c('printedTotals.tasks', '主要任务数（原文）', 'Tasks (printed)', 'int'),
  c('printedTotals.basicServiceItems', '基本公共服务项目数（原文）', 'Basic service items (printed)', 'int'),
];
/** Grand totals of the project tables are rows of 项目合计 with an empty group number. */
const GRAND_TOTAL = '合计';

/** Refuses absurd uploads before ExcelJS reads them (see workbook-limits.ts). */
const MAX_ROWS_PER_SHEET = 20000;
/** Every sheet at its row limit still fits; the Heyuan plan unpacks to 0.2 MB. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

export async function writePlanWorkbook(plan: PlanFile | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan-eval';
  const planSheet = wb.addWorksheet(PLAN_SHEET);
  planSheet.addRow(['字段\nField', '值\nValue']);
  for (const f of PLAN_FIELDS) planSheet.addRow([`${f.zh}\n${f.en}`, plan ? toCell(f, get(plan, f.key)) : null]);
  planSheet.getColumn(1).width = 30;
  planSheet.getColumn(2).width = 60;
  for (const def of SHEETS) {
    const sheet = wb.addWorksheet(def.name);
    sheet.addRow(def.columns.map((col) => `${col.zh}\n${col.en}`));
    sheet.getRow(1).font = { bold: true };
    def.columns.forEach(
      (col, i) => (sheet.getColumn(i + 1).width = ['text', 'optionalText', 'english'].includes(col.kind) ? 24 : 14),
    );
    if (!plan) continue;
    for (const row of sectionRows(plan, def.section))
      sheet.addRow(def.columns.map((col) => toCell(col, get(row, col.key))));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sectionRows(plan: PlanFile, section: string): object[] {
  if (section !== 'printedTotals.projectGroups') return get(plan, section) as object[];
  const t = plan.printedTotals;
  return [
    { status: 'planned', no: GRAND_TOTAL, name: GRAND_TOTAL, ...t.plannedProjects },
    { status: 'reserve', no: GRAND_TOTAL, name: GRAND_TOTAL, ...t.reserveProjects },
    ...t.projectGroups,
  ];
}

/** Reads a workbook into the plan file's shape; throws PlanValidationError naming each bad cell. */
export async function readPlanWorkbook(source: string | Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  try {
    const bytes = typeof source === 'string' ? await readFile(source) : source;
    const beyond = checkWorkbookLimits(bytes, {
      maxRowsPerSheet: MAX_ROWS_PER_SHEET,
      maxUnpackedBytes: MAX_UNPACKED_BYTES,
    });
    if (beyond.length > 0) throw new PlanValidationError(beyond);
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof PlanValidationError) throw e;
    throw new PlanValidationError([
      {
        where: '(workbook)',
        message: {
          zh: `无法读取 Excel 文件：${(e as Error).message}`,
          en: `cannot read the Excel file: ${(e as Error).message}`,
        },
      },
    ]);
  }
  const issues: PlanIssue[] = [];
  const result: Record<string, unknown> = {};

  const planSheet = requireSheet(wb, PLAN_SHEET, issues);
  if (planSheet) {
    PLAN_FIELDS.forEach((f, i) => {
      const value = readCell(planSheet.getRow(i + 2).getCell(2), f, `${PLAN_SHEET}!B${i + 2}`, issues);
      if (value !== undefined) set(result, f.key, value);
    });
  }
  for (const def of SHEETS) {
    const sheet = requireSheet(wb, def.name, issues);
    if (!sheet) continue;
    checkHeader(sheet, def, issues);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, rowNo) => {
      if (rowNo === 1) return;
      const values = def.columns.map((col, i) =>
        readCell(row.getCell(i + 1), col, `${def.name}!${columnLetter(i)}${rowNo}`, issues),
      );
      if (values.every((v) => v === undefined || v === null || v === '')) return;
      const obj: Record<string, unknown> = {};
      def.columns.forEach((col, i) => set(obj, col.key, values[i]));
      rows.push(obj);
    });
    placeSection(result, def.section, rows);
  }
  if (issues.length > 0) throw new PlanValidationError(issues);
  return result;
}

function placeSection(result: Record<string, unknown>, section: string, rows: Record<string, unknown>[]): void {
  if (section !== 'printedTotals.projectGroups') {
    result[section] = rows;
    return;
  }
  const totals = (result.printedTotals ??= {}) as Record<string, unknown>;
  const strip = ({ status: _s, no: _n, name: _m, ...rest }: Record<string, unknown>) => rest;
  for (const r of rows.filter((x) => x.no === GRAND_TOTAL))
    totals[r.status === 'planned' ? 'plannedProjects' : 'reserveProjects'] = strip(r);
  totals.projectGroups = rows.filter((x) => x.no !== GRAND_TOTAL);
}

function requireSheet(wb: ExcelJS.Workbook, name: string, issues: PlanIssue[]): ExcelJS.Worksheet | undefined {
  const sheet = wb.getWorksheet(name);
  if (!sheet)
    issues.push({
      where: name,
      message: {
        zh: `缺少工作表“${name}”，请使用导出的模板`,
        en: `sheet "${name}" is missing; start from the exported template`,
      },
    });
  return sheet;
}

function checkHeader(sheet: ExcelJS.Worksheet, def: SheetDef, issues: PlanIssue[]): void {
  def.columns.forEach((col, i) => {
    const text = String(sheet.getRow(1).getCell(i + 1).value ?? '');
    if (!text.startsWith(col.zh)) {
      issues.push({
        where: `${def.name}!${columnLetter(i)}1`,
        message: {
          zh: `第${i + 1}列应为“${col.zh}”，实际为“${text}”`,
          en: `column ${i + 1} should be "${col.en}", found "${text}"`,
        },
      });
    }
  });
}

function readCell(cell: ExcelJS.Cell, col: Column, where: string, issues: PlanIssue[]): unknown {
  const raw = cell.value;
  const bad = (zh: string, en: string) => {
    issues.push({ where: `${where}（${col.zh} ${col.en}）`, message: { zh, en } });
    return undefined;
  };
  if (raw !== null && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
    return bad('不接受公式，请填写数值或文字', 'formulas are not accepted; enter the value itself');
  }
  const value =
    raw !== null && typeof raw === 'object' && 'richText' in raw ? raw.richText.map((t) => t.text).join('') : raw;
  const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
  if (col.kind === 'optionalNumber' && empty) return null;
  switch (col.kind) {
    case 'optionalNumber':
    case 'number':
    case 'int': {
      if (empty) return bad('不能为空', 'must not be empty');
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(n))
        return bad(`应为数字，实际为“${String(value)}”`, `must be a number, found "${String(value)}"`);
      if (col.kind === 'int' && !Number.isInteger(n))
        return bad(`应为整数，实际为${n}`, `must be a whole number, found ${n}`);
      return n;
    }
    case 'nullableList':
    case 'list':
      if (empty) return col.kind === 'list' ? [] : null;
      return String(value)
        .split(/[、,，]/)
        .map((s) => s.trim())
        .filter(Boolean);
    case 'intList': {
      if (empty) return [];
      const parts = String(value)
        .split(/[、,，\s]+/)
        .filter(Boolean);
      const wrong = parts.filter((x) => !/^[1-9]\d*$/.test(x));
      if (wrong.length)
        return bad(
          `应为以“、”分隔的指标序号，例如“2、3”；无法识别“${wrong.join('、')}”`,
          `must be indicator numbers separated by 、, e.g. "2、3"; cannot read "${wrong.join(', ')}"`,
        );
      return parts.map(Number);
    }
    case 'optionalText':
      return empty ? '' : String(value).trim();
    case 'english':
      return empty ? undefined : String(value).trim();
    case 'text': {
      if (empty) return bad('不能为空', 'must not be empty');
      if (typeof value === 'object') return bad('应为文字', 'must be text');
      const text = String(value).trim();
      if (!col.labels) return text;
      const code = Object.entries(col.labels).find(([k, label]) => text === k || text === label)?.[0];
      if (code === undefined) {
        const allowed = Object.values(col.labels).join('、');
        return bad(
          `应为以下之一：${allowed}，实际为“${text}”`,
          `must be one of ${Object.keys(col.labels).join(', ')}, found "${text}"`,
        );
      }
      return code;
    }
  }
}

function toCell(col: Column, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (col.kind === 'list' || col.kind === 'nullableList' || col.kind === 'intList')
    return (value as Array<string | number>).join('、');
  if (col.labels && typeof value === 'string') return col.labels[value] ?? value;
  return value as ExcelJS.CellValue;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

function set(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
}
