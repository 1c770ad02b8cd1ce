import { planFileSchema } from './plan-file';
import { placeOf, schemaIssue } from './schema-issues';

describe('placeOf names a place in a plan file as the plan prints it', () => {
  it.each<[Array<string | number>, string, string]>([
    [['plan', 'name'], '规划基本信息的“名称”', 'the plan, name'],
    [['plan', 'nameEn'], '规划基本信息的“名称（英文）”', 'the plan, name in English'],
    [['indicators', 3, 'target'], '主要指标第4行的“目标值”', 'indicators, row 4, target'],
    [
      ['departments', 0, 'submitter', 'email'],
      '部门名录第1行填报人的“邮箱”',
      'the department directory, row 1, the submitter, email',
    ],
    [
      ['printedTotals', 'plannedProjects', 'landMu'],
      '原文合计重大项目计划合计的“用地（亩）”',
      'the printed totals, the planned projects’ totals, land (mu)',
    ],
    [['categories'], '指标类别', 'categories'],
    [[], '文件', 'the file'],
  ])('%j → %s', (path, zh, en) => {
    expect(placeOf(path)).toEqual({ zh, en });
  });
});

describe('schemaIssue says what is wrong in a sentence, never zod’s path and message', () => {
  const issuesOf = (file: unknown) => {
    const parsed = planFileSchema.safeParse(file);
    if (parsed.success) throw new Error('accepted');
    return parsed.error.issues.map(schemaIssue);
  };
  const plan = { code: 'heyuan', name: '规划', nameEn: 'Plan', periodName: '十四五', periodNameEn: '14th FYP' };
  const years = { baselineYear: 2020, startYear: 2021, endYear: 2025 };

  it.each<[string, unknown, string, string, string]>([
    [
      'a missing field',
      { ...plan, name: undefined, ...years },
      'plan.name',
      '规划基本信息的“名称”缺失，请填写',
      'the plan, name: missing; fill it in',
    ],
    [
      'an empty text',
      { ...plan, name: ' ', ...years },
      'plan.name',
      '规划基本信息的“名称”不能为空',
      'the plan, name: cannot be empty',
    ],
    [
      'a text for a number',
      { ...plan, ...years, endYear: '2025' },
      'plan.endYear',
      '规划基本信息的“终止年份”应为数字',
      'the plan, last year: should be a number',
    ],
    [
      'a malformed code',
      { ...plan, code: 'He Yuan', ...years },
      'plan.code',
      '规划基本信息的“代码”格式不对：只能用小写字母、数字和连字符',
      'the plan, code: may hold only lower-case letters, digits and hyphens',
    ],
  ])('%s', (_label, planPart, where, zh, en) => {
    const issue = issuesOf({ plan: planPart }).find((i) => i.where === where);
    expect(issue?.message).toEqual({ zh, en });
  });

  it('names an enum’s choices', () => {
    const issues = issuesOf({ indicators: [{ attribute: 'soft' }] });
    expect(issues.find((i) => i.where === 'indicators.0.attribute')?.message.zh).toBe(
      '主要指标第1行的“指标属性”应为以下之一：binding、expected',
    );
  });
});
