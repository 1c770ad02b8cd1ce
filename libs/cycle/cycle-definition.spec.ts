import { checkDefinition } from '../temporal/cycle-client';
import { THRESHOLD_PRESETS } from '../rules/thresholds';
import { cycleThresholds, DEFAULT_CHASING_POLICY, launchedDefinition, type CycleDefinition } from './cycle-definition';

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
