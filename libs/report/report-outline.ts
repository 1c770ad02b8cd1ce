/**
 * The report's structure, once for every format: chapters as Chinese plan
 * evaluation reports have them (总体评价, 主要指标完成情况 with the main targets,
 * 主要任务进展, 重大项目推进, 存在的主要问题, 对策建议 and 规划调整建议, 附表),
 * each a list of blocks a format draws its own way (Word paragraphs and
 * tables, HTML elements). Chapters and sections are numbered here, so a chapter
 * added or left out never leaves a gap. Drafted chapters say so.
 */
import type { CycleReportFigures } from './cycle-report';
import {
  bindingRatios,
  projectCompletion,
  statusByCategory,
  timelinessShares,
  type ReportChart,
} from './report-charts';
import { draftChapters, type DraftedChapter } from './report-drafts';
import { withEdits, type TextEdits } from './report-edits';
import { finalSections } from './report-final';
import { adjustmentSection } from './report-adjustments';
import { SERVICE_TEXT, serviceAreaRows, serviceShortfallItems } from './report-services';
import { assessmentBlocks } from './report-assessment';
import {
  behindPath,
  categoriesInPlanOrder,
  movedIntoPlan,
  notedIndicators,
  projectsToDiscuss,
  reportRows,
  warnedIndicators,
  type ReportText,
} from './report-text';

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  /** A bold line that introduces one item (an indicator behind, a project, a task). */
  | { kind: 'lead'; text: string }
  | { kind: 'section'; title: string }
  | { kind: 'table'; headers: string[]; rows: string[][] }
  | { kind: 'chart'; chart: ReportChart }
  /** Small charts side by side (the final evaluation's one per indicator). */
  | { kind: 'charts'; charts: ReportChart[] };

export interface ReportChapter {
  title: string;
  /** Written by the system for the bureau to edit (the figures in it are not). */
  drafted: boolean;
  blocks: ReportBlock[];
}

type Indicator = CycleReportFigures['indicators'][number];

const paragraph = (text: string): ReportBlock => ({ kind: 'paragraph', text });
const lead = (text: string): ReportBlock => ({ kind: 'lead', text });
const table = (headers: string[], rows: string[][]): ReportBlock => ({ kind: 'table', headers, rows });
const chart = (c: ReportChart): ReportBlock => ({ kind: 'chart', chart: c });
const listOr = <T>(items: T[], block: (x: T) => ReportBlock[], none: string): ReportBlock[] =>
  items.length ? items.flatMap(block) : [paragraph(none)];

/** A chapter's sections, numbered in order: [title, blocks] pairs. */
function sections(t: ReportText, parts: Array<[string, ReportBlock[]]>): ReportBlock[] {
  return parts.flatMap(([title, blocks], n) => [
    { kind: 'section', title: `${t.sectionNo(n + 1)}${title}` },
    ...blocks,
  ]);
}

function indicatorsChapter(t: ReportText, f: CycleReportFigures): ReportBlock[] {
  const indicatorTable = (rows: Indicator[]) =>
    table(
      t.headers.indicators,
      rows.map((i) => reportRows.indicator(t, i)),
    );
  const binding = f.indicators.filter((i) => i.attribute === 'binding');
  // The plan's categories in the plan's order; binding indicators are tabled once, in their own section.
  const categories = categoriesInPlanOrder(f);
  const byCategory = categories.flatMap((c, n) => {
    const rows = f.indicators.filter((i) => i.category === c && i.attribute !== 'binding');
    return [lead(`${n + 1}. ${t.name(f, c)}`), rows.length ? indicatorTable(rows) : paragraph(t.allBinding)];
  });
  return sections(t, [
    // A final evaluation leads with what was met at the plan's end.
    ...(f.final ? finalSections(t, f, f.final) : []),
    [t.headings.binding, [...bindingRatios(t, f).map(chart), indicatorTable(binding)]],
    [t.headings.byCategory, byCategory],
    [
      t.headings.behind,
      listOr(
        behindPath(f),
        (i) => [lead(t.behindItem(f, i)), paragraph(t.reasons(i.reasons)), paragraph(t.measures(i.measures))],
        t.noneBehind,
      ),
    ],
    [t.headings.warned, listOr(warnedIndicators(f), (i) => [paragraph(t.warnedItem(f, i))], t.noneWarned)],
    [t.headings.notes, listOr(notedIndicators(f), (i) => [paragraph(t.notedItem(i))], t.noneNoted)],
    [
      t.headings.targets,
      [
        paragraph(t.targetsSummary(f)),
        table(
          t.headers.targets,
          f.targets.map((x) => reportRows.target(t, f, x)),
        ),
      ],
    ],
    ...adjustmentSection(t.locale, f),
  ]);
}

function tasksChapter(t: ReportText, f: CycleReportFigures): ReportBlock[] {
  return [
    table(
      t.headers.tasks,
      f.tasks.map((x) => reportRows.task(t, f, x)),
    ),
    ...f.tasks.flatMap((x) => [
      lead(t.taskItem(f, x)),
      paragraph(t.taskNarrative(x.narrative)),
      ...(x.contributions.length ? [paragraph(t.contributions(f, x))] : []),
    ]),
  ];
}

function projectsChapter(t: ReportText, f: CycleReportFigures): ReportBlock[] {
  return sections(t, [
    [
      t.headings.planned,
      [
        paragraph(t.projectTotals(f)),
        chart(projectCompletion(t, f)),
        table(t.headers.projects, [
          ...f.projects.map((p) => reportRows.project(t, f, p)),
          reportRows.projectTotal(t, f),
        ]),
        ...listOr(
          projectsToDiscuss(f),
          (p) => [lead(t.projectItem(f, p)), paragraph(t.projectNarrative(p.narrative))],
          t.noneProjectsBehind,
        ),
      ],
    ],
    [
      t.headings.reserve,
      [
        paragraph(t.reserveTotals(f)),
        lead(t.headings.moved),
        ...listOr(movedIntoPlan(f), (r) => [paragraph(t.movedItem(f, r))], t.noneMoved),
      ],
    ],
  ]);
}

function servicesChapter(t: ReportText, f: CycleReportFigures): ReportBlock[] {
  const s = SERVICE_TEXT[t.locale];
  return sections(t, [
    [s.byArea, [paragraph(s.summary(f)), table(s.headers, serviceAreaRows(t.locale, f))]],
    [
      s.shortfalls,
      listOr(serviceShortfallItems(f), (i) => [lead(s.shortfallItem(f, i)), paragraph(s.account(i.narrative))], s.none),
    ],
  ]);
}

/** `edits`: the bureau's text of the drafted sections it edited, in place of the drafted text. */
export function reportOutline(t: ReportText, f: CycleReportFigures, edits: TextEdits = {}): ReportChapter[] {
  const drafts = draftChapters(f, t.locale);
  const text = (chapter: DraftedChapter) => withEdits(drafts[chapter], edits, t.locale);
  // Problems stand as the chapter's own sections (（一）); recommendations sit inside one and count 1, 2, ….
  const numbered = (items: string[], no: (n: number) => string) =>
    items.map((line, n) => paragraph(`${no(n + 1)}${line}`));
  const chapters: Array<Omit<ReportChapter, 'title'> & { name: string }> = [
    {
      name: t.headings.overview,
      drafted: false,
      blocks: [paragraph(t.summary(f)), paragraph(t.method(f)), chart(statusByCategory(t, f))],
    },
    { name: t.headings.indicators, drafted: false, blocks: indicatorsChapter(t, f) },
    { name: t.headings.tasks, drafted: false, blocks: tasksChapter(t, f) },
    { name: t.headings.projects, drafted: false, blocks: projectsChapter(t, f) },
    { name: SERVICE_TEXT[t.locale].heading, drafted: false, blocks: servicesChapter(t, f) },
    {
      name: t.headings.problems,
      drafted: true,
      blocks: [
        paragraph(drafts.notice),
        ...numbered(text('problems'), t.sectionNo),
        ...(f.boilerplate.length
          ? [lead(t.headings.boilerplate), ...f.boilerplate.map((b) => paragraph(t.boilerplateItem(f, b)))]
          : []),
      ],
    },
    {
      name: t.headings.advice,
      drafted: true,
      blocks: [
        paragraph(drafts.notice),
        ...sections(t, [
          [t.headings.recommendations, numbered(text('recommendations'), (n) => `${n}. `)],
          [t.headings.adjustments, text('adjustments').map(paragraph)],
        ]),
      ],
    },
  ];
  const numberedChapters: ReportChapter[] = chapters.map(({ name, ...c }, n) => ({
    title: `${t.chapterNo(n + 1)}${name}`,
    ...c,
  }));
  // The annex tables follow the chapters, unnumbered as 附表 are.
  numberedChapters.push({
    title: t.headings.annex,
    drafted: false,
    blocks: [
      lead(t.headings.timeliness),
      chart(timelinessShares(t, f)),
      table(
        t.headers.timeliness,
        f.timeliness.map((x) => reportRows.timeliness(t, f, x)),
      ),
      ...assessmentBlocks(t.locale, f),
      paragraph(t.appendix),
    ],
  });
  return numberedChapters;
}

/** Every chart of an outline, in order. */
export const outlineCharts = (outline: ReportChapter[]): ReportChart[] =>
  outline.flatMap((c) =>
    c.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : b.kind === 'charts' ? b.charts : [])),
  );
