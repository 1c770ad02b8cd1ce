/** The report's Excel annex: every figure, one sheet per table, each row traceable to its submission. */
import ExcelJS from 'exceljs';
import type { CycleReportFigures } from './cycle-report';
import { CONSTRUCTION_LABELS, fmt, statusText, TASK_PROGRESS_LABELS, TIMELINESS_LABELS } from './report-text';

export async function writeReportWorkbook(f: CycleReportFigures): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan-eval';
  const sheet = (name: string, headers: string[], rows: Array<Array<string | number | null>>) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers).font = { bold: true };
    rows.forEach((r) => ws.addRow(r));
    headers.forEach((_h, i) => (ws.getColumn(i + 1).width = i === 1 ? 36 : 16));
  };
  sheet(
    '指标',
    ['序号 No.', '指标 Indicator', '类别 Category', '单位 Unit', '属性 Attribute', '基期 Baseline', '目标 Target', '本期值 Value', '预期值 Expected', '进度比 Ratio', '状态 Status', '牵头单位 Lead', '版本 Version', '填报人 Submitter', '审核人 Approver'],
    f.indicators.map((i) => [
      i.no, i.name, i.category, i.unit, i.attribute === 'binding' ? '约束性' : '预期性', i.baseline, i.target,
      typeof i.value === 'number' ? i.value : fmt(i.value), i.expected, i.ratio === null ? null : Math.round(i.ratio * 10000) / 10000,
      statusText(i.status), i.leadDepartment, i.source?.version ?? null, i.source?.submittedBy ?? null, i.source?.approvedBy ?? null,
    ]),
  );
  sheet(
    '任务',
    ['序号 No.', '任务 Task', '牵头单位 Lead', '进展 Progress', '说明 Narrative', '版本 Version'],
    f.tasks.map((t) => [t.no, t.title, t.leadDepartment, t.progress ? TASK_PROGRESS_LABELS[t.progress] : '未报', t.narrative, t.source?.version ?? null]),
  );
  sheet(
    '项目',
    ['序号 No.', '项目 Project', '牵头单位 Lead', '“十四五”计划投资（万元）', '累计完成投资（万元）', '完成比例 Share', '建设状态 Status', '版本 Version'],
    f.projects.map((p) => [p.no, p.name, p.leadDepartment, p.planPeriodInvestment, p.investmentCumulative, p.completionShare, p.constructionStatus ? CONSTRUCTION_LABELS[p.constructionStatus] : '未报', p.source?.version ?? null]),
  );
  sheet(
    '报送及时性',
    ['部门 Department', '代码 Code', '及时性 Timeliness', '已完成 Done', '事项数 Items'],
    f.timeliness.map((t) => [t.name, t.department, TIMELINESS_LABELS[t.timeliness], t.done, t.total]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
