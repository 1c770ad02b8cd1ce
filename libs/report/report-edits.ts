/**
 * The bureau's edits of the drafted chapters (存在的主要问题, 对策建议,
 * 规划调整建议): each drafted paragraph is a section, named by the key of the
 * finding it was drafted from (libs/report/report-drafts.ts), and the bureau's
 * latest edit of a section takes the place of the drafted text in every
 * rendition. The figures are never edited: the text around them is. Pure.
 * What a section's text may be, and when it may be edited: libs/report/section-text.ts.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import type { CycleReportFigures } from './cycle-report';
import { DRAFTED_CHAPTERS, draftChapters, type DraftedChapter, type DraftedParagraph } from './report-drafts';

/** A section's text in both renditions. */
export interface SectionText {
  zh: string;
  en: string;
}

/** The bureau's latest text of each section it edited, by section key. */
export type TextEdits = Readonly<Record<string, SectionText>>;

export interface DraftedSection {
  key: string;
  chapter: DraftedChapter;
  drafted: SectionText;
}

/** Every drafted section of a report, in the report's order, with its text in both languages. */
export function draftedSections(f: CycleReportFigures): DraftedSection[] {
  const zh = draftChapters(f, 'zh-CN');
  const en = draftChapters(f, 'en');
  return DRAFTED_CHAPTERS.flatMap((chapter) => {
    const english = new Map(en[chapter].map((p) => [p.key, p.text]));
    return zh[chapter].map((p) => ({ key: p.key, chapter, drafted: { zh: p.text, en: english.get(p.key) ?? p.text } }));
  });
}

/** A chapter's paragraphs with the bureau's edits in place of the drafted text; edits of other sections are left out. */
export function withEdits(paragraphs: DraftedParagraph[], edits: TextEdits, locale: 'zh-CN' | 'en'): string[] {
  return paragraphs.map((p) => {
    const edit = edits[p.key];
    return edit ? (locale === 'en' ? edit.en : edit.zh) : p.text;
  });
}

/**
 * The hash of the report's text as it reads, every drafted section after the
 * bureau's edits, in both languages. The figures keep their own content hash
 * (the same draft or final); a final version carries both.
 */
export function reportTextHash(f: CycleReportFigures, edits: TextEdits): string {
  const text = draftedSections(f).map(({ key, drafted }) => [key, edits[key] ?? drafted]);
  return createHash('sha256').update(canonicalJson(text)).digest('hex');
}
