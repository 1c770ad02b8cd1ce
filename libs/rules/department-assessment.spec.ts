import type { ProgressStatus } from './progress';
import {
  assessDepartments,
  checkAssessmentWeights,
  componentScores,
  DEFAULT_ASSESSMENT_WEIGHTS,
  grade,
  weightedTotal,
  type AssessmentWeights,
  type DepartmentFacts,
  type Grade,
} from './department-assessment';

const facts = (over: Partial<DepartmentFacts> = {}): DepartmentFacts => ({
  department: 'city-a',
  timeliness: 'on_time',
  assigned: 4,
  approved: 4,
  returns: 0,
  blockingFindings: 0,
  warnings: 0,
  boilerplate: 0,
  statuses: ['on_track', 'achieved'],
  ...over,
});

describe('a department’s components', () => {
  it.each<[string, Partial<DepartmentFacts>, Record<string, number | null>]>([
    ['all on time, approved, clean, on track', {}, { timeliness: 100, completeness: 100, quality: 100, results: 100 }],
    ['late', { timeliness: 'late' }, { timeliness: 60 }],
    ['never delivered', { timeliness: 'missing' }, { timeliness: 0 }],
    ['3 of 4 approved', { approved: 3 }, { completeness: 75 }],
    ['1 of 3 approved', { assigned: 3, approved: 1 }, { completeness: 33.3 }],
    ['nothing assigned', { assigned: 0, approved: 0 }, { completeness: 100 }],
    ['one return', { returns: 1 }, { quality: 90 }],
    ['a blocking finding and a warning', { blockingFindings: 1, warnings: 1 }, { quality: 85 }],
    ['two boilerplate items', { boilerplate: 2 }, { quality: 90 }],
    ['more deducted than 100', { returns: 12 }, { quality: 0 }],
    ['half slightly behind', { statuses: ['on_track', 'slightly_behind'] }, { results: 75 }],
    ['lagging and no data', { statuses: ['lagging', 'no_data', 'requirement_met'] }, { results: 33.3 }],
    ['nothing judged against a path', { statuses: [] }, { results: null }],
  ])('%s', (_, over, expected) => {
    expect(componentScores(facts(over))).toMatchObject(expected);
  });
});

describe('the weighted total', () => {
  const w = DEFAULT_ASSESSMENT_WEIGHTS;
  it.each<[Record<string, number | null>, AssessmentWeights, number]>([
    [{ timeliness: 100, completeness: 100, quality: 100, results: 100 }, w, 100],
    // 25×60 + 25×100 + 20×90 + 30×100 = 8,800 → 88
    [{ timeliness: 60, completeness: 100, quality: 90, results: 100 }, w, 88],
    [{ timeliness: 0, completeness: 0, quality: 100, results: 0 }, w, 20],
    // results left out: (25×100 + 25×50 + 20×100) / 70 = 82.14…
    [{ timeliness: 100, completeness: 50, quality: 100, results: null }, w, 82.1],
    [
      { timeliness: 100, completeness: 0, quality: 0, results: 0 },
      { timeliness: 100, completeness: 0, quality: 0, results: 0 },
      100,
    ],
    [
      { timeliness: 100, completeness: 100, quality: 100, results: null },
      { ...w, timeliness: 0, completeness: 0, quality: 0, results: 100 },
      0,
    ],
  ])('%j weighted %j is %d', (components, weights, total) => {
    expect(weightedTotal(components as never, weights)).toBe(total);
  });
});

describe('grades', () => {
  it.each<[number, Grade]>([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.9, 'good'],
    [80, 'good'],
    [79.9, 'pass'],
    [60, 'pass'],
    [59.9, 'fail'],
    [0, 'fail'],
  ])('%d is %s', (total, expected) => {
    expect(grade(total)).toBe(expected);
  });
});

describe('ranking', () => {
  const on = (department: string, statuses: ProgressStatus[], over: Partial<DepartmentFacts> = {}) =>
    facts({ department, statuses, ...over });

  it('ranks best first; equal totals share a rank and the next rank skips', () => {
    const ranked = assessDepartments(
      [
        on('city-c', ['lagging']),
        on('city-b', ['on_track']),
        on('city-a', ['on_track']),
        on('city-d', ['on_track'], { timeliness: 'late', returns: 1 }),
      ],
      DEFAULT_ASSESSMENT_WEIGHTS,
    );
    expect(ranked.map((r) => [r.department, r.total, r.rank, r.grade])).toEqual([
      ['city-a', 100, 1, 'excellent'],
      ['city-b', 100, 1, 'excellent'],
      ['city-d', 88, 3, 'good'],
      ['city-c', 70, 4, 'pass'],
    ]);
  });

  it('records the weights each score was made with', () => {
    const weights = { timeliness: 40, completeness: 20, quality: 20, results: 20 };
    const [score] = assessDepartments([on('city-a', ['on_track'], { timeliness: 'late' })], weights);
    expect(score).toMatchObject({ weights, total: 84 });
  });
});

describe('the weights a launch gives', () => {
  it.each<[unknown, string[]]>([
    [DEFAULT_ASSESSMENT_WEIGHTS, []],
    [{ timeliness: 0, completeness: 0, quality: 0, results: 100 }, []],
    [{ timeliness: 33.33, completeness: 33.33, quality: 33.34, results: 0 }, []],
    [
      { timeliness: 30, completeness: 25, quality: 20, results: 30 },
      ['assessmentWeights must sum to 100; they sum to 105'],
    ],
    [{ timeliness: -5, completeness: 35, quality: 40, results: 30 }, ['assessmentWeights.timeliness']],
    [{ timeliness: 25, completeness: 25, quality: 20 }, ['assessmentWeights.results']],
    [{ timeliness: '25', completeness: 25, quality: 20, results: 30 }, ['assessmentWeights.timeliness']],
    [{ ...DEFAULT_ASSESSMENT_WEIGHTS, speed: 0 }, ['assessmentWeights.speed']],
    [[25, 25, 20, 30], ['assessmentWeights must be an object']],
    [null, ['assessmentWeights must be an object']],
  ])('%j: %j', (weights, expected) => {
    const problems = checkAssessmentWeights(weights);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((text, i) => {
      expect(problems[i].en).toContain(text);
      // The zh message names the same field.
      expect(problems[i].zh).toContain(text.split(' ')[0]);
    });
  });
});
