/**
 * Boilerplate (套话) in what departments write: the same reasons or the same
 * next measures given for many items say nothing about any of them, and the
 * bureau chases them. Texts are compared normalised (full-width folded, case,
 * whitespace and punctuation ignored), so "加强统筹，压实责任。" and
 * " 加强统筹 压实责任 " are one text. Pure.
 */

export interface WrittenText {
  /** The item the text was written for, as the report names it (an indicator's number). */
  item: number;
  department: string;
  field: 'reasons' | 'measures';
  text: string | null;
}

export interface Boilerplate {
  field: WrittenText['field'];
  /** The text as first written, for the report to quote. */
  text: string;
  items: number[];
  departments: string[];
}

export interface BoilerplateRule {
  /** The same text for this many items is boilerplate whoever wrote it. */
  minItems: number;
  /** The same text from this many departments is boilerplate even on fewer items. */
  minDepartments: number;
}

export const DEFAULT_BOILERPLATE_RULE: BoilerplateRule = { minItems: 3, minDepartments: 2 };

/** Unicode compatibility folding (full-width letters and digits), lower case, no whitespace, punctuation or symbols. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Each text written for enough items or by enough departments, in the order first written, its items in number order; each item counted once. */
export function findBoilerplate(texts: WrittenText[], rule: BoilerplateRule = DEFAULT_BOILERPLATE_RULE): Boilerplate[] {
  // Sets, not arrays: one text may be pasted into thousands of items and the report stays linear in them.
  const groups = new Map<
    string,
    { field: WrittenText['field']; text: string; items: Set<number>; departments: Set<string> }
  >();
  for (const w of texts) {
    const key = w.text === null ? '' : normaliseText(w.text);
    if (!key) continue;
    const groupKey = `${w.field}\u0000${key}`;
    const group = groups.get(groupKey) ?? {
      field: w.field,
      text: w.text!.trim(),
      items: new Set<number>(),
      departments: new Set<string>(),
    };
    group.items.add(w.item);
    group.departments.add(w.department);
    groups.set(groupKey, group);
  }
  return [...groups.values()]
    .filter((g) => g.items.size >= rule.minItems || (g.items.size > 1 && g.departments.size >= rule.minDepartments))
    .map((g) => ({
      field: g.field,
      text: g.text,
      items: [...g.items].sort((x, y) => x - y),
      departments: [...g.departments],
    }));
}
