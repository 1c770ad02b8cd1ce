/**
 * The fields each kind of submission may hold, and how long each text may be:
 * what is not listed is refused by name, before it can enter a version, a
 * workflow's history or the report. Drafts are held to the same whitelist
 * (a draft may leave fields out; what it holds must fit). Pure: the API
 * checks a request with it, and the department workflow's validator checks
 * the same command again.
 */
import { unstorableText, describeTextProblem } from '../common/storable-text';
import { WORK_ITEM_KINDS, type WorkItemKind } from './cycle-definition';
import type { SubmissionError } from './submission';

type FieldRule = { type: 'text'; max: number } | { type: 'scalar' } | { type: 'evidence' };

const text = (max: number): FieldRule => ({ type: 'text', max });
const scalar: FieldRule = { type: 'scalar' };
const evidence: FieldRule = { type: 'evidence' };

/** A narrative a department writes: a few pages at most. */
export const NARRATIVE_MAX = 5000;

export const SUBMISSION_FIELDS: Record<WorkItemKind, Record<string, FieldRule>> = {
  indicator: {
    kind: text(20),
    value: scalar,
    dataSource: text(500),
    reasons: text(NARRATIVE_MAX),
    measures: text(NARRATIVE_MAX),
    evidence,
  },
  task: { kind: text(20), progress: text(40), narrative: text(NARRATIVE_MAX), evidence },
  project: {
    kind: text(20),
    investmentInPeriod: scalar,
    investmentCumulative: scalar,
    constructionStatus: text(40),
    landSecured: scalar,
    narrative: text(NARRATIVE_MAX),
    evidence,
  },
  // A reserve project reports its stage, not money: investment fields are refused by name.
  reserve: { kind: text(20), stage: text(40), narrative: text(NARRATIVE_MAX), evidence },
  // A basic public service item (专栏2) reports how it is delivered against its standard, with an account.
  service: { kind: text(20), implementation: text(40), narrative: text(NARRATIVE_MAX), evidence },
};

/** An evidence reference: the file's ID, name and hash, as the upload answered them. */
const EVIDENCE_FIELDS: Record<string, number> = { fileId: 64, name: 255, sha256: 64 };
export const EVIDENCE_MAX = 50;

/** Whatever a review, reopen or contribution says: a paragraph or a few. */
export const COMMAND_TEXT_MAX = { reason: 2000, text: 4000 } as const;

/** Every field of `submission` (under `at`, e.g. 'submission') that is not of its kind, not of its form, or too long. */
export function checkSubmissionShape(submission: unknown, at = 'submission'): SubmissionError[] {
  const errors: SubmissionError[] = [];
  const err = (field: string, zh: string, en: string) => errors.push({ field, zh, en });
  if (submission === null || typeof submission !== 'object' || Array.isArray(submission)) {
    err(at, `${at} 应为对象`, `${at} must be an object`);
    return errors;
  }
  const s = submission as Record<string, unknown>;
  const fields = typeof s.kind === 'string' ? SUBMISSION_FIELDS[s.kind as keyof typeof SUBMISSION_FIELDS] : undefined;
  if (!fields) {
    err(
      `${at}.kind`,
      `${at}.kind 应为 ${WORK_ITEM_KINDS.join('、')} 之一`,
      `${at}.kind must be one of ${WORK_ITEM_KINDS.join(', ')}`,
    );
    return errors;
  }
  for (const [name, value] of Object.entries(s)) {
    const field = `${at}.${name}`;
    const rule = fields[name];
    if (!rule)
      err(
        field,
        `不接受字段 ${field}（${s.kind} 类事项的填报没有此项）`,
        `field ${field} is not accepted (a ${s.kind} submission has no such field)`,
      );
    else if (value === undefined || value === null) continue;
    else if (rule.type === 'text') checkText(field, value, rule.max, err);
    else if (rule.type === 'scalar' && typeof value === 'object')
      err(field, `${field} 应为数值、文本或是/否`, `${field} must be a number, a text or true/false`);
    else if (rule.type === 'evidence') checkEvidence(field, value, err);
  }
  // Lone surrogates and NUL wherever they are, named by field.
  if (errors.length === 0) for (const p of unstorableText(s, at)) errors.push(describeTextProblem(p));
  return errors;
}

function checkText(
  field: string,
  value: unknown,
  max: number,
  err: (field: string, zh: string, en: string) => void,
): void {
  if (typeof value !== 'string') {
    if (typeof value === 'object') err(field, `${field} 应为文本`, `${field} must be a text`);
  } else if (value.length > max) {
    err(
      field,
      `${field} 过长：最多 ${max} 个字符（现有 ${value.length} 个）`,
      `${field} is too long: at most ${max} characters (it has ${value.length})`,
    );
  }
}

function checkEvidence(field: string, value: unknown, err: (field: string, zh: string, en: string) => void): void {
  if (!Array.isArray(value))
    return err(field, `${field} 应为证明材料列表`, `${field} must be a list of evidence files`);
  if (value.length > EVIDENCE_MAX)
    return err(
      field,
      `${field} 最多 ${EVIDENCE_MAX} 个证明材料`,
      `${field} holds at most ${EVIDENCE_MAX} evidence files`,
    );
  value.forEach((ref, n) => {
    const at = `${field}.${n}`;
    if (ref === null || typeof ref !== 'object' || Array.isArray(ref))
      return err(
        at,
        `${at} 应为证明材料（fileId、name、sha256）`,
        `${at} must be an evidence reference (fileId, name, sha256)`,
      );
    for (const [name, v] of Object.entries(ref)) {
      const max = EVIDENCE_FIELDS[name];
      if (max === undefined) err(`${at}.${name}`, `不接受字段 ${at}.${name}`, `field ${at}.${name} is not accepted`);
      else if (typeof v !== 'string') err(`${at}.${name}`, `${at}.${name} 应为文本`, `${at}.${name} must be a text`);
      else checkText(`${at}.${name}`, v, max, err);
    }
  });
}
