import { THRESHOLD_PRESETS } from '../rules/thresholds';
import { DEFAULT_CHASING_POLICY } from './cycle-definition';
import { DepartmentRun, type DepartmentLaunch, type ItemCommandRequest } from './department-run';
import type { Actor } from './department-state';
import type { WorkItemSpec } from './submission';

const MINUTE = 60_000;
const DEPT = 'city-sports';
const specs: WorkItemSpec[] = ['task-1', 'task-2'].map((key, i) => ({
  key,
  kind: 'task',
  no: i + 1,
  title: `任务${i + 1}`,
  leadDepartment: DEPT,
  coDepartments: [],
}));
const launch: DepartmentLaunch = {
  cycleId: 'cycle/x/annual/2021',
  department: DEPT,
  years: { baselineYear: 2020, endYear: 2025, year: 2021 },
  deadline: '2022-03-31T00:00:00Z',
  hardClose: '2022-04-30T00:00:00Z',
  requireBureauAcceptance: false,
  thresholds: THRESHOLD_PRESETS.time_elapsed,
  policy: DEFAULT_CHASING_POLICY,
  items: specs.map((s) => s.key),
};
const submitter: Actor = { id: 's@sports', name: '填报人', role: 'submitter', department: DEPT };
const submit = (requestId: string, itemKey: string): ItemCommandRequest => ({
  requestId,
  actor: submitter,
  command: { type: 'submit', itemKey, submission: { kind: 'task', progress: 'in_progress', narrative: '推进中' } },
});
const T0 = Date.parse('2022-03-01T00:00:00Z');

/** A run after a submission at T0 and whatever `then` does, taken on from its snapshot or not. */
function scenario(then: (run: DepartmentRun) => void, carried: boolean): DepartmentRun {
  let run = DepartmentRun.launched(launch);
  run.specsRead(specs);
  run.apply(submit('a', 'task-1'), T0);
  then(run);
  if (carried) run = new DepartmentRun(run.snapshot());
  return run;
}

describe('DepartmentRun: what a continue-as-new carries is all it knows', () => {
  it.each<[string, (run: DepartmentRun) => void]>([
    ['a digest waiting for its window', () => undefined],
    ['a second action in the same window', (run) => run.apply(submit('b', 'task-2'), T0 + MINUTE)],
    ['a reminder queued beside the digest', (run) => run.remindNow()],
    ['a cancellation and its reason', (run) => run.cancel('规划调整')],
  ])('%s: the run taken on from its snapshot does what the run itself does', (_label, then) => {
    const kept = scenario(then, false);
    const carried = scenario(then, true);
    expect(carried.snapshot()).toEqual(kept.snapshot());
    for (const run of [kept, carried]) expect(run.noticesDue(T0 + 4 * MINUTE)).toBe(false);
    expect(carried.nextWakeAt()).toBe(kept.nextWakeAt());
    expect(carried.takeRecords()).toEqual(kept.takeRecords());
    expect(carried.noticesDue(T0 + 5 * MINUTE)).toBe(true);
    expect(carried.takeNotices(T0 + 5 * MINUTE)).toEqual(kept.takeNotices(T0 + 5 * MINUTE));
  });

  it('answers a repeated request as the first time, from the snapshot too', () => {
    const run = scenario(() => undefined, true);
    expect(run.refusal(submit('a', 'task-1'))).toBeNull();
    expect(run.apply(submit('a', 'task-1'), T0 + MINUTE)).toEqual({
      itemKey: 'task-1',
      status: 'submitted',
      version: 1,
      warnings: [],
    });
    // The same item submitted again under a new request is refused: it waits for review.
    expect(run.refusal(submit('c', 'task-1'))?.en).toBe('this item is already submitted and waiting for review');
  });

  it('numbers notices on from the cycle’s assignment and starts a new digest window after each send', () => {
    const run = scenario(() => undefined, true);
    expect(
      run.takeNotices(T0 + 5 * MINUTE).map((n) => [n.audience, n.event, n.seq, n.items.map((i) => i.key)]),
    ).toEqual([['supervisor', 'submitted_for_review', 1, ['task-1']]]);
    run.remindNow();
    expect(run.noticesDue(T0 + 5 * MINUTE)).toBe(true);
    expect(run.takeNotices(T0 + 5 * MINUTE).map((n) => [n.event, n.seq, n.items.map((i) => i.key)])).toEqual([
      ['reminder', 1, ['task-2']],
    ]);
    run.apply(submit('b', 'task-2'), T0 + 6 * MINUTE);
    expect(run.noticesDue(T0 + 10 * MINUTE)).toBe(false);
    expect(run.nextWakeAt()).toBe(T0 + 11 * MINUTE);
  });
});

describe('DepartmentRun.standing: what the search attributes show', () => {
  const DEADLINE = Date.parse(launch.deadline);
  const approve = (requestId: string, itemKey: string): ItemCommandRequest => ({
    requestId,
    actor: { id: 'v@sports', name: '审核人', role: 'supervisor', department: DEPT },
    command: { type: 'review', itemKey, decision: 'approve' },
  });
  it.each<[string, (run: DepartmentRun) => void, number, string, boolean, number]>([
    ['items owed before the deadline', () => undefined, DEADLINE, 'collecting', false, DEADLINE + 1],
    ['items owed past the deadline', () => undefined, DEADLINE + 1, 'collecting', true, Infinity],
    [
      'all submitted, waiting for review, past the deadline',
      (run) => run.apply(submit('b', 'task-2'), T0),
      DEADLINE + 1,
      'reviewing',
      false,
      Infinity,
    ],
    [
      'all approved',
      (run) => {
        run.apply(submit('b', 'task-2'), T0);
        run.apply(approve('c', 'task-1'), T0);
        run.apply(approve('d', 'task-2'), T0);
      },
      T0,
      'done',
      false,
      Infinity,
    ],
    ['closed with items owed', (run) => run.close(), DEADLINE + 1, 'closed', false, Infinity],
    ['cancelled', (run) => run.cancel('规划调整'), T0, 'cancelled', false, DEADLINE + 1],
  ])('%s', (_label, then, now, phase, overdue, changesAt) => {
    const run = scenario(then, false);
    expect(run.standing(now)).toEqual({ phase, overdue });
    expect(run.standingChangesAt(now)).toBe(changesAt);
  });
});

describe('DepartmentRun: a command carrying its item’s specification before the department read them', () => {
  const indicatorSubmit = (request: ItemCommandRequest): ItemCommandRequest => ({
    ...request,
    command: { type: 'submit', itemKey: 'task-1', submission: { kind: 'indicator', value: 1, dataSource: '统计年鉴' } },
  });
  const withSpec = (request: ItemCommandRequest, spec = specs[0]): ItemCommandRequest => ({ ...request, spec });
  const review: ItemCommandRequest = {
    requestId: 'r',
    actor: { ...submitter, role: 'supervisor' },
    command: { type: 'review', itemKey: 'task-1', decision: 'approve' },
  };
  const FITS_NOT = 'the submission does not fit the kind of item “任务1”';

  it.each<[string, ItemCommandRequest, boolean, string | null]>([
    ['a submission without it: read first, content unchecked until then', submit('a', 'task-1'), true, null],
    ['a submission with it: checked and applied without reading', withSpec(submit('a', 'task-1')), false, null],
    ['a wrong submission with it: refused at once', withSpec(indicatorSubmit(submit('a', 'task-1'))), false, FITS_NOT],
    ['a wrong submission without it: passes until read', indicatorSubmit(submit('a', 'task-1')), true, null],
    ['another item’s specification: ignored, read first', withSpec(submit('a', 'task-1'), specs[1]), true, null],
    ['a review, which depends on none', review, false, 'this item is to do, not waiting for review'],
  ])('%s', (_label, request, needsSpecs, refused) => {
    const run = DepartmentRun.launched(launch);
    expect(run.needsSpecs(request)).toBe(needsSpecs);
    expect(run.refusal(request)?.en ?? null).toBe(refused);
    // A notice's titles still need every item's: reading them stays with the department.
    expect(run.needsSpecs()).toBe(true);
  });

  it('answers the carried submission as it would after reading, and checks its item against the read ones after', () => {
    const carried = DepartmentRun.launched(launch);
    const read = DepartmentRun.launched(launch);
    read.specsRead(specs);
    const request = withSpec(submit('a', 'task-1'));
    expect(carried.apply(request, T0)).toEqual(read.apply(request, T0));
    carried.specsRead(specs);
    // Once read, the department's own specifications decide, whatever a command carries.
    const stray = withSpec(submit('b', 'task-2'), { ...specs[0], key: 'task-2', kind: 'indicator' });
    expect(carried.refusal(stray)).toBeNull();
  });
});
