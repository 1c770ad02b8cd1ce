/**
 * The dashboard's overdue list as an Excel workbook, for the bureau to chase
 * departments offline: one row per item, department first, the header frozen
 * and filterable; times in Beijing time, as the portal shows them.
 */
import ExcelJS from 'exceljs';
import { ITEM_STATUS_LABELS, type ItemStatus } from '@libs/cycle/department-state';
import type { Locale, Localized } from '@libs/plan/localized';
import { KIND_GROUPS, type CycleOverview } from './dashboard.service';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['部门', '类别', '序号', '事项', '状态', '截止时间（北京时间）'],
  en: ['Department', 'Kind', 'No.', 'Item', 'State', 'Deadline (Beijing time)'],
};

const TIMES: Record<Locale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
};

export async function writeOverdueWorkbook(overview: CycleOverview, locale: Locale): Promise<Buffer> {
  const pick = (l: Localized) => (locale === 'en' ? l.en : l.zh);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan-eval';
  const ws = wb.addWorksheet(locale === 'en' ? 'Overdue' : '逾期未报', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = HEADERS[locale];
  ws.addRow(headers).font = { bold: true };
  for (const o of overview.overdue)
    ws.addRow([
      pick(o.departmentName),
      pick(KIND_GROUPS[o.kind]),
      o.no,
      o.title,
      pick(ITEM_STATUS_LABELS[o.status as ItemStatus] ?? { zh: o.status, en: o.status }),
      TIMES[locale].format(new Date(o.deadline)),
    ]);
  [24, 14, 8, 48, 12, 24].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
