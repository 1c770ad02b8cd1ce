/**
 * The plan's English names: every text the report prints from the plan
 * (indicators with their units and worded figures, targets, tasks, projects
 * and their groups, basic service items) has an English twin in the plan file,
 * `<field>En` beside the Chinese `<field>`. A text needs one when it holds
 * Chinese: `%`, `＞95` or `〔12.5〕` read the same in both languages.
 */
import type { Localized, PlanIssue } from './localized';
import type { PlanFile } from './plan-file';

/** What the plan translates, each with the fields it prints; `key` numbers an item within its kind. */
export const TRANSLATED_KINDS = {
  indicator: { zh: '指标', en: 'indicator', fields: ['name', 'unit', 'baseline', 'target'] },
  target: { zh: '主要目标', en: 'main target', fields: ['text'] },
  task: { zh: '主要任务', en: 'main task', fields: ['title', 'details'] },
  project: { zh: '重大项目', en: 'major project', fields: ['name'] },
  reserve: { zh: '储备项目', en: 'reserve project', fields: ['name'] },
  /** Keyed `planned-一`: the group's status and printed number. */
  projectGroup: { zh: '项目分类', en: 'project group', fields: ['name'] },
  serviceItem: { zh: '基本公共服务项目', en: 'basic service item', fields: ['area', 'goal', 'name'] },
} as const;
export type TranslatedKind = keyof typeof TRANSLATED_KINDS;
export const TRANSLATED_KIND_NAMES = Object.keys(TRANSLATED_KINDS) as TranslatedKind[];
export type TranslatedField = (typeof TRANSLATED_KINDS)[TranslatedKind]['fields'][number];
/** Every field some kind translates, once. */
export const TRANSLATED_FIELDS = [
  ...new Set(Object.values(TRANSLATED_KINDS).flatMap((k) => k.fields)),
] as TranslatedField[];

const FIELD_LABELS: Record<TranslatedField, Localized> = {
  name: { zh: '名称', en: 'name' },
  unit: { zh: '单位', en: 'unit' },
  baseline: { zh: '基期值', en: 'baseline' },
  target: { zh: '目标值', en: 'target' },
  text: { zh: '目标表述', en: 'wording' },
  title: { zh: '任务名称', en: 'title' },
  details: { zh: '具体内容', en: 'details' },
  area: { zh: '服务领域', en: 'area' },
  goal: { zh: '服务内容与目标', en: 'goal' },
};

export interface Translation {
  kind: TranslatedKind;
  key: string;
  field: TranslatedField;
  /** The item's own Chinese name (its name, wording or title), which messages quote. */
  item: string;
  /** The Chinese text as printed, and its English twin (null: none yet). */
  zh: string;
  en: string | null;
  /** Where in the plan file: `indicators[no=3].nameEn`. */
  where: string;
}

/** Whether a printed text needs an English twin: it holds Chinese characters. */
export const needsTranslation = (zh: string): boolean => /\p{Script=Han}/u.test(zh);

/** The English field of a Chinese one: `name` → `nameEn`. */
export const englishField = (field: TranslatedField) => `${field}En` as const;

/** Every translatable text of the plan, in the file's order, translated or not. */
export function translations(file: PlanFile): Translation[] {
  const rows: Translation[] = [];
  const add = (kind: TranslatedKind, key: string, section: string, row: object) => {
    const values = row as Record<string, string | undefined>;
    const item = values.name || values.text || values.title || '';
    for (const field of TRANSLATED_KINDS[kind].fields) {
      const en = values[englishField(field)]?.trim();
      rows.push({
        kind,
        key,
        field,
        item,
        zh: values[field] ?? '',
        en: en ? en : null,
        where: `${section}.${englishField(field)}`,
      });
    }
  };
  for (const i of file.indicators) add('indicator', String(i.no), `indicators[no=${i.no}]`, i);
  for (const t of file.targets) add('target', String(t.no), `targets[no=${t.no}]`, t);
  for (const t of file.tasks) add('task', String(t.no), `tasks[no=${t.no}]`, t);
  for (const p of file.projects)
    add(p.status === 'planned' ? 'project' : 'reserve', String(p.no), `projects[${p.status} no=${p.no}]`, p);
  for (const g of file.printedTotals.projectGroups)
    add('projectGroup', `${g.status}-${g.no}`, `printedTotals.projectGroups[${g.status} ${g.no}]`, g);
  for (const b of file.basicServiceItems) add('serviceItem', String(b.no), `basicServiceItems[no=${b.no}]`, b);
  return rows;
}

/** The texts that hold Chinese and have no English twin. */
export const missingTranslations = (file: PlanFile): Translation[] =>
  translations(file).filter((t) => t.en === null && needsTranslation(t.zh));

/**
 * A plan without all its English is refused naming each missing text, the
 * first `cap` of them, then how many more: a plan never translated misses
 * hundreds, and the first screen says what to do.
 */
export const MAX_LISTED_TRANSLATIONS = 20;

export function translationIssues(file: PlanFile, cap = MAX_LISTED_TRANSLATIONS): PlanIssue[] {
  const missing = missingTranslations(file);
  const listed = missing.slice(0, cap).map((t): PlanIssue => ({
    where: t.where,
    message: missingMessage(t),
  }));
  const more = missing.length - listed.length;
  if (more > 0)
    listed.push({
      where: '…',
      message: {
        zh: `共缺少${missing.length}处英文译文，另有${more}处未列出`,
        en: `${missing.length} English texts are missing; ${more} more are not listed`,
      },
    });
  return listed;
}

const quote = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Names the kind, number and Chinese name of the item, and the field when it is not the name itself. */
export function missingMessage(t: Pick<Translation, 'kind' | 'key' | 'field' | 'item' | 'zh'>): Localized {
  const kind = TRANSLATED_KINDS[t.kind];
  const label = FIELD_LABELS[t.field];
  const item = { zh: `${kind.zh}${t.key}“${quote(t.item)}”`, en: `${kind.en} ${t.key} "${quote(t.item)}"` };
  return t.zh === t.item
    ? { zh: `${item.zh}缺少英文${label.zh}`, en: `${item.en} has no English ${label.en}` }
    : {
        zh: `${item.zh}的${label.zh}“${quote(t.zh)}”缺少英文译文`,
        en: `${item.en}: its ${label.en} "${quote(t.zh)}" has no English`,
      };
}
