import { THRESHOLD_PRESETS } from '../rules/thresholds';
import {
  behindPath,
  checkSubmission,
  withReasonsOnlyWhenBehind,
  type Submission,
  type WorkItemSpec,
} from './submission';
import { checkSubmissionShape } from './submission-shape';

const reserve: WorkItemSpec = {
  key: 'reserve-1',
  kind: 'reserve',
  no: 1,
  title: '广东技术师范大学河源校区二期用地建设项目',
  leadDepartment: 'city-education',
  coDepartments: [],
};
const years = { baselineYear: 2020, endYear: 2025, year: 2022 };
const check = (s: unknown) => checkSubmission(reserve, s as Submission, years, THRESHOLD_PRESETS.time_elapsed);
const fields = (r: ReturnType<typeof check>) => (r.ok ? [] : r.errors.map((e) => e.field ?? null));

describe('a reserve project’s submission (附件4)', () => {
  it.each<[string, unknown, Array<string | null>]>([
    [
      'moved into the plan, with an account',
      { kind: 'reserve', stage: 'moved_into_plan', narrative: '2022年调入市重点项目计划' },
      [],
    ],
    ['preparatory work, with an account', { kind: 'reserve', stage: 'preparing', narrative: '已完成可研报告' }, []],
    ['not started: no account needed', { kind: 'reserve', stage: 'not_started' }, []],
    ['moved into the plan without an account', { kind: 'reserve', stage: 'moved_into_plan' }, ['narrative']],
    ['preparing with a blank account', { kind: 'reserve', stage: 'preparing', narrative: '  ' }, ['narrative']],
    ['a stage that does not exist', { kind: 'reserve', stage: 'under_construction', narrative: '在建' }, ['stage']],
    ['no stage', { kind: 'reserve', narrative: '已完成可研报告' }, ['stage']],
    [
      'a planned project’s submission',
      {
        kind: 'project',
        investmentInPeriod: 1,
        investmentCumulative: 1,
        constructionStatus: 'preparing',
        landSecured: true,
      },
      [null],
    ],
  ])('%s', (_, submission, refused) => {
    expect(fields(check(submission))).toEqual(refused);
  });

  it('names the stages it takes, in both languages', () => {
    const r = check({ kind: 'reserve', stage: 'started' });
    expect(r.ok ? [] : r.errors).toEqual([
      {
        field: 'stage',
        zh: '储备项目进展应为：not_started、preparing、moved_into_plan',
        en: "the reserve project's stage must be one of not_started, preparing, moved_into_plan",
      },
    ]);
  });
});

describe('the fields a reserve submission may hold', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'stage, narrative and evidence',
      {
        kind: 'reserve',
        stage: 'preparing',
        narrative: '已完成可研报告',
        evidence: [{ fileId: 'f1', name: '批复.pdf', sha256: 'ab' }],
      },
      [],
    ],
    [
      'a planned project’s money, refused by name',
      { kind: 'reserve', stage: 'moved_into_plan', narrative: '已调入', investmentCumulative: 3000 },
      ['submission.investmentCumulative'],
    ],
    [
      'construction status and land, refused by name',
      { kind: 'reserve', stage: 'preparing', constructionStatus: 'preparing', landSecured: true },
      ['submission.constructionStatus', 'submission.landSecured'],
    ],
    ['a stage that is not a text', { kind: 'reserve', stage: { moved: true } }, ['submission.stage']],
  ])('%s', (_, submission, refused) => {
    expect(checkSubmissionShape(submission).map((e) => e.field)).toEqual(refused);
  });

  it('says which kind has no such field, in both languages', () => {
    expect(checkSubmissionShape({ kind: 'reserve', stage: 'preparing', investmentCumulative: 1 })).toEqual([
      {
        field: 'submission.investmentCumulative',
        zh: '不接受字段 submission.investmentCumulative（reserve 类事项的填报没有此项）',
        en: 'field submission.investmentCumulative is not accepted (a reserve submission has no such field)',
      },
    ]);
  });
});

const service: WorkItemSpec = {
  key: 'service-5',
  kind: 'service',
  no: 5,
  title: '预防接种',
  leadDepartment: 'city-health',
  coDepartments: [],
};
const checkService = (s: unknown) => checkSubmission(service, s as Submission, years, THRESHOLD_PRESETS.time_elapsed);

describe('a basic public service item’s submission (专栏2)', () => {
  it.each<[string, unknown, Array<string | null>]>([
    ['delivered to standard: no account needed', { kind: 'service', implementation: 'implemented' }, []],
    [
      'delivered to standard, with an account',
      { kind: 'service', implementation: 'implemented', narrative: '全覆盖' },
      [],
    ],
    ['in part, with an account', { kind: 'service', implementation: 'partly', narrative: '农村覆盖不足' }, []],
    [
      'not delivered, with an account',
      { kind: 'service', implementation: 'not_implemented', narrative: '资金未到位' },
      [],
    ],
    ['in part without an account', { kind: 'service', implementation: 'partly' }, ['narrative']],
    [
      'not delivered with a blank account',
      { kind: 'service', implementation: 'not_implemented', narrative: ' ' },
      ['narrative'],
    ],
    [
      'a standing that does not exist',
      { kind: 'service', implementation: 'mostly', narrative: '基本落实' },
      ['implementation'],
    ],
    ['no standing', { kind: 'service', narrative: '基本落实' }, ['implementation']],
    ['a task’s submission', { kind: 'task', progress: 'completed', narrative: '已完成' }, [null]],
  ])('%s', (_, submission, refused) => {
    const r = checkService(submission);
    expect(r.ok ? [] : r.errors.map((e) => e.field ?? null)).toEqual(refused);
  });

  it('names the standings it takes, and asks for the account, in both languages', () => {
    const wrong = checkService({ kind: 'service', implementation: 'done' });
    expect(wrong.ok ? [] : wrong.errors).toEqual([
      {
        field: 'implementation',
        zh: '落实情况应为：implemented、partly、not_implemented',
        en: 'implementation must be one of implemented, partly, not_implemented',
      },
    ]);
    const silent = checkService({ kind: 'service', implementation: 'partly' });
    expect(silent.ok ? [] : silent.errors).toEqual([
      {
        field: 'narrative',
        zh: '部分落实或未落实的服务项目，请说明差距和原因',
        en: 'a service item not delivered to standard needs an account of the shortfall and its reasons',
      },
    ]);
  });
});

describe('the fields a service submission may hold', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'standing, account and evidence',
      { kind: 'service', implementation: 'partly', narrative: '农村覆盖不足', evidence: [] },
      [],
    ],
    [
      'a task’s progress, refused by name',
      { kind: 'service', implementation: 'implemented', progress: 'completed' },
      ['submission.progress'],
    ],
    ['a value, refused by name', { kind: 'service', implementation: 'implemented', value: 98 }, ['submission.value']],
    [
      'a standing that is not a text',
      { kind: 'service', implementation: ['implemented'] },
      ['submission.implementation'],
    ],
  ])('%s', (_, submission, refused) => {
    expect(checkSubmissionShape(submission).map((e) => e.field)).toEqual(refused);
  });

  it('names every kind a submission may be, in both languages', () => {
    expect(checkSubmissionShape({ kind: 'services' })).toEqual([
      {
        field: 'submission.kind',
        zh: 'submission.kind 应为 indicator、task、project、reserve、service 之一',
        en: 'submission.kind must be one of indicator, task, project, reserve, service',
      },
    ]);
  });
});

describe('withReasonsOnlyWhenBehind: reasons kept only with a value behind the path', () => {
  /** Indicator 10: 高中阶段教育毛入学率 96.6 → 稳定在95以上. */
  const enrolment: WorkItemSpec = {
    key: 'indicator-10',
    kind: 'indicator',
    no: 10,
    title: '高中阶段教育毛入学率',
    leadDepartment: 'city-education',
    coDepartments: [],
    indicator: {
      unit: '%',
      target: { kind: 'stay_at_least', value: 95 },
      baseline: { kind: 'value', value: 96.6 },
      polarity: 'higher_is_better',
      previousValue: 96.6,
      cumulative: false,
      decimals: 1,
    },
  };
  const explained = { reasons: '统计口径调整', measures: '核实口径' };
  it.each<[string, number, boolean]>([
    ['below the floor: kept', 94, true],
    ['the floor held: dropped', 96.2, false],
  ])('%s', (_, value, kept) => {
    const s: Submission = { kind: 'indicator', value, dataSource: '年报', ...explained };
    const result = withReasonsOnlyWhenBehind(enrolment, s, years, THRESHOLD_PRESETS.time_elapsed);
    expect(result).toEqual(kept ? s : { kind: 'indicator', value, dataSource: '年报' });
    // The portal's form asks for them by the same rule.
    expect(behindPath(enrolment.indicator!, value, years, THRESHOLD_PRESETS.time_elapsed)).toBe(kept);
  });
  it('leaves other kinds alone', () => {
    const s = { kind: 'reserve', stage: 'preparing', narrative: '已完成可研' } as Submission;
    expect(withReasonsOnlyWhenBehind(reserve, s, years, THRESHOLD_PRESETS.time_elapsed)).toBe(s);
  });
});
