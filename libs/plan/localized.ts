/**
 * Every message a user sees exists in zh-CN and English; zh-CN comes first.
 */
export interface Localized {
  zh: string;
  en: string;
}

export type Locale = 'zh-CN' | 'en';

export function localize(text: Localized, locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? text.en : text.zh;
}

/** Both languages, zh-CN first, for places (logs, CLI) that cannot know the reader's locale. */
export function bilingual(text: Localized): string {
  return `${text.zh} (${text.en})`;
}

/** A problem found in a plan file or workbook, located precisely enough to be fixed. */
export interface PlanIssue {
  /** Where: e.g. `indicators[33].baseline` or `指标!C5`. */
  where: string;
  message: Localized;
}

export class PlanValidationError extends Error {
  constructor(readonly issues: PlanIssue[]) {
    super(
      `数据有 ${issues.length} 处问题 (the data has ${issues.length} problem(s)):\n` +
        issues.map((i) => `  - ${i.where}: ${bilingual(i.message)}`).join('\n'),
    );
    this.name = 'PlanValidationError';
  }
}

/** The plan asked for is not there (a 404 to the API, an error message to the CLI). */
export class PlanNotFoundError extends PlanValidationError {
  constructor(issue: PlanIssue) {
    super([issue]);
    this.name = 'PlanNotFoundError';
  }
}
