/**
 * A lead department's part of the report out for comments: its items' rows
 * as the report judged them, and the drafted findings (存在的主要问题, 对策建议,
 * 规划调整建议) that name the department or one of its indicators. What its
 * comment notice lists, chosen from the same figures and drafts the report
 * prints, so a department reads what the report says of it.
 */
import { parseItemKey } from '../cycle/cycle-definition';
import type { Locale } from '../plan/localized';
import type { CycleReportFigures } from './cycle-report';
import { draftChapters } from './report-drafts';

export interface PartRow {
  key: string;
  title: string;
  /** As the report judged it (达到/滞后…); null: the report has no judgement for it (a reserve project). */
  status: string | null;
}

export interface ReviewPart {
  rows: PartRow[];
  findings: string[];
}

/** How a drafted paragraph names an indicator: `（第5项）`, `(no. 5)`. */
const INDICATOR_MENTION: Record<Locale, (no: number) => string> = {
  'zh-CN': (no) => `（第${no}项）`,
  en: (no) => `(no. ${no})`,
};

export function reviewPart(
  f: CycleReportFigures,
  department: { name: string; nameEn?: string | null },
  itemKeys: string[],
  locale: Locale = 'zh-CN',
): ReviewPart {
  const rows: PartRow[] = [];
  const indicatorNos: number[] = [];
  for (const key of itemKeys) {
    const parsed = parseItemKey(key);
    if (!parsed) continue;
    const row = rowOf(f, parsed.kind, parsed.no, locale);
    if (!row) continue;
    if (parsed.kind === 'indicator') indicatorNos.push(parsed.no);
    rows.push({ key, ...row });
  }
  const name = locale === 'en' ? (department.nameEn ?? department.name) : department.name;
  const drafted = draftChapters(f, locale);
  const findings = [...drafted.problems, ...drafted.recommendations, ...drafted.adjustments]
    .map((p) => p.text)
    .filter((text) => text.includes(name) || indicatorNos.some((no) => text.includes(INDICATOR_MENTION[locale](no))));
  return { rows, findings };
}

function rowOf(f: CycleReportFigures, kind: string, no: number, locale: Locale): Omit<PartRow, 'key'> | null {
  const en = locale === 'en';
  switch (kind) {
    case 'indicator': {
      const i = f.indicators.find((x) => x.no === no);
      return i ? { title: (en && i.nameEn) || i.name, status: i.status } : null;
    }
    case 'task': {
      const t = f.tasks.find((x) => x.no === no);
      return t ? { title: (en && t.titleEn) || t.title, status: t.status } : null;
    }
    case 'project': {
      const p = f.projects.find((x) => x.no === no);
      return p ? { title: (en && p.nameEn) || p.name, status: p.status } : null;
    }
    case 'reserve': {
      const r = f.reserveProjects.find((x) => x.no === no);
      return r ? { title: (en && r.nameEn) || r.name, status: r.stage } : null;
    }
    case 'service': {
      const s = f.serviceItems.find((x) => x.no === no);
      return s ? { title: (en && s.nameEn) || s.name, status: s.implementation } : null;
    }
    default:
      return null;
  }
}
