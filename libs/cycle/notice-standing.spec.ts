import type { NoticeEvent, NoticeItem } from './activities-contract';
import type { ItemStatus } from './department-state';
import { noticeStanding, type RecordedState } from './notice-standing';

const AT = 1_000;
const item = (key: string, status: ItemStatus): NoticeItem => ({ key, title: key, status });

describe('noticeStanding', () => {
  // event, the item's state in the notice, its latest record (state, before or after the notice), kept as
  const cases: Array<[NoticeEvent, ItemStatus, [ItemStatus, 'before' | 'after'] | null, ItemStatus | 'dropped']> = [
    ['submitted_for_review', 'submitted', null, 'submitted'],
    ['submitted_for_review', 'submitted', ['approved', 'after'], 'dropped'],
    ['submitted_for_review', 'submitted', ['returned', 'after'], 'dropped'],
    // Approved while the digest gathered: the workflow already knew when it composed it.
    ['submitted_for_review', 'approved', ['submitted', 'before'], 'dropped'],
    // The record of the approval is late (its sender died): the notice's own state still decides.
    ['submitted_for_review', 'submitted', ['assigned', 'before'], 'submitted'],
    ['review_reminder', 'submitted', ['approved', 'after'], 'dropped'],
    ['rejected', 'returned', ['submitted', 'after'], 'dropped'],
    ['rejected', 'returned', ['draft', 'after'], 'dropped'],
    ['rejected', 'returned', ['returned', 'after'], 'returned'],
    ['reopened', 'returned', ['submitted', 'after'], 'dropped'],
    ['approved', 'approved', ['returned', 'after'], 'dropped'],
    ['approved', 'approved', ['accepted', 'after'], 'accepted'],
    // A reminder lists what is still owed, in the state it is in now.
    ['reminder', 'assigned', ['draft', 'after'], 'draft'],
    ['reminder', 'assigned', ['submitted', 'after'], 'dropped'],
    ['overdue', 'returned', ['submitted', 'after'], 'dropped'],
    ['escalate_supervisor', 'assigned', ['submitted', 'after'], 'dropped'],
    ['escalate_bureau', 'draft', null, 'draft'],
    ['deadline_changed', 'assigned', ['approved', 'after'], 'dropped'],
    // Facts stay as stated: the assignment lists every item assigned.
    ['assignment', 'assigned', ['submitted', 'after'], 'assigned'],
    ['contribution_request', 'assigned', ['approved', 'after'], 'assigned'],
    ['cycle_cancelled', 'draft', ['approved', 'after'], 'draft'],
    ['record_refused', 'submitted', null, 'submitted'],
  ];
  it.each(cases)('%s of an item %s, recorded %j since: %s', (event, status, record, expected) => {
    const recorded = new Map<string, RecordedState>(
      record ? [['indicator-1', { status: record[0], at: record[1] === 'after' ? AT + 1 : AT - 1 }]] : [],
    );
    const standing = noticeStanding({ event, at: AT, items: [item('indicator-1', status)] }, recorded);
    if (expected === 'dropped') {
      expect(standing).toEqual({ items: [], dropped: ['indicator-1'], nothingLeft: true });
    } else {
      expect(standing.items).toEqual([item('indicator-1', expected)]);
      expect(standing).toMatchObject({ dropped: [], nothingLeft: false });
    }
  });

  it('keeps the items still waiting and names the rest', () => {
    const recorded = new Map<string, RecordedState>([
      ['indicator-2', { status: 'approved', at: AT + 5 }],
      ['indicator-3', { status: 'submitted', at: AT + 5 }],
    ]);
    const standing = noticeStanding(
      {
        event: 'submitted_for_review',
        at: AT,
        items: [item('indicator-1', 'submitted'), item('indicator-2', 'submitted'), item('indicator-3', 'submitted')],
      },
      recorded,
    );
    expect(standing).toEqual({
      items: [item('indicator-1', 'submitted'), item('indicator-3', 'submitted')],
      dropped: ['indicator-2'],
      nothingLeft: false,
    });
  });

  it('never drops a notice that was about no item', () => {
    expect(noticeStanding({ event: 'report_ready', at: AT, items: [] }, new Map())).toEqual({
      items: [],
      dropped: [],
      nothingLeft: false,
    });
  });
});
