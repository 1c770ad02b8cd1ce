import type { DepartmentOutcome } from './activities-contract';
import type { Actor } from './department-state';
import { checkReopen, mergeReopenedOutcomes, type ReopenContext } from './reopen';

const bureau: Actor = { id: 'bureau@heyuan.example', name: '市统计局', role: 'bureau', department: 'city-statistics' };
const supervisor: Actor = { id: 'v@edu', name: '审核人', role: 'supervisor', department: 'city-education' };
const closed: ReopenContext = {
  cycle: { status: 'closed' },
  items: [
    { itemKey: 'indicator-1', department: 'city-statistics', status: 'approved' },
    { itemKey: 'indicator-8', department: 'city-education', status: 'accepted' },
    { itemKey: 'indicator-9', department: 'city-education', status: 'assigned' },
  ],
};
const ok = { items: ['indicator-1'], reason: '数据与公报不一致', actor: bureau };

describe('checking a reopen of a closed cycle', () => {
  it.each<[string, Partial<typeof ok> & { deadline?: string; hardClose?: string }, ReopenContext, string[]]>([
    ['an approved item', {}, closed, []],
    [
      'an accepted item and an approved one, named twice',
      { items: ['indicator-8', 'indicator-1', 'indicator-8'] },
      closed,
      [],
    ],
    ['not by the bureau', { actor: supervisor }, closed, ['只有统计局可以重新打开已结束的评估']],
    ['without a reason', { reason: '  ' }, closed, ['请写明重新打开的原因']],
    ['no items', { items: [] }, closed, ['请选择要重新打开的事项']],
    ['an item never approved', { items: ['indicator-9'] }, closed, ['事项“indicator-9”未经审核，不能重新打开']],
    ['an item not in the cycle', { items: ['task-1'] }, closed, ['本轮评估没有事项“task-1”']],
    [
      'a running cycle',
      {},
      { ...closed, cycle: { status: 'running' } },
      ['本轮评估尚未结束，请直接在评估中重新打开事项'],
    ],
    ['a cancelled cycle', {}, { ...closed, cycle: { status: 'cancelled' } }, ['已取消的评估不能重新打开']],
    ['no such cycle', {}, { cycle: null, items: [] }, ['没有这一轮评估']],
    ['a bad deadline', { deadline: 'soon' }, closed, ['截止时间“soon”格式不对']],
    [
      'a hard close before the deadline',
      { deadline: '2024-05-01T00:00:00Z', hardClose: '2024-04-01T00:00:00Z' },
      closed,
      ['关闭时间应晚于截止时间'],
    ],
  ])('%s', (_name, overrides, ctx, problems) => {
    expect(checkReopen({ ...ok, ...overrides }, ctx).map((p) => p.zh)).toEqual(problems);
  });
});

describe('the outcomes after a reopen', () => {
  const outcome = (
    department: string,
    total: number,
    done: number,
    timeliness: DepartmentOutcome['timeliness'],
  ): DepartmentOutcome => ({ department, total, done, timeliness, cancelled: false });
  const previous = [
    outcome('city-education', 4, 3, 'late'),
    outcome('city-statistics', 2, 2, 'on_time'),
    outcome('city-health', 19, 19, 'on_time'),
  ];

  it.each<[string, number, DepartmentOutcome, DepartmentOutcome]>([
    // The run's own timeliness is against the reopen's deadline: the first collection's is kept.
    [
      'corrected and approved again',
      1,
      outcome('city-statistics', 1, 1, 'on_time'),
      outcome('city-statistics', 2, 2, 'on_time'),
    ],
    [
      'not corrected by the reopen’s hard close',
      1,
      outcome('city-statistics', 1, 0, 'on_time'),
      outcome('city-statistics', 2, 1, 'on_time'),
    ],
    [
      'one of two reopened items corrected, late the first time',
      2,
      outcome('city-education', 2, 1, 'on_time'),
      outcome('city-education', 4, 2, 'late'),
    ],
    [
      'approved items that awaited bureau acceptance (not done before)',
      0,
      outcome('city-education', 1, 1, 'on_time'),
      outcome('city-education', 4, 4, 'late'),
    ],
  ])('%s', (_name, doneBefore, run, merged) => {
    const result = mergeReopenedOutcomes(previous, [
      { department: run.department, itemKeys: [], doneBefore, outcome: run },
    ]);
    expect(result.find((o) => o.department === run.department)).toEqual(merged);
    expect(result.filter((o) => o.department !== run.department)).toEqual(
      previous.filter((o) => o.department !== run.department),
    );
  });
});
