import { checkDefinition } from '../temporal/cycle-client';
import { THRESHOLD_PRESETS } from '../rules/thresholds';
import { DEFAULT_ASSESSMENT_WEIGHTS, type AssessmentWeights } from '../rules/department-assessment';
import {
  cycleAssessmentWeights,
  cycleThresholds,
  DEFAULT_CHASING_POLICY,
  itemKey,
  launchedDefinition,
  parseItemKey,
  WORK_ITEM_KINDS,
  type CycleDefinition,
} from './cycle-definition';

const definition: CycleDefinition = {
  planCode: 'heyuan-public-services-2021-2025',
  kind: 'midterm',
  fromYear: 2021,
  toYear: 2023,
  deadline: '2024-04-01T00:00:00+08:00',
  hardClose: '2024-05-01T00:00:00+08:00',
  policy: DEFAULT_CHASING_POLICY,
  itemKinds: ['indicator', 'task', 'project'],
  requireBureauAcceptance: false,
  groupResolution: {},
};

describe('the threshold preset a cycle carries', () => {
  it.each<[string, CycleDefinition['thresholdPreset'], string, string[]]>([
    ['not given: the default', undefined, 'time_elapsed', []],
    ['time_elapsed', 'time_elapsed', 'time_elapsed', []],
    ['traffic_light', 'traffic_light', 'traffic_light', []],
  ])('%s', (_name, preset, judgedBy, problems) => {
    const d = { ...definition, ...(preset ? { thresholdPreset: preset } : {}) };
    expect(cycleThresholds(d)).toEqual(THRESHOLD_PRESETS[judgedBy as keyof typeof THRESHOLD_PRESETS]);
    expect(checkDefinition(d).map((p) => p.zh)).toEqual(problems);
  });

  it.each<[string, Partial<Record<'kind' | 'itemKinds', unknown>>, string[]]>([
    [
      'a kind of evaluation',
      { kind: 'quarterly' },
      ['kind "quarterly" does not exist; choose one of annual, midterm, final'],
    ],
    [
      'a kind of item (reserve projects come with project)',
      { itemKinds: ['indicator', 'reserve', 'target'] },
      [
        'item kind "reserve" does not exist; choose one of indicator, task, project, service',
        'item kind "target" does not exist; choose one of indicator, task, project, service',
      ],
    ],
  ])('refuses %s that does not exist, naming the ones that do', (_name, given, problems) => {
    const d = { ...definition, ...given } as CycleDefinition;
    expect(checkDefinition(d).map((p) => p.en)).toEqual(problems);
  });

  it('refuses a preset that does not exist, naming the ones that do', () => {
    const d = { ...definition, thresholdPreset: 'lenient' } as unknown as CycleDefinition;
    expect(checkDefinition(d).map((p) => p.en)).toEqual([
      'threshold preset "lenient" does not exist; choose one of time_elapsed, traffic_light',
    ]);
  });
});

describe('a cycle as saved at launch', () => {
  const plan = { baselineYear: 2020, endYear: 2025 };
  const edited = {
    preset: 'traffic_light' as const,
    onTrack: 0.75,
    slightlyBehind: 0.5,
    projectionTolerance: [0.2, 0.4] as [number, number],
  };

  it.each<[string, CycleDefinition, CycleDefinition['thresholds'], CycleDefinition['planPeriod']]>([
    [
      'a new launch fixes its preset’s numbers and the plan’s period',
      { ...definition, thresholdPreset: 'traffic_light' },
      THRESHOLD_PRESETS.traffic_light,
      plan,
    ],
    ['no preset: the default’s numbers', definition, THRESHOLD_PRESETS.time_elapsed, plan],
    [
      'a definition already saved keeps what it was launched with',
      {
        ...definition,
        thresholdPreset: 'traffic_light',
        thresholds: edited,
        planPeriod: { baselineYear: 2019, endYear: 2025 },
      },
      edited,
      { baselineYear: 2019, endYear: 2025 },
    ],
  ])('%s', (_name, given, thresholds, planPeriod) => {
    const launched = launchedDefinition(given, plan);
    expect(launched).toMatchObject({ thresholds, planPeriod });
    // What the cycle judges by from then on is what was saved, whatever the preset says now.
    expect(cycleThresholds(launched)).toEqual(thresholds);
  });
});

describe('assessment weights saved at launch', () => {
  const weights = { timeliness: 40, completeness: 20, quality: 10, results: 30 };
  it.each<[string, Partial<CycleDefinition>, AssessmentWeights]>([
    ['none given: the default', {}, DEFAULT_ASSESSMENT_WEIGHTS],
    ['given: kept', { assessmentWeights: weights }, weights],
  ])('%s', (_name, given, expected) => {
    const launched = launchedDefinition({ ...definition, ...given }, { baselineYear: 2020, endYear: 2025 });
    expect(launched.assessmentWeights).toEqual(expected);
    expect(cycleAssessmentWeights(launched)).toEqual(expected);
  });

  it('a launch with weights not summing to 100 is refused, naming the field', () => {
    const problems = checkDefinition({ ...definition, assessmentWeights: { ...weights, results: 40 } });
    expect(problems.map((p) => p.en)).toEqual(['assessmentWeights must sum to 100; they sum to 110']);
  });
});

describe('item keys', () => {
  it.each<[string, ReturnType<typeof parseItemKey>]>([
    ['indicator-13', { kind: 'indicator', no: 13 }],
    ['task-49', { kind: 'task', no: 49 }],
    ['project-7', { kind: 'project', no: 7 }],
    ['reserve-3', { kind: 'reserve', no: 3 }],
    ['service-12', { kind: 'service', no: 12 }],
    ['indicator-0', { kind: 'indicator', no: 0 }],
    ['target-3', null], // a plan section, not a kind of work item
    ['planned-3', null],
    ['indicator-', null],
    ['indicator-07', null], // itemKey never writes it: it would name indicator-7 twice
    ['indicator-1.5', null],
    ['indicator--1', null],
    ['indicator-1e3', null],
    ['indicator-1234567890', null], // past any plan, and past what a Number holds exactly
    ['Indicator-1', null],
    [' indicator-1', null],
    ['indicator-1/city-education', null],
    ['indicator', null],
    ['', null],
  ])('%j', (key, parsed) => {
    expect(parseItemKey(key)).toEqual(parsed);
  });

  it.each(WORK_ITEM_KINDS)('%s keys read back as they were made', (kind) => {
    for (const no of [0, 1, 9, 10, 101, 999_999_999]) expect(parseItemKey(itemKey(kind, no))).toEqual({ kind, no });
  });
});
