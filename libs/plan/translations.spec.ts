import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanValidationError } from './localized';
import type { PlanFile } from './plan-file';
import { validatePlan } from './plan-validation';
import { missingTranslations, needsTranslation, translationIssues, translations } from './translations';

const heyuanText = readFileSync(join(__dirname, '../../data/plans/heyuan-public-services-2021-2025.json'), 'utf8');
const heyuan = (): PlanFile => JSON.parse(heyuanText);

describe('needsTranslation: a text holding Chinese needs its English twin', () => {
  it.each<[string, boolean]>([
    ['常住人口数', true],
    ['万人', true],
    ['1/10万人', true],
    ['稳定在85以上', true],
    ['%', false],
    ['‰', false],
    ['—', false],
    ['＞95', false],
    ['〔12.5〕', false],
    ['3.5-4.0', false],
    ['', false],
  ])('%s → %s', (text, needed) => expect(needsTranslation(text)).toBe(needed));
});

describe('the Heyuan plan carries its English', () => {
  it('has every Chinese text translated', () => {
    expect(missingTranslations(heyuan())).toEqual([]);
  });

  it('counts what it translates: 45 indicators, 43 targets, 49 tasks, 88 projects, 9 groups, 80 service items', () => {
    const names = translations(heyuan()).filter((t) => ['name', 'text', 'title'].includes(t.field));
    const count = (kind: string) => names.filter((t) => t.kind === kind).length;
    expect([
      count('indicator'),
      count('target'),
      count('task'),
      count('project') + count('reserve'),
      count('projectGroup'),
      count('serviceItem'),
    ]).toEqual([45, 43, 49, 88, 9, 80]);
  });
});

describe('translationIssues names each missing text by kind, number and Chinese name', () => {
  it.each<[string, (p: PlanFile) => void, Array<[string, string, string]>]>([
    [
      'an indicator name',
      (p) => delete p.indicators[2].nameEn,
      [
        [
          'indicators[no=3].nameEn',
          '指标3“常住人口城镇化率”缺少英文名称',
          'indicator 3 "常住人口城镇化率" has no English name',
        ],
      ],
    ],
    [
      'a unit left blank',
      (p) => (p.indicators[0].unitEn = '  '),
      [
        [
          'indicators[no=1].unitEn',
          '指标1“常住人口数”的单位“万人”缺少英文译文',
          'indicator 1 "常住人口数": its unit "万人" has no English',
        ],
      ],
    ],
    ['a unit that is a sign needs none', (p) => delete p.indicators[2].unitEn, []],
    [
      'a worded target',
      (p) => delete p.indicators[6].targetEn,
      [
        [
          'indicators[no=7].targetEn',
          '指标7“孤儿、事实无人抚养儿童等符合条件的困境儿童基本生活保障覆盖率”的目标值“应保尽保”缺少英文译文',
          'indicator 7 "孤儿、事实无人抚养儿童等符合条件的困境儿童基本生活保障覆盖率": its target "应保尽保" has no English',
        ],
      ],
    ],
    [
      'a main target',
      (p) => delete p.targets[0].textEn,
      [
        [
          'targets[no=1].textEn',
          '主要目标1“人均预期寿命达79.5岁”缺少英文目标表述',
          'main target 1 "人均预期寿命达79.5岁" has no English wording',
        ],
      ],
    ],
    [
      'a task title and its details',
      (p) => {
        delete p.tasks[9].titleEn;
        delete p.tasks[9].detailsEn;
      },
      [
        [
          'tasks[no=10].titleEn',
          '主要任务10“提升优孕优生水平”缺少英文任务名称',
          'main task 10 "提升优孕优生水平" has no English title',
        ],
        [
          'tasks[no=10].detailsEn',
          '主要任务10“提升优孕优生水平”的具体内容“综合防控出生缺陷，强化孕育健康服务。”缺少英文译文',
          'main task 10 "提升优孕优生水平": its details "综合防控出生缺陷，强化孕育健康服务。" has no English',
        ],
      ],
    ],
    ['a task printed without details needs none', (p) => delete p.tasks[45].detailsEn, []],
    [
      'a reserve project',
      (p) => delete p.projects.find((x) => x.status === 'reserve' && x.no === 42)!.nameEn,
      [
        [
          'projects[reserve no=42].nameEn',
          '储备项目42“客家文化公园四期建设项目”缺少英文名称',
          'reserve project 42 "客家文化公园四期建设项目" has no English name',
        ],
      ],
    ],
    [
      'a project group',
      (p) => delete p.printedTotals.projectGroups[5].nameEn,
      [
        [
          'printedTotals.projectGroups[reserve 一].nameEn',
          '项目分类reserve-一“现代教育项目”缺少英文名称',
          'project group reserve-一 "现代教育项目" has no English name',
        ],
      ],
    ],
    [
      'a service item and its area',
      (p) => {
        delete p.basicServiceItems[4].nameEn;
        delete p.basicServiceItems[4].areaEn;
      },
      [
        [
          'basicServiceItems[no=5].areaEn',
          '基本公共服务项目5“预防接种”的服务领域“幼有所育”缺少英文译文',
          'basic service item 5 "预防接种": its area "幼有所育" has no English',
        ],
        [
          'basicServiceItems[no=5].nameEn',
          '基本公共服务项目5“预防接种”缺少英文名称',
          'basic service item 5 "预防接种" has no English name',
        ],
      ],
    ],
  ])('%s', (_label, mutate, expected) => {
    const plan = heyuan();
    mutate(plan);
    expect(translationIssues(plan).map((i) => [i.where, i.message.zh, i.message.en])).toEqual(expected);
  });

  it('lists the first 20 of a plan never translated, then how many are missing', () => {
    const plan = heyuan();
    for (const i of plan.indicators) delete i.nameEn;
    for (const t of plan.targets) delete t.textEn;
    const issues = translationIssues(plan);
    expect(issues).toHaveLength(21);
    expect(issues[0].where).toBe('indicators[no=1].nameEn');
    expect(issues[20].message).toEqual({
      zh: '共缺少88处英文译文，另有68处未列出',
      en: '88 English texts are missing; 68 more are not listed',
    });
  });
});

describe('validatePlan refuses a plan file missing English, unless reading back the catalog', () => {
  const plan = heyuan();
  delete plan.projects[0].nameEn;

  it('refuses the file, naming the project', () => {
    expect(() => validatePlan(plan)).toThrow(PlanValidationError);
    expect(() => validatePlan(plan)).toThrow('重大项目1“河源职业技术学院教育建筑群”缺少英文名称');
  });

  it('accepts the catalog’s copy, which may predate the translations', () => {
    expect(validatePlan(plan, { requireEnglish: false }).projects[0].nameEn).toBeUndefined();
  });
});
