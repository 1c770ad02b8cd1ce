/**
 * A plan file's shape problems (zod's issues) in sentences a person can act
 * on: the table, the row and the field by the names the plan prints them
 * under (主要指标第4行的“目标值”), not zod's path and message (`indicators.3.target:
 * Required`). The path stays in the issue's `where`, for tools.
 */
import type { ZodIssue } from 'zod';
import type { Localized, PlanIssue } from './localized';

const L = (zh: string, en: string): Localized => ({ zh, en });

/** The file's tables and groups, by their key. */
const SECTIONS: Record<string, Localized> = {
  plan: L('规划基本信息', 'the plan'),
  printedTotals: L('原文合计', 'the printed totals'),
  plannedProjects: L('重大项目计划合计', 'the planned projects’ totals'),
  reserveProjects: L('重大项目储备合计', 'the reserve projects’ totals'),
  projectGroups: L('项目分组', 'project groups'),
  categories: L('指标类别', 'categories'),
  departments: L('部门名录', 'the department directory'),
  departmentGroups: L('部门分组', 'department groups'),
  indicators: L('主要指标', 'indicators'),
  targets: L('主要目标', 'targets'),
  tasks: L('主要任务', 'tasks'),
  projects: L('重大项目', 'projects'),
  basicServiceItems: L('基本公共服务项目', 'basic public service items'),
  submitter: L('填报人', 'the submitter'),
  supervisor: L('审核人', 'the supervisor'),
};

/** The fields, by their key; an `…En` field is its Chinese twin's English text. */
const FIELDS: Record<string, Localized> = {
  code: L('代码', 'code'),
  name: L('名称', 'name'),
  periodName: L('规划期简称', 'period name'),
  baselineYear: L('基期年份', 'base year'),
  startYear: L('起始年份', 'first year'),
  endYear: L('终止年份', 'last year'),
  source: L('来源', 'source'),
  no: L('序号', 'number'),
  count: L('项数', 'count'),
  category: L('类别', 'category'),
  unit: L('单位', 'unit'),
  baseline: L('基期值', 'base-year value'),
  target: L('目标值', 'target'),
  attribute: L('指标属性', 'attribute'),
  polarity: L('指标方向', 'direction'),
  departments: L('责任单位', 'responsible units'),
  text: L('内容', 'text'),
  indicators: L('对应指标', 'indicators'),
  title: L('标题', 'title'),
  details: L('具体内容', 'details'),
  status: L('计划或储备', 'planned or reserve'),
  group: L('分组', 'group'),
  content: L('建设内容', 'content'),
  totalInvestment: L('总投资', 'total investment'),
  planPeriodInvestment: L('规划期投资', 'investment in the plan period'),
  landMu: L('用地（亩）', 'land (mu)'),
  owner: L('业主单位', 'owner'),
  responsibleUnit: L('责任单位', 'responsible unit'),
  area: L('服务领域', 'service area'),
  goal: L('服务目标', 'goal'),
  department: L('责任单位', 'department'),
  kind: L('类型', 'kind'),
  aliases: L('别名', 'aliases'),
  email: L('邮箱', 'email'),
  locale: L('语言', 'language'),
  members: L('成员', 'members'),
};

const TYPES: Record<string, Localized> = {
  string: L('文字', 'text'),
  number: L('数字', 'a number'),
  integer: L('整数', 'a whole number'),
  array: L('列表', 'a list'),
  object: L('一组字段', 'a group of fields'),
  boolean: L('是或否', 'true or false'),
  null: L('空值', 'null'),
};

function fieldName(key: string): Localized | null {
  const english = key.endsWith('En') && FIELDS[key.slice(0, -2)];
  if (english) return L(`${english.zh}（英文）`, `${english.en} in English`);
  return FIELDS[key] ?? SECTIONS[key] ?? null;
}

/** 主要指标第4行的“目标值” / indicators, row 4: target. */
export function placeOf(path: Array<string | number>): Localized {
  const zh: string[] = [];
  const en: string[] = [];
  path.forEach((key, i) => {
    if (typeof key === 'number') {
      zh.push(`第${key + 1}行`);
      en.push(`row ${key + 1}`);
      return;
    }
    const last = i === path.length - 1;
    const name = (last ? fieldName(key) : (SECTIONS[key] ?? fieldName(key))) ?? L(key, key);
    zh.push(last && i > 0 ? `的“${name.zh}”` : name.zh);
    en.push(name.en);
  });
  return zh.length ? L(zh.join(''), en.join(', ')) : L('文件', 'the file');
}

/** One shape problem as a sentence naming its place. */
export function schemaIssue(issue: ZodIssue): PlanIssue {
  const place = placeOf(issue.path);
  const where = issue.path.join('.') || '(file)';
  const say = (zh: string, en: string): PlanIssue => ({
    where,
    message: { zh: place.zh + zh, en: `${place.en}: ${en}` },
  });
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.received === 'undefined') return say('缺失，请填写', 'missing; fill it in');
      const type = TYPES[issue.expected] ?? L(issue.expected, issue.expected);
      return say(`应为${type.zh}`, `should be ${type.en}`);
    }
    case 'too_small':
      if (issue.type === 'string') return say('不能为空', 'cannot be empty');
      if (issue.type === 'array') return say(`至少需要${issue.minimum}项`, `needs at least ${issue.minimum}`);
      return issue.inclusive
        ? say(`不能小于${issue.minimum}`, `cannot be below ${issue.minimum}`)
        : say(`应大于${issue.minimum}`, `should be above ${issue.minimum}`);
    case 'invalid_enum_value':
      return say(`应为以下之一：${issue.options.join('、')}`, `should be one of ${issue.options.join(', ')}`);
    case 'invalid_string':
      // The file's only patterns are its codes'.
      if (issue.validation === 'regex')
        return say('格式不对：只能用小写字母、数字和连字符', 'may hold only lower-case letters, digits and hyphens');
      return say(`格式不对（${issue.message}）`, `is malformed (${issue.message})`);
    default:
      return say(`不符合要求（${issue.message}）`, issue.message);
  }
}
