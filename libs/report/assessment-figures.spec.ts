import type { DepartmentOutcome } from '../cycle/activities-contract';
import type { Submission } from '../cycle/submission';
import { DEFAULT_ASSESSMENT_WEIGHTS } from '../rules/department-assessment';
import { assessmentFigures, type AssessedItem, type AssessmentRow } from './assessment-figures';

const outcome = (department: string, over: Partial<DepartmentOutcome> = {}): DepartmentOutcome => ({
  department,
  total: 2,
  done: 2,
  timeliness: 'on_time',
  cancelled: false,
  ...over,
});
const item = (itemKey: string, over: Partial<AssessedItem> = {}): AssessedItem => ({
  itemKey,
  department: 'city-a',
  returns: 0,
  unit: null,
  previousValue: null,
  ...over,
});
const value = (v: number): { payload: Submission } => ({
  payload: { kind: 'indicator', value: v, dataSource: '统计公报' } as Submission,
});

function figures(
  items: AssessedItem[],
  approved: Record<string, { payload: Submission }> = {},
  boilerplate: number[] = [],
): AssessmentRow {
  const [row] = assessmentFigures({
    assessment: { weights: DEFAULT_ASSESSMENT_WEIGHTS, items },
    outcomes: [outcome('city-a')],
    approved: new Map(Object.entries(approved)),
    judged: {
      indicator: [
        { no: 1, status: 'on_track' },
        { no: 2, status: 'lagging' },
      ],
      task: [{ no: 1, status: 'slightly_behind' }],
    },
    boilerplate: boilerplate.length
      ? [{ field: 'reasons', text: '加强统筹', items: boilerplate, departments: ['市甲局'] }]
      : [],
    departmentName: (code) => (code === 'city-a' ? '市甲局' : code),
  });
  return row;
}

describe('a department’s facts gathered from the close', () => {
  it.each<[string, () => AssessmentRow, Partial<AssessmentRow['facts']>]>([
    [
      'returns summed over its items',
      () => figures([item('indicator-1', { returns: 2 }), item('task-1', { returns: 1 })]),
      { returns: 3 },
    ],
    [
      'items of another department left out',
      () => figures([item('indicator-1'), item('indicator-2', { department: 'city-b', returns: 4 })]),
      { returns: 0 },
    ],
    [
      'an approved percentage over 100 is a blocking finding',
      () => figures([item('indicator-1', { unit: '%', previousValue: 99 })], { 'indicator-1': value(120) }),
      { blockingFindings: 1, warnings: 0 },
    ],
    [
      'a sharp change from the value checked against is a warning',
      () => figures([item('indicator-1', { unit: '万人', previousValue: 100 })], { 'indicator-1': value(180) }),
      { blockingFindings: 0, warnings: 1 },
    ],
    [
      'an unapproved value is not checked',
      () => figures([item('indicator-1', { unit: '%', previousValue: 99 })]),
      { blockingFindings: 0, warnings: 0 },
    ],
    [
      'boilerplate counts each of its items once',
      () => figures([item('indicator-1'), item('indicator-2'), item('task-1')], {}, [1, 2]),
      { boilerplate: 2 },
    ],
  ])('%s', (_name, row, facts) => {
    expect(row().facts).toMatchObject(facts);
  });

  it.each<[string, AssessedItem[], number | null]>([
    // on track 1, lagging 0, slightly behind ½: 1.5 of 3.
    ['indicators and tasks judged against the path', [item('indicator-1'), item('indicator-2'), item('task-1')], 50],
    ['reserve and service items are not', [item('reserve-1'), item('service-1')], null],
  ])('results: %s', (_name, items, results) => {
    expect(figures(items).components.results).toBe(results);
  });

  it('names the department and keeps the weights it was scored with', () => {
    expect(figures([item('indicator-1')])).toMatchObject({
      department: 'city-a',
      name: '市甲局',
      rank: 1,
      weights: DEFAULT_ASSESSMENT_WEIGHTS,
    });
  });
});
