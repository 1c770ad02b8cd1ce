/**
 * The report as a Word document, the form a bureau circulates: summary,
 * binding indicators first, the full indicator table, lagging items with the
 * departments' reasons and measures, tasks, projects, timeliness, appendix.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { CycleReportFigures } from './cycle-report';
import { CONSTRUCTION_LABELS, fmt, pct, reportTitle, statusText, summaryText, TASK_PROGRESS_LABELS, TIMELINESS_LABELS } from './report-text';

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });

function table(headers: string[], rows: string[][]): Table {
  const row = (cells: string[], bold = false) =>
    new TableRow({ tableHeader: bold, children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold })] })] })) });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(headers, true), ...rows.map((r) => row(r))] });
}

export async function writeReportDocument(f: CycleReportFigures): Promise<Buffer> {
  const title = reportTitle(f);
  const indicatorRow = (i: CycleReportFigures['indicators'][number]) => [
    String(i.no), i.name, i.baseline, fmt(i.value), i.target, fmt(i.expected), i.ratio === null ? '—' : fmt(i.ratio, 3), statusText(i.status),
  ];
  const indicatorHeaders = ['序号', '指标', '基期', '本期值', '目标', '预期值', '进度比', '状态'];
  const binding = f.indicators.filter((i) => i.attribute === 'binding');
  const behind = f.indicators.filter((i) => i.status === 'lagging' || i.status === 'slightly_behind');

  const doc = new Document({
    creator: 'plan-eval',
    title: title.zh,
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', eastAsia: 'SimSun' }, size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: title.zh, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
          new Paragraph({ text: title.en, alignment: AlignmentType.CENTER }),
          heading('一、总体情况 Overview'),
          para(summaryText(f)),
          para(`评价方法：时序进度（时间过半、任务过半），阈值方案 ${f.thresholds.preset}：符合进度 ≥ ${f.thresholds.onTrack}，略滞后 ≥ ${f.thresholds.slightlyBehind}。`),
          heading('二、约束性指标 Binding indicators'),
          table(indicatorHeaders, binding.map(indicatorRow)),
          heading('三、主要指标完成情况 All indicators'),
          table(indicatorHeaders, f.indicators.map(indicatorRow)),
          heading('四、滞后指标原因分析及下一步措施 Items behind'),
          ...(behind.length
            ? behind.flatMap((i) => [
                new Paragraph({ children: [new TextRun({ text: `${i.no}. ${i.name}（${statusText(i.status)}，牵头单位：${i.leadDepartment}）`, bold: true })] }),
                para(`原因分析：${i.reasons ?? '未填报'}`),
                para(`下一步措施：${i.measures ?? '未填报'}`),
              ])
            : [para('无滞后指标。')]),
          heading('五、主要任务进展 Tasks'),
          table(['序号', '任务', '牵头单位', '进展'], f.tasks.map((t) => [String(t.no), t.title, t.leadDepartment, t.progress ? TASK_PROGRESS_LABELS[t.progress] : '未报'])),
          heading('六、重大项目投资完成情况 Projects'),
          table(
            ['序号', '项目', '“十四五”计划投资（万元）', '累计完成（万元）', '完成比例', '建设状态'],
            f.projects.map((p) => [String(p.no), p.name, fmt(p.planPeriodInvestment), fmt(p.investmentCumulative), pct(p.completionShare), p.constructionStatus ? CONSTRUCTION_LABELS[p.constructionStatus] : '未报']),
          ),
          heading('七、各部门报送及时性 Timeliness'),
          table(['部门', '及时性', '完成/事项'], f.timeliness.map((t) => [t.name, TIMELINESS_LABELS[t.timeliness], `${t.done}/${t.total}`])),
          heading('附录 Appendix'),
          para('每项数据均可追溯至其填报版本、填报人与审核人，详见 Excel 附表。Every figure traces to its submission version, submitter and approver: see the Excel annex.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
