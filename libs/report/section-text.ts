/**
 * What the bureau may write as a section of the report's drafted text, and
 * when: the API checks a save by these rules and the portal's editor holds
 * its fields to them. Pure, without Node built-ins (the portal imports it).
 */
import type { ReviewStage } from '../cycle/report-review';
import type { Localized } from '../plan/localized';

/**
 * Whether the bureau may still edit the text at a review stage (null: no review started). From 定稿 on the
 * text is the final version's; an approver's return sends the review back to commenting, and editing with it.
 */
export function textEditable(stage: ReviewStage | null): boolean {
  return stage === null || stage === 'commenting' || stage === 'recompiling';
}

/** How long one section may be: a paragraph, not a chapter pasted in. */
export const SECTION_TEXT_MAX = 2000;

/** Line breaks and the other control characters: a section is one paragraph of plain text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** What is wrong with a section's text, each problem naming `field`; empty when it may be saved. */
export function sectionTextProblems(text: string, field: string): Array<Localized & { field: string }> {
  if (text.trim() === '')
    return [{ field, zh: `${field}：段落文字不能为空`, en: `${field}: the section's text may not be empty` }];
  const problems: Array<Localized & { field: string }> = [];
  if ([...text].length > SECTION_TEXT_MAX)
    problems.push({
      field,
      zh: `${field}：段落文字最多${SECTION_TEXT_MAX}字`,
      en: `${field}: a section holds at most ${SECTION_TEXT_MAX} characters`,
    });
  if (CONTROL.test(text))
    problems.push({
      field,
      zh: `${field}：段落是一段纯文字，不能含换行或控制字符`,
      en: `${field}: a section is one paragraph of plain text, without line breaks or control characters`,
    });
  return problems;
}
