import { THRESHOLD_PRESETS } from '../rules/thresholds';
import { plausibleSubmission } from './plausible-submission';
import { checkSubmission, type WorkItemSpec } from './submission';
import { checkSubmissionShape } from './submission-shape';

const reserve = (no: number): WorkItemSpec => ({
  key: `reserve-${no}`,
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
    key: `service-${i + 1}`,
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
