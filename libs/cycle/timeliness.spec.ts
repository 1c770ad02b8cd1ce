import { isOverdue, timeliness, timelinessShown, type TimelinessSoFar } from './timeliness';

// Deadline in force 1000 (ms since epoch, small for reading); "now" is when the dashboard asks.
describe('timeliness: one rule for the workflow, the report and the dashboard', () => {
  it.each<[string, Array<number | null>, number, number | 'closed', string]>([
    ['all first submitted before the deadline', [900, 950], 1000, 'closed', 'on_time'],
    ['the last one exactly at the deadline', [900, 1000], 1000, 'closed', 'on_time'],
    ['one a millisecond after the deadline', [900, 1001], 1000, 'closed', 'late'],
    ['late even while the cycle still runs', [1001], 1000, 1500, 'late'],
    ['never submitted, cycle closed', [900, null], 1000, 'closed', 'missing'],
    ['never submitted, closed before the deadline (cancelled)', [null], 1000, 'closed', 'missing'],
    ['never submitted, asked before the deadline', [900, null], 1000, 999, 'pending'],
    ['never submitted, asked at the deadline: still pending', [null], 1000, 1000, 'pending'],
    ['never submitted, asked after the deadline', [null], 1000, 1001, 'missing'],
    ['all submitted early, asked before the deadline', [10], 1000, 500, 'on_time'],
    // The department's deadline extended from 1000 to 1500: the extended one is in force.
    ['submitted after the cycle’s deadline but within the extension', [1200], 1500, 'closed', 'on_time'],
    ['after the extension too', [1600], 1500, 'closed', 'late'],
    ['owing, past the cycle’s deadline but within the extension', [null], 1500, 1200, 'pending'],
    ['no items: nothing owed', [], 1000, 'closed', 'on_time'],
  ])('%s', (_case, first, deadline, asOf, expected) => {
    expect(timeliness(first, deadline, asOf)).toBe(expected);
  });
});

describe('overdue: owed by the submitter once the department would be judged missing', () => {
  it.each<[string, boolean, number, number | 'closed', boolean]>([
    ['owed, asked before the deadline', true, 1000, 999, false],
    ['owed, asked at the deadline', true, 1000, 1000, false],
    ['owed, asked a millisecond after', true, 1000, 1001, true],
    ['owed, the collection closed before its deadline', true, 1000, 'closed', true],
    ['owed, within a department’s extension', true, 1500, 1200, false],
    ['submitted (or approved), long after the deadline', false, 1000, 5000, false],
    ['submitted, the collection closed', false, 1000, 'closed', false],
  ])('%s', (_case, owed, deadline, asOf, expected) => {
    expect(isOverdue(owed, deadline, asOf)).toBe(expected);
  });

  it('agrees with timeliness: a department is missing exactly when one of its items is overdue', () => {
    for (const asOf of [999, 1000, 1001, 'closed'] as const)
      expect(isOverdue(true, 1000, asOf)).toBe(timeliness([900, null], 1000, asOf) === 'missing');
  });
});

describe('timeliness as people read it: 部分未报 where some items were submitted', () => {
  it.each<[string, TimelinessSoFar, number, string]>([
    ['missing, nothing submitted: 未报', 'missing', 0, 'missing'],
    ['missing, one of four submitted: 部分未报', 'missing', 1, 'partly_missing'],
    ['late, all submitted', 'late', 4, 'late'],
    ['on time', 'on_time', 4, 'on_time'],
    ['still pending with some submitted', 'pending', 2, 'pending'],
  ])('%s', (_case, t, submitted, expected) => {
    expect(timelinessShown(t, submitted)).toBe(expected);
  });
});
