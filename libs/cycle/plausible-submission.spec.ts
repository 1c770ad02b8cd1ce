import { THRESHOLD_PRESETS } from '../rules/thresholds';
import { parseBaseline, parseTarget } from '../rules/target';
import { itemKey } from './cycle-definition';
import { plausibleSubmission } from './plausible-submission';
import { checkSubmission, type WorkItemSpec } from './submission';
import { checkSubmissionShape } from './submission-shape';

const reserve = (no: number): WorkItemSpec => ({
  key: itemKey('reserve', no),
  kind: 'reserve',
  no,
  title: `储备项目${no}`,
  leadDepartment: 'city-education',
  coDepartments: [],
});
const years = { baselineYear: 2020, endYear: 2025, year: 2023 };

describe('the demo’s reserve projects', () => {
  const specs = Array.from({ length: 47 }, (_, i) => reserve(i + 1));

  it('submit what the API and the workflow accept', () => {
    for (const spec of specs) {
      const s = plausibleSubmission(spec);
      expect([spec.key, checkSubmissionShape(s)]).toEqual([spec.key, []]);
      expect([spec.key, checkSubmission(spec, s, years, THRESHOLD_PRESETS.time_elapsed).ok]).toEqual([spec.key, true]);
    }
  });

  it('stand at every stage, so the report has each to count and some to list', () => {
    const stages = specs.map((spec) => (plausibleSubmission(spec) as { stage: string }).stage);
    expect(new Set(stages)).toEqual(new Set(['not_started', 'preparing', 'moved_into_plan']));
  });
});

describe('the demo’s basic public service items', () => {
  const specs = Array.from({ length: 80 }, (_, i): WorkItemSpec => ({
    key: itemKey('service', i + 1),
    kind: 'service',
    no: i + 1,
    title: `服务项目${i + 1}`,
    leadDepartment: 'city-health',
    coDepartments: [],
  }));

  it('submit what the API and the workflow accept, at every standing', () => {
    for (const spec of specs) {
      const s = plausibleSubmission(spec);
      expect([spec.key, checkSubmissionShape(s)]).toEqual([spec.key, []]);
      expect([spec.key, checkSubmission(spec, s, years, THRESHOLD_PRESETS.time_elapsed).ok]).toEqual([spec.key, true]);
    }
    const standings = specs.map((spec) => (plausibleSubmission(spec) as { implementation: string }).implementation);
    expect(new Set(standings)).toEqual(new Set(['implemented', 'partly', 'not_implemented']));
  });
});

describe('the demo’s indicators along the plan period (annual cycles and the final evaluation)', () => {
  const indicator = (no: number, baseline: string, target: string, unit = '%'): WorkItemSpec => {
    const b = parseBaseline(baseline);
    const t = parseTarget(target);
    if (!b.ok || !t.ok) throw new Error('bad fixture');
    return {
      key: itemKey('indicator', no),
      kind: 'indicator',
      no,
      title: `指标${no}`,
      leadDepartment: 'city-statistics',
      coDepartments: [],
      indicator: {
        unit,
        target: t.value,
        baseline: b.value,
        polarity: 'higher_is_better',
        previousValue: null,
        cumulative: t.value.kind === 'cumulative',
        decimals: 2,
      },
    };
  };
  const value = (spec: WorkItemSpec, year: number, annual = true) =>
    (plausibleSubmission(spec, { elapsed: (year - 2020) / 5, annual }) as { value: number | boolean }).value;
  const specs = [
    indicator(2, '77.8', '79.5', '岁'),
    indicator(6, '99.9', '＞95'),
    indicator(8, '80.73', '稳定在85以上'),
    indicator(13, '〔20.27〕', '〔12.5〕', '万人'),
    indicator(23, '3.17', '3.5-4.0', '人'),
    indicator(12, '动态清零', '动态清零', '—'),
    indicator(10, '96.6', '稳定在95以上'),
    indicator(17, '35.02', '42', '万人'),
  ];

  it('submit what the workflow accepts in every year', () => {
    for (const spec of specs)
      for (const year of [2021, 2022, 2023, 2024, 2025]) {
        const s = plausibleSubmission(spec, { elapsed: (year - 2020) / 5, annual: true });
        const check = checkSubmission(spec, s, { ...years, year }, THRESHOLD_PRESETS.time_elapsed);
        expect([spec.key, year, check.ok]).toEqual([spec.key, year, true]);
      }
  });

  it('move along the path, hold what the base year held, and fall short every seventh indicator', () => {
    // #2 77.8 → 79.5: 77.8 + 1.7 × 0.2 = 78.14 in 2021, the target in 2025.
    expect([value(specs[0], 2021), value(specs[0], 2025)]).toEqual([78.14, 79.5]);
    // #6 ＞95 already held by 99.9: held there.
    expect(value(specs[1], 2023)).toBe(99.9);
    // #13 〔12.5〕: 18 %, 19 %, … 22 % of the total a year, 12.5 in all; the final evaluation's total is all of it.
    const annual = [2021, 2022, 2023, 2024, 2025].map((y) => value(specs[3], y) as number);
    expect(annual).toEqual([2.25, 2.38, 2.5, 2.63, 2.75]);
    expect(value(specs[3], 2025, false)).toBe(12.5);
    // #10 and #17 (no. % 7 = 3) fall short: #17 35.02 + 6.98 × 0.9 = 41.30 at the end, below 42; #10 held 96.6 (≥ 95.5) all along.
    expect(value(specs[7], 2025)).toBe(41.3);
    expect(value(specs[6], 2025)).toBe(96.6);
    expect(value(specs[5], 2025)).toBe(true);
  });
});
