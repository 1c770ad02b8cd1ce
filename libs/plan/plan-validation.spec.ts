import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanValidationError } from './localized';
import type { PlanFile } from './plan-file';
import { validatePlan } from './plan-validation';

const heyuanText = readFileSync(join(__dirname, '../../data/plans/heyuan-public-services-2021-2025.json'), 'utf8');
const heyuan = (): PlanFile => JSON.parse(heyuanText);

function problemsOf(mutate: (plan: PlanFile) => void): string[] {
  const plan = heyuan();
  mutate(plan);
  try {
    validatePlan(plan);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanValidationError);
    return (e as PlanValidationError).issues.map((i) => `${i.where}: ${i.message.zh} | ${i.message.en}`);
  }
  throw new Error('the plan was accepted');
}

describe('validatePlan on the Heyuan plan', () => {
  const plan = validatePlan(heyuan());

  it('holds every table at its printed count', () => {
    expect(plan.indicators).toHaveLength(45);
    expect(plan.targets).toHaveLength(43);
    expect(plan.tasks).toHaveLength(49);
    expect(plan.projects.filter((p) => p.status === 'planned')).toHaveLength(41);
    expect(plan.projects.filter((p) => p.status === 'reserve')).toHaveLength(47);
    expect(plan.file.basicServiceItems).toHaveLength(80);
    expect(plan.file.categories.map((c) => c.name)).toEqual([
      '人口',
      '幼有所育',
      '学有所教',
      '劳有所得',
      '病有所医',
      '老有所养',
      '住有所居',
      '弱有所扶',
      '优军服务保障',
      '文体服务保障',
    ]);
  });

  it('counts 16 binding indicators and marks the 〔〕 ones cumulative', () => {
    expect(plan.indicators.filter((i) => i.attribute === 'binding').map((i) => i.no)).toEqual([
      6, 7, 8, 9, 11, 12, 16, 17, 29, 30, 33, 36, 38, 39, 40, 45,
    ]);
    expect(plan.indicators.filter((i) => i.cumulative).map((i) => i.no)).toEqual([13, 15, 35]);
  });

  it('keeps indicator 33 as printed and flags its 394 %', () => {
    expect(plan.indicators[32].baseline).toBe('394');
    expect(plan.warnings.map((w) => w.where)).toEqual(['indicators[no=33].baseline']);
  });
});

describe('validatePlan refuses a plan that does not add up, naming what is off', () => {
  it.each<[string, (p: PlanFile) => void, string]>([
    [
      'a planned project investment changed',
      (p) => (p.projects[0].totalInvestment += 1),
      '计划总投资（万元）合计为1280856.7，与原文1280855.7不符',
    ],
    ['a 14th-FYP figure changed', (p) => (p.projects[1].planPeriodInvestment = 0), '“十四五”计划投资（万元）合计为'],
    ['land changed', (p) => (p.projects[2].landMu = 100), '建设用地（亩）合计为'],
    [
      'a reserve project dropped',
      (p) => (p.projects = p.projects.filter((x) => !(x.status === 'reserve' && x.no === 47))),
      '重大项目储备共46项，与原文合计47项不符',
    ],
    ['an indicator dropped', (p) => p.indicators.pop(), '主要指标共44项，与原文合计45项不符'],
    ['a task renumbered', (p) => (p.tasks[4].no = 50), '主要任务序号应从1连续编号，第5行为50'],
    [
      'an unknown target form',
      (p) => (p.indicators[5].target = '大约95'),
      '指标6“适龄儿童免疫规划疫苗接种率”的目标值“大约95”格式无法识别',
    ],
    [
      'an unknown baseline form',
      (p) => (p.indicators[0].baseline = '约283'),
      '指标1“常住人口数”的基期值“约283”格式无法识别',
    ],
    [
      'an unknown department',
      (p) => (p.tasks[0].departments = '市发展改革局、市气象局'),
      'tasks[no=1].departments: 主要任务1“促进基本公共服务均等可及”的责任单位“市气象局”不在部门名录中',
    ],
    [
      'a malformed email',
      (p) => (p.departments[0].submitter.email = 'not-an-email'),
      'departments[city-agriculture].submitter.email: 市农业农村局填报人的邮箱“not-an-email”格式不对：应恰好包含一个 @',
    ],
    [
      'a full-width ＠',
      (p) => (p.departments[1].supervisor.email = 'supervisor＠city-audit.heyuan.example'),
      '市审计局 supervisor: "supervisor＠city-audit.heyuan.example" is not a usable email address: it contains full-width characters',
    ],
    [
      'a missing attribute',
      (p) => delete (p.indicators[0] as Partial<PlanFile['indicators'][number]>).attribute,
      'indicators.0.attribute: 主要指标第1行的“指标属性”缺失，请填写',
    ],
  ])('%s', (_label, mutate, expected) => {
    expect(problemsOf(mutate).join('\n')).toContain(expected);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = problemsOf((p) => {
      p.indicators[5].target = '大约95';
      p.indicators[5].targetEn = 'about 95';
      p.tasks[0].departments = '市气象局';
    });
    expect(problems).toHaveLength(2);
  });
});

describe('basic public service items and their departments', () => {
  const withDepartments = (departments: Record<number, string>) => {
    const plan = heyuan();
    for (const item of plan.basicServiceItems) if (departments[item.no]) item.department = departments[item.no];
    return plan;
  };

  it('takes items without a department (the plan names none) and a default where one is given, by any of its names', () => {
    const plan = validatePlan(withDepartments({ 5: '河源市卫生健康局', 10: '市教育局' }));
    expect(plan.serviceItems.filter((i) => i.responsibility === null)).toHaveLength(78);
    expect(plan.serviceItems[4].responsibility).toEqual({ lead: { kind: 'department', name: '市卫生健康局' }, co: [] });
    expect(plan.serviceItems[9].responsibility?.lead.name).toBe('市教育局');
  });

  it.each<[string, string, string]>([
    ['a department not in the directory', '市星际局', '的责任单位“市星际局”应为部门名录中的一个部门'],
    ['a group', '县（区）人民政府（管委会）', '的责任单位“县（区）人民政府（管委会）”应为部门名录中的一个部门'],
    ['several departments', '市民政局、市残联', '的责任单位“市民政局、市残联”应为部门名录中的一个部门'],
  ])('refuses %s, naming the item', (_, department, message) => {
    expect(problemsOf((p) => (p.basicServiceItems[2].department = department))).toEqual([
      `basicServiceItems[no=3].department: 基本公共服务项目3“基本避孕服务”${message} | basic service item 3 "基本避孕服务": its department "${department}" must be one department of the directory`,
    ]);
  });
});
