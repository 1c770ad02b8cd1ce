/**
 * Typed targets and baselines parsed from the forms that 专栏1 prints.
 * The printed text is always kept beside the parsed form; an unknown form is an
 * error, never a guess.
 */

export type QualitativeGoal = 'cover_all_eligible' | 'keep_at_zero';

export type Target =
  | { kind: 'point'; value: number }
  | { kind: 'at_least'; value: number; strict: boolean }
  | { kind: 'at_most'; value: number; strict: boolean }
  /** `稳定在85以上`: at or above the floor in every year, not only in the final one. */
  | { kind: 'stay_at_least'; value: number }
  | { kind: 'range'; min: number; max: number }
  /** `〔12.5〕`: a five-year cumulative total. */
  | { kind: 'cumulative'; total: number }
  | { kind: 'qualitative'; goal: QualitativeGoal };

export type Baseline =
  | { kind: 'value'; value: number }
  /** `—`: no figure for the base year (an indicator new in this plan). */
  | { kind: 'none' }
  /** `〔20.27〕`: the previous plan period's cumulative total. */
  | { kind: 'cumulative'; total: number }
  | { kind: 'qualitative'; goal: QualitativeGoal };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const QUALITATIVE: Record<string, QualitativeGoal> = {
  应保尽保: 'cover_all_eligible',
  动态清零: 'keep_at_zero',
};

/** Full-width digits, signs and spaces as they come from Chinese documents, made ASCII. */
function normalizeWidth(text: string): string {
  return text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
}

function match(text: string, pattern: string): number[] | null {
  const m = new RegExp(`^${pattern}$`).exec(text);
  return m ? m.slice(1).map(Number) : null;
}

export function parseTarget(printed: string): ParseResult<Target> {
  const text = normalizeWidth(printed);
  let m: number[] | null;
  if ((m = match(text, NUMBER))) return { ok: true, value: { kind: 'point', value: m[0] } };
  if ((m = match(text, `[＞>]${NUMBER}`))) return { ok: true, value: { kind: 'at_least', value: m[0], strict: true } };
  if ((m = match(text, `(?:[≥≧]|>=|＞=)${NUMBER}`)))
    return { ok: true, value: { kind: 'at_least', value: m[0], strict: false } };
  if ((m = match(text, `${NUMBER}以上`))) return { ok: true, value: { kind: 'at_least', value: m[0], strict: false } };
  if ((m = match(text, `[＜<]${NUMBER}`))) return { ok: true, value: { kind: 'at_most', value: m[0], strict: true } };
  if ((m = match(text, `(?:[≤≦]|<=|＜=)${NUMBER}`)))
    return { ok: true, value: { kind: 'at_most', value: m[0], strict: false } };
  if ((m = match(text, `${NUMBER}(?:以内|以下)`)))
    return { ok: true, value: { kind: 'at_most', value: m[0], strict: false } };
  if ((m = match(text, `稳定在${NUMBER}(?:以上)?`))) return { ok: true, value: { kind: 'stay_at_least', value: m[0] } };
  if ((m = match(text, `${NUMBER}[-－~～—]${NUMBER}`))) {
    const [min, max] = m;
    if (min > max) return { ok: false, reason: `range ${printed} has its bounds reversed` };
    return { ok: true, value: { kind: 'range', min, max } };
  }
  if ((m = match(text, `[〔\\[［]${NUMBER}[〕\\]］]`))) return { ok: true, value: { kind: 'cumulative', total: m[0] } };
  if (text in QUALITATIVE) return { ok: true, value: { kind: 'qualitative', goal: QUALITATIVE[text] } };
  return { ok: false, reason: `unknown target form "${printed}"` };
}

export function parseBaseline(printed: string): ParseResult<Baseline> {
  const text = normalizeWidth(printed);
  if (/^[—–\-－]+$/.test(text)) return { ok: true, value: { kind: 'none' } };
  let m: number[] | null;
  if ((m = match(text, NUMBER))) return { ok: true, value: { kind: 'value', value: m[0] } };
  if ((m = match(text, `[〔\\[［]${NUMBER}[〕\\]］]`))) return { ok: true, value: { kind: 'cumulative', total: m[0] } };
  if (text in QUALITATIVE) return { ok: true, value: { kind: 'qualitative', goal: QUALITATIVE[text] } };
  return { ok: false, reason: `unknown baseline form "${printed}"` };
}

/** A 〔〕 figure on either side marks the indicator as counted over the five years. */
export function isCumulative(target: Target, baseline: Baseline): boolean {
  return target.kind === 'cumulative' || baseline.kind === 'cumulative';
}
