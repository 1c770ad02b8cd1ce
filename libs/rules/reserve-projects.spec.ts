import type { ReserveStage } from '../cycle/submission';
import { countReserveProjects, type ReserveCounts } from './reserve-projects';

const counts = (moved: number, preparing: number, notStarted: number, notReported: number): ReserveCounts => ({
  count: moved + preparing + notStarted + notReported,
  reported: moved + preparing + notStarted,
  byStanding: { moved_into_plan: moved, preparing, not_started: notStarted, not_reported: notReported },
});

describe('countReserveProjects: the reserve projects by where they stand (counted by hand)', () => {
  it.each<[string, Array<ReserveStage | null>, ReserveCounts]>([
    ['no reserve projects', [], counts(0, 0, 0, 0)],
    ['none reported: all counted as not reported', [null, null, null], counts(0, 0, 0, 3)],
    ['one of each, and one not reported', ['moved_into_plan', 'preparing', 'not_started', null], counts(1, 1, 1, 1)],
    [
      'the demo’s 47 (no. mod 3: 16 preparing, 16 not started, 15 moved)',
      Array.from({ length: 47 }, (_, i) => (['moved_into_plan', 'preparing', 'not_started'] as const)[(i + 1) % 3]),
      counts(15, 16, 16, 0),
    ],
    ['not started counts as reported: the unit said so', ['not_started', 'not_started'], counts(0, 0, 2, 0)],
  ])('%s', (_, stages, expected) => {
    expect(countReserveProjects(stages)).toEqual(expected);
  });
});
