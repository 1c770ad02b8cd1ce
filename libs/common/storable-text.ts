/**
 * What PostgreSQL and JSON will refuse, found before it enters a workflow:
 * a NUL character (no text or JSON column stores it), a lone surrogate (half
 * of a UTF-16 pair: `jsonb` refuses its escape, so a department's record
 * would fail on every retry), a text too long to mean anything, and nesting
 * deeper than any request of ours has. Walked without recursion: a JSON body
 * may nest deeper than the stack goes. Pure; used by the API's request pipe
 * and by the workflows' validators alike.
 */
import type { Localized } from '../plan/localized';

export interface TextLimits {
  /** Characters in any one string (per-field limits are tighter; this is the backstop). */
  maxLength: number;
  /** Levels of objects and arrays. */
  maxDepth: number;
}

/** No field of ours holds more than a long narrative; no body nests beyond an evidence list in a submission. */
export const DEFAULT_TEXT_LIMITS: TextLimits = { maxLength: 20_000, maxDepth: 16 };

export type TextProblemKind = 'nul' | 'lone_surrogate' | 'too_long' | 'too_deep';

export interface TextProblem {
  /** The field path (`submission.dataSource`, `itemKeys.2`); '' for the value itself. */
  field: string;
  kind: TextProblemKind;
}

/** At most this many problems are named: a hostile body could hold millions. */
const MAX_PROBLEMS = 20;

/** Lone surrogates: a high one not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblemOf(text: string, limits: TextLimits = DEFAULT_TEXT_LIMITS): TextProblemKind | null {
  if (text.includes('\0')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  if (text.length > limits.maxLength) return 'too_long';
  return null;
}

/** Every string and key in `value` that could not be stored, in the order they come, and nesting past the limit. */
export function unstorableText(value: unknown, at = '', limits: TextLimits = DEFAULT_TEXT_LIMITS): TextProblem[] {
  const found: TextProblem[] = [];
  // Depth first, each one's children pushed last to first so they are taken first to last.
  const pending: Array<{ value: unknown; field: string; depth: number; key?: string }> = [
    { value, field: at, depth: 0 },
  ];
  for (let next = pending.pop(); next && found.length < MAX_PROBLEMS; next = pending.pop()) {
    const { value: v, field, depth } = next;
    const under = (key: string | number) => (field ? `${field}.${key}` : String(key));
    const keyProblem = next.key === undefined ? null : textProblemOf(next.key, limits);
    if (keyProblem) {
      found.push({ field, kind: keyProblem });
    } else if (typeof v === 'string') {
      const kind = textProblemOf(v, limits);
      if (kind) found.push({ field, kind });
    } else if (v !== null && typeof v === 'object') {
      if (depth >= limits.maxDepth) {
        found.push({ field, kind: 'too_deep' });
        continue;
      }
      const entries: Array<[string, unknown]> = Array.isArray(v)
        ? v.map((item, n) => [String(n), item])
        : Object.entries(v);
      for (let n = entries.length - 1; n >= 0; n--) {
        const [key, child] = entries[n];
        pending.push({ value: child, field: under(key), depth: depth + 1, ...(Array.isArray(v) ? {} : { key }) });
      }
    }
  }
  return found;
}

/** What the person reads: where, what is wrong, and what to do. Control characters in a field name are shown escaped. */
export function describeTextProblem(
  p: TextProblem,
  limits: TextLimits = DEFAULT_TEXT_LIMITS,
): Localized & { field: string } {
  const field = printable(p.field) || '请求 (request)';
  switch (p.kind) {
    case 'nul':
      return {
        field,
        zh: `${field} 含有空字符（\\u0000），请删除后重试`,
        en: `${field} contains a NUL character (\\u0000), which is not accepted`,
      };
    case 'lone_surrogate':
      return {
        field,
        zh: `${field} 含有无法保存的残缺字符（孤立的代理项），请重新输入该内容`,
        en: `${field} contains a broken character (a lone UTF-16 surrogate) that cannot be stored; type the text again`,
      };
    case 'too_long':
      return {
        field,
        zh: `${field} 过长：最多 ${limits.maxLength} 个字符`,
        en: `${field} is too long: at most ${limits.maxLength} characters`,
      };
    case 'too_deep':
      return {
        field,
        zh: `${field} 嵌套层级过深（最多 ${limits.maxDepth} 层）`,
        en: `${field} is nested too deeply (at most ${limits.maxDepth} levels)`,
      };
  }
}

function printable(field: string): string {
  // Control characters and surrogates are exactly what must be shown escaped here.
  // eslint-disable-next-line no-control-regex
  return field.replace(/[\0-\x1f\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
