import { chasingSchedule } from './chasing-schedule';
import { DEFAULT_CHASING_POLICY } from './cycle-definition';

const DAY = 86_400_000;
const days = (points: Array<{ at: number; event: string }>) => points.map((p) => `${p.event}@${p.at / DAY}`);

describe('chasingSchedule', () => {
  it('follows the default policy: reminders 7 and 1 days before, overdue from the day after every 3 days, escalations at 3 and 7', () => {
    expect(days(chasingSchedule(DEFAULT_CHASING_POLICY, 30 * DAY, 45 * DAY))).toEqual([
      'reminder@23',
      'reminder@29',
      'overdue@31',
      'escalate_supervisor@33',
      'overdue@34',
      'escalate_bureau@37',
      'overdue@37',
      'overdue@40',
      'overdue@43',
    ]);
  });

  it('moves with the deadline', () => {
    const before = chasingSchedule(DEFAULT_CHASING_POLICY, 30 * DAY, 60 * DAY);
    const after = chasingSchedule(DEFAULT_CHASING_POLICY, 40 * DAY, 60 * DAY);
    expect(after.map((p) => p.at - 10 * DAY)).toEqual(before.map((p) => p.at).slice(0, after.length));
  });

  it('stops at the hard close', () => {
    expect(days(chasingSchedule(DEFAULT_CHASING_POLICY, 30 * DAY, 32 * DAY))).toEqual([
      'reminder@23',
      'reminder@29',
      'overdue@31',
    ]);
  });

  it('runs in seconds for a demo policy', () => {
    const policy = {
      ...DEFAULT_CHASING_POLICY,
      remindBefore: ['30s'],
      overdueAfter: '10s',
      overdueEvery: '30s',
      escalateToSupervisorAfter: '20s',
      escalateToBureauAfter: '40s',
    };
    expect(chasingSchedule(policy, 60_000, 150_000).map((p) => `${p.event}@${p.at / 1000}`)).toEqual([
      'reminder@30',
      'overdue@70',
      'escalate_supervisor@80',
      'escalate_bureau@100',
      'overdue@100',
      'overdue@130',
    ]);
  });
});
