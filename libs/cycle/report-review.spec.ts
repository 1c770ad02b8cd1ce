import { DEFAULT_CHASING_POLICY } from './cycle-definition';
import { ReportReview, type ReviewActor, type ReviewCommand, type ReviewStage } from './report-review';

const DAY = 86_400_000;
const T0 = Date.parse('2024-06-01T00:00:00Z');
const bureau: ReviewActor = { id: 'bureau@x', name: '统计局', role: 'bureau', department: null };
const edu: ReviewActor = { id: 's@edu', name: '填报人', role: 'submitter', department: 'city-education' };
const health: ReviewActor = { id: 'v@health', name: '审核人', role: 'supervisor', department: 'city-health' };
const evaluator: ReviewActor = { id: 'e@third', name: '第三方', role: 'evaluator', department: null };
const approver: ReviewActor = { id: 'a@office', name: '办公室', role: 'approver', department: null };

function review(requireApproval = true) {
  return ReportReview.opened({
    cycleId: 'cycle/p/annual/2023',
    deadline: new Date(T0 + 10 * DAY).toISOString(),
    requireApproval,
    policy: DEFAULT_CHASING_POLICY,
    draftVersion: 1,
    departments: [
      { code: 'city-education', itemKeys: ['indicator-1', 'indicator-2'] },
      { code: 'city-health', itemKeys: ['indicator-3'] },
    ],
  });
}

/** Takes each command in turn, as the workflow does; the last one's refusal (English), or null. */
function after(steps: Array<[string, ReviewActor, ReviewCommand]>, stage?: ReviewStage): string | null {
  const r = review();
  let refused: string | null = null;
  for (const [requestId, actor, command] of steps) {
    const problem = r.refusal({ requestId, actor, command });
    refused = problem?.en ?? null;
    if (!problem) r.apply({ requestId, actor, command }, T0);
    if (r.stage === 'finalising')
      r.finalCompiled({ version: 2, contentHash: 'c', textHash: 't', path: '/r.json', by: bureau, at: T0 });
  }
  if (stage) expect(r.stage).toBe(stage);
  return refused;
}

const comment = (itemKey: string, text = '数据来源应注明'): ReviewCommand => ({ type: 'comment', itemKey, text });

describe('ReportReview commands', () => {
  it.each<[string, Array<[string, ReviewActor, ReviewCommand]>, RegExp | null]>([
    ['a department comments on its own item', [['c1', edu, comment('indicator-1')]], null],
    ['a department comments on a section', [['c1', edu, { type: 'comment', section: 'problems', text: '措辞' }]], null],
    ['not on another department’s item', [['c1', edu, comment('indicator-3')]], /not your department/],
    ['the evaluator assesses any item', [['c1', evaluator, comment('indicator-3')]], null],
    ['not on an item the cycle lacks', [['c1', evaluator, comment('indicator-99')]], /no item/],
    [
      'an item or a section, not both',
      [['c1', edu, { type: 'comment', itemKey: 'indicator-1', section: 'problems', text: 'x' }]],
      /one of them/,
    ],
    ['not an empty comment', [['c1', edu, comment('indicator-1', '  ')]], /give the comment/],
    ['the bureau does not comment', [['c1', bureau, comment('indicator-1')]], /lead department/],
    [
      'not accepted needs a reason',
      [
        ['c1', edu, comment('indicator-1')],
        ['a1', bureau, { type: 'answer', commentId: 'c1', accepted: false }],
      ],
      /reason for not accepting/,
    ],
    [
      'accepted needs none',
      [
        ['c1', edu, comment('indicator-1')],
        ['a1', bureau, { type: 'answer', commentId: 'c1', accepted: true }],
      ],
      null,
    ],
    [
      'a comment is answered once',
      [
        ['c1', edu, comment('indicator-1')],
        ['a1', bureau, { type: 'answer', commentId: 'c1', accepted: true }],
        ['a2', bureau, { type: 'answer', commentId: 'c1', accepted: true }],
      ],
      /answered already/,
    ],
    [
      'only the bureau answers',
      [
        ['c1', edu, comment('indicator-1')],
        ['a1', health, { type: 'answer', commentId: 'c1', accepted: true }],
      ],
      /only the bureau/,
    ],
    ['a dispute on its own item', [['d1', edu, { type: 'dispute', itemKey: 'indicator-2', reason: '数值有误' }]], null],
    [
      'one open dispute per item',
      [
        ['d1', edu, { type: 'dispute', itemKey: 'indicator-2', reason: '有误' }],
        ['d2', edu, { type: 'dispute', itemKey: 'indicator-2', reason: '有误' }],
      ],
      /already has a dispute/,
    ],
    [
      'a refusal needs a reason',
      [
        ['d1', edu, { type: 'dispute', itemKey: 'indicator-2', reason: '有误' }],
        ['g1', bureau, { type: 'decide_dispute', disputeId: 'd1', granted: false }],
      ],
      /reason for refusing/,
    ],
    [
      'no 定稿 while a dispute waits',
      [
        ['d1', edu, { type: 'dispute', itemKey: 'indicator-2', reason: '有误' }],
        ['f1', bureau, { type: 'finalise' }],
      ],
      /decide every dispute/,
    ],
    ['approval waits for 定稿', [['p1', approver, { type: 'approve' }]], /cannot be done now/],
    [
      'only the approver approves',
      [
        ['f1', bureau, { type: 'finalise' }],
        ['p1', bureau, { type: 'approve' }],
      ],
      /only the approver/,
    ],
    [
      'a return needs a reason',
      [
        ['f1', bureau, { type: 'finalise' }],
        ['p1', approver, { type: 'return', reason: '' }],
      ],
      /reason for returning/,
    ],
    [
      'no comments once finalised',
      [
        ['f1', bureau, { type: 'finalise' }],
        ['c1', edu, comment('indicator-1')],
      ],
      /cannot be done now/,
    ],
  ])('%s', (_, steps, refused) => {
    const got = after(steps);
    if (refused) expect(got).toMatch(refused);
    else expect(got).toBeNull();
  });

  it('goes from comments through 定稿 and approval to the final version mailed once to each department', () => {
    const r = review();
    expect(r.takeNotices().map((n) => [n.department, n.event, n.seq])).toEqual([
      ['city-education', 'comment_request', 1],
      ['city-health', 'comment_request', 1],
    ]);
    r.apply({ requestId: 'f1', actor: bureau, command: { type: 'finalise' } }, T0);
    expect(r.stage).toBe('finalising');
    r.finalCompiled({ version: 2, contentHash: 'c', textHash: 't', path: '/r.json', by: bureau, at: T0 });
    expect(r.stage).toBe('awaiting_approval');
    r.apply({ requestId: 'p1', actor: approver, command: { type: 'approve' } }, T0);
    expect(r.finalToMail().map((n) => [n.department, n.event, n.seq])).toEqual([
      ['city-education', 'report_final', 1],
      ['city-health', 'report_final', 1],
    ]);
    r.finalMailed('city-education');
    expect(r.finalToMail().map((n) => n.department)).toEqual(['city-health']);
    r.finalMailed('city-health');
    expect(r.stage).toBe('completed');
    expect(r.finalToMail()).toEqual([]);
  });

  it('a returned final goes back to the bureau; without approval asked, 定稿 goes straight out', () => {
    const r = review();
    r.apply({ requestId: 'f1', actor: bureau, command: { type: 'finalise' } }, T0);
    r.finalCompiled({ version: 2, contentHash: 'c', textHash: 't', path: '/r.json', by: bureau, at: T0 });
    r.apply({ requestId: 'p1', actor: approver, command: { type: 'return', reason: '请补充' } }, T0);
    expect(r.stage).toBe('commenting');
    expect(r.snapshot().decision).toMatchObject({ approved: false, reason: '请补充' });
    const direct = review(false);
    direct.apply({ requestId: 'f1', actor: bureau, command: { type: 'finalise' } }, T0);
    direct.finalCompiled({ version: 2, contentHash: 'c', textHash: 't', path: '/r.json', by: bureau, at: T0 });
    expect(direct.stage).toBe('approved');
  });

  it('takes a request once: the same ID again answers the same and changes nothing', () => {
    const r = review();
    const first = r.apply({ requestId: 'c1', actor: edu, command: comment('indicator-1') }, T0);
    const revision = r.revision;
    expect(r.refusal({ requestId: 'c1', actor: edu, command: comment('indicator-1') })).toBeNull();
    expect(r.apply({ requestId: 'c1', actor: edu, command: comment('indicator-1') }, T0 + DAY)).toEqual(first);
    expect(r.revision).toBe(revision);
    expect(r.snapshot().comments).toHaveLength(1);
  });

  it('a granted dispute reruns the cycle; the new draft is sent to every department again', () => {
    const r = review();
    r.takeNotices();
    r.apply(
      { requestId: 'd1', actor: edu, command: { type: 'dispute', itemKey: 'indicator-2', reason: '数值有误' } },
      T0,
    );
    r.apply(
      { requestId: 'g1', actor: bureau, command: { type: 'decide_dispute', disputeId: 'd1', granted: true } },
      T0,
    );
    expect(r.stage).toBe('recompiling');
    expect(r.reopenWanted()).toMatchObject({ disputeId: 'd1', itemKey: 'indicator-2', reason: '数值有误' });
    expect(r.reopenOf('d1', bureau)).toEqual({
      items: ['indicator-2'],
      reason: '数值有误',
      actor: { id: 'bureau@x', name: '统计局', role: 'bureau', department: 'bureau' },
    });
    r.recompiled(3);
    expect(r.stage).toBe('commenting');
    expect(r.snapshot().draftVersion).toBe(3);
    expect(r.takeNotices().map((n) => [n.event, n.seq])).toEqual([
      ['comment_request', 2],
      ['comment_request', 2],
    ]);
  });

  it('chases only the departments that have not answered, each chase point once, on the cycle’s policy', () => {
    const r = review();
    r.takeNotices();
    r.apply({ requestId: 'n1', actor: edu, command: { type: 'no_comment' } }, T0);
    // remindBefore 7 days and 1 day: the first reminder 3 days in, the deadline 10 days in.
    expect(r.nextChaseAt(T0)).toBe(T0 + 3 * DAY);
    r.fireDueChases(T0 + 3 * DAY);
    r.fireDueChases(T0 + 3 * DAY);
    expect(r.takeNotices().map((n) => [n.department, n.event, n.seq])).toEqual([
      ['city-health', 'comment_reminder', 1],
    ]);
    r.fireDueChases(T0 + 13 * DAY);
    expect(r.takeNotices().map((n) => [n.event, n.audience])).toEqual([
      ['comment_reminder', 'submitter'],
      ['comment_overdue', 'submitter'],
      ['comment_escalate_supervisor', 'supervisor'],
    ]);
    r.apply({ requestId: 'c1', actor: health, command: comment('indicator-3') }, T0 + 13 * DAY);
    expect(r.nextChaseAt(T0 + 13 * DAY)).toBe(Infinity);
  });

  it('records the changed comments once, with the review’s revision', () => {
    const r = review();
    r.apply({ requestId: 'c1', actor: edu, command: comment('indicator-1') }, T0);
    const first = r.takeRecord();
    expect(first.comments.map((c) => c.id)).toEqual(['c1']);
    expect(first.departments).toEqual([
      { code: 'city-education', answeredAt: T0 },
      { code: 'city-health', answeredAt: null },
    ]);
    expect(r.takeRecord().comments).toEqual([]);
    r.apply({ requestId: 'a1', actor: bureau, command: { type: 'answer', commentId: 'c1', accepted: true } }, T0);
    const answered = r.takeRecord();
    expect(answered.comments[0].answer).toMatchObject({ answer: 'accepted', reason: null });
    expect(answered.revision).toBeGreaterThan(first.revision);
  });

  it('carries everything across continue-as-new', () => {
    const r = review();
    r.apply({ requestId: 'c1', actor: edu, command: comment('indicator-1') }, T0);
    const next = new ReportReview(r.snapshot());
    expect(next.snapshot()).toEqual(r.snapshot());
    expect(next.answered('c1')).toBe(true);
  });
});
