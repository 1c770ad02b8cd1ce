/**
 * Every message a user sees exists in zh-CN and English; zh-CN comes first.
 */
export interface Localized {
  zh: string;
  en: string;
}

/** The languages a person reads in, zh-CN first: request fields, workbooks and the portal take them from here. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

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

/**
 * Problems listed in one refusal. A file wrong on every row has hundreds of
 * thousands (a 416 KB workbook once made a 129 MB answer); nobody reads past
 * the first screen, so the rest are counted, not listed.
 */
export const MAX_LISTED_ISSUES = 100;

export class PlanValidationError extends Error {
  /** The first MAX_LISTED_ISSUES problems, then one saying how many more were found. */
  readonly issues: PlanIssue[];

  constructor(issues: PlanIssue[]) {
    const listed = listedIssues(issues);
    super(
      `数据有 ${issues.length} 处问题 (the data has ${issues.length} problem(s)):\n` +
        listed.map((i) => `  - ${i.where}: ${bilingual(i.message)}`).join('\n'),
    );
    this.issues = listed;
    this.name = 'PlanValidationError';
  }
}

function listedIssues(issues: PlanIssue[]): PlanIssue[] {
  const more = issues.length - MAX_LISTED_ISSUES;
  if (more <= 0) return issues;
  return [
    ...issues.slice(0, MAX_LISTED_ISSUES),
    { where: '…', message: { zh: `另有 ${more} 个问题未列出`, en: `${more} more problems not listed` } },
  ];
}

/** The plan asked for is not there (a 404 to the API, an error message to the CLI). */
export class PlanNotFoundError extends PlanValidationError {
  constructor(issue: PlanIssue) {
    super([issue]);
    this.name = 'PlanNotFoundError';
  }
}
