import { timeliness } from './timeliness';

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
