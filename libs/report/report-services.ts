/**
 * The words and rows of the report's chapter on the basic public service
 * items (专栏2), zh-CN and English: the 落实率 per 服务领域 as a table, then the
 * items not delivered to standard with their department's account; and the
 * Excel sheet listing every item. Figures come from libs/report/cycle-report.ts
 * and libs/rules/service-items.ts (where partly counts as not delivered).
 */
import type { Locale } from '../plan/localized';
import { SERVICE_STANDINGS, serviceShortfalls, type ServiceCounts, type ServiceStanding } from '../rules/service-items';
import type { CycleReportFigures } from './cycle-report';
import { PLAN_NAMES } from './report-names';
import { pct, REPORT_TEXT } from './report-text';

type ServiceItem = CycleReportFigures['serviceItems'][number];

export interface ServiceText {
  heading: string;
  /** The chapter's sections: the rates by area, then the items that fall short. */
  byArea: string;
  shortfalls: string;
  /** The table by area: area, items, one column per standing, 落实率. */
  headers: string[];
  sheet: string;
  sheetHeaders: string[];
  standing(s: ServiceStanding): string;
  summary(f: CycleReportFigures): string;
  /** An item that falls short, with its area, standing and department. */
  shortfallItem(f: CycleReportFigures, i: ServiceItem): string;
  account(text: string | null): string;
  none: string;
  total: string;
  /** For the drafted chapters, when some items fall short: the problem, and what to do about it. */
  problem(f: CycleReportFigures, items: ServiceItem[]): string;
  fix: string;
}

const ZH_STANDING: Record<ServiceStanding, string> = {
  implemented: '按标准落实',
  partly: '部分落实',
  not_implemented: '未落实',
  not_reported: '未报送',
};
const EN_STANDING: Record<ServiceStanding, string> = {
  implemented: 'delivered to standard',
  partly: 'partly delivered',
  not_implemented: 'not delivered',
  not_reported: 'not reported',
};
/** A service area as the plan prints it, or its English twin (the Chinese where the plan has none). */
const areaIn = (locale: Locale, x: { area: string; areaEn: string | null }) =>
  locale === 'en' ? (x.areaEn ?? x.area) : x.area;
const counts = (c: ServiceCounts, phrase: (s: ServiceStanding, n: number) => string) =>
  SERVICE_STANDINGS.map((s) => phrase(s, c.byStanding[s]));

const ZH: ServiceText = {
  heading: '基本公共服务落实',
  byArea: '各服务领域落实情况',
  shortfalls: '未落实和部分落实的服务项目',
  headers: ['服务领域', '项目数', ...SERVICE_STANDINGS.map((s) => ZH_STANDING[s]), '落实率'],
  sheet: '基本公共服务',
  /** As every sheet of the workbook: its own columns, then those tracing each row to its submission. */
  sheetHeaders: ['序号', '服务领域', '服务项目', '责任单位', '落实情况', '差距和原因'],
  standing: (s) => ZH_STANDING[s],
  summary: (f) => {
    const o = f.summary.serviceItems.overall;
    return (
      `${o.count}项基本公共服务项目中，${counts(o, (s, n) => `${ZH_STANDING[s]}${n}项`).join('，')}，` +
      `落实率${pct(o.rate)}（按标准落实项目数占项目总数的比例，部分落实和未报送的不计为落实）。`
    );
  },
  shortfallItem: (_f, i) =>
    `${i.no}. ${i.name}（${i.area}，${ZH_STANDING[i.implementation ?? 'not_reported']}，责任单位：${i.leadDepartment ?? '未指定'}）`,
  account: (text) => `差距和原因：${text ?? '未填报'}`,
  none: '所有已报送的基本公共服务项目均已按标准落实。',
  total: '合计',
  problem: (f, items) =>
    `基本公共服务尚未全部按标准落实：落实率${pct(f.summary.serviceItems.overall.rate)}，${items
      .map((i) => `“${i.name}”（${ZH_STANDING[i.implementation ?? 'not_reported']}）`)
      .join('、')}与国家和省标准仍有差距。`,
  fix: '补齐基本公共服务短板：责任单位对未落实和部分落实的服务项目逐项制定达标方案，落实资金和人员保障，确保按国家和省标准提供。',
};

const EN: ServiceText = {
  heading: 'Basic public services',
  byArea: 'Delivery by service area',
  shortfalls: 'Items not delivered, or delivered in part',
  headers: [
    'Area',
    'Items',
    'Delivered to standard',
    'Partly delivered',
    'Not delivered',
    'Not reported',
    'Delivery rate',
  ],
  sheet: 'Basic public services',
  sheetHeaders: ['No.', 'Area', 'Item', 'Department', 'Delivery', 'Shortfall and reasons'],
  standing: (s) => EN_STANDING[s],
  summary: (f) => {
    const o = f.summary.serviceItems.overall;
    return (
      `Of the ${o.count} basic public service items, ${counts(o, (s, n) => `${n} ${EN_STANDING[s]}`).join(', ')}: ` +
      `a delivery rate of ${pct(o.rate)} (items delivered to standard over all items; partly delivered and unreported items do not count as delivered).`
    );
  },
  shortfallItem: (f, i) =>
    `${i.no}. ${PLAN_NAMES.en.item(i)} (${areaIn('en', i)}; ${EN_STANDING[i.implementation ?? 'not_reported']}; department: ${i.leadDepartment ? REPORT_TEXT.en.name(f, i.leadDepartment) : 'none assigned'})`,
  account: (text) => `Shortfall and reasons: ${text ?? 'not given'}`,
  none: 'Every basic public service item reported is delivered to standard.',
  total: 'Total',
  problem: (f, items) =>
    `Not every basic public service is delivered to standard: a delivery rate of ${pct(f.summary.serviceItems.overall.rate)}; ${items
      .map((i) => `"${PLAN_NAMES.en.item(i)}" (${EN_STANDING[i.implementation ?? 'not_reported']})`)
      .join(', ')} still fall short of the national and provincial standards.`,
  fix: 'Close the gaps in basic public services: for each item not delivered or delivered in part, its department draws up a plan to reach the standard, with the funds and staff it needs.',
};

export const SERVICE_TEXT: Record<Locale, ServiceText> = { 'zh-CN': ZH, en: EN };

/** The table by area, in the plan's order, and its total row. */
export function serviceAreaRows(locale: Locale, f: CycleReportFigures): string[][] {
  const t = SERVICE_TEXT[locale];
  const areaEn = new Map(f.serviceItems.map((i) => [i.area, i.areaEn]));
  const row = (name: string, c: ServiceCounts) => [
    name,
    String(c.count),
    ...SERVICE_STANDINGS.map((s) => String(c.byStanding[s])),
    pct(c.rate),
  ];
  const { byArea, overall } = f.summary.serviceItems;
  return [
    ...byArea.map((a) => row(areaIn(locale, { area: a.area, areaEn: areaEn.get(a.area) ?? null }), a)),
    row(t.total, overall),
  ];
}

/** The items a report lists one by one: not delivered first, then partly, each by number. */
export const serviceShortfallItems = (f: CycleReportFigures) => serviceShortfalls(f.serviceItems);

/** An item's cells on the Excel sheet, before the submission it comes from (the workbook traces that). */
export function serviceSheetRow(locale: Locale, f: CycleReportFigures, i: ServiceItem): Array<string | number | null> {
  return [
    i.no,
    areaIn(locale, i),
    PLAN_NAMES[locale].item(i),
    i.leadDepartment ? REPORT_TEXT[locale].name(f, i.leadDepartment) : null,
    SERVICE_TEXT[locale].standing(i.implementation ?? 'not_reported'),
    i.narrative,
  ];
}
