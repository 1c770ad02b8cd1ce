/**
 * The bureau's edits of the plan's English (libs/plan/translations) in the
 * catalog: one text at a time, checked, in one transaction with the caller's
 * audit entry. A re-import of the plan file sets them again from the file.
 */
import type { Localized } from '../plan/localized';
import type { PlanFile } from '../plan/plan-file';
import {
  englishField,
  TRANSLATED_KINDS,
  translations,
  type TranslatedField,
  type TranslatedKind,
  type Translation,
} from '../plan/translations';
import type { Plan } from '../persistence/entities';
import type { CatalogRepository } from '../persistence/repositories/catalog.repository';

export interface TranslationEdit {
  kind: TranslatedKind;
  key: string;
  field: TranslatedField;
  text: string;
}

/** Why an edit is refused, and the request field at fault. */
export class TranslationEditError extends Error {
  constructor(
    readonly problem: Localized,
    readonly field: 'kind' | 'key' | 'field' | 'text',
    readonly notFound = false,
  ) {
    super(problem.en);
  }
}

/** Checks an edit against the plan as the catalog holds it; returns the text it replaces. */
export function checkTranslationEdit(file: PlanFile, edit: TranslationEdit): Translation {
  const kind = TRANSLATED_KINDS[edit.kind];
  if (!(kind.fields as readonly string[]).includes(edit.field))
    throw new TranslationEditError(
      {
        zh: `${kind.zh}可译字段为${kind.fields.join('、')}，没有“${edit.field}”`,
        en: `a ${kind.en} translates ${kind.fields.join(', ')}, not "${edit.field}"`,
      },
      'field',
    );
  const row = translations(file).find((t) => t.kind === edit.kind && t.key === edit.key && t.field === edit.field);
  if (!row)
    throw new TranslationEditError(
      { zh: `规划中没有编号为“${edit.key}”的${kind.zh}`, en: `the plan has no ${kind.en} "${edit.key}"` },
      'key',
      true,
    );
  const text = edit.text.trim();
  if (!text)
    throw new TranslationEditError({ zh: '英文译文不能为空', en: 'the English text must not be empty' }, 'text');
  if (/\p{Script=Han}/u.test(text))
    throw new TranslationEditError(
      { zh: '英文译文不应包含中文字符', en: 'the English text must not hold Chinese characters' },
      'text',
    );
  return row;
}

/** Stores the English of one text; the caller has checked it (checkTranslationEdit) and audits in the transaction `catalog` writes in. */
export async function saveTranslation(catalog: CatalogRepository, plan: Plan, edit: TranslationEdit): Promise<void> {
  const text = edit.text.trim();
  if (edit.kind === 'projectGroup') {
    // The groups live with the plan's printed totals, keyed by status and printed number.
    const totals = plan.printedTotals as PlanFile['printedTotals'];
    const projectGroups = totals.projectGroups.map((g) =>
      `${g.status}-${g.no}` === edit.key ? { ...g, nameEn: text } : g,
    );
    await catalog.setPrintedTotals(plan.id, { ...totals, projectGroups });
    return;
  }
  await catalog.setEnglish(plan.id, edit.kind, edit.key, englishField(edit.field), text);
}
