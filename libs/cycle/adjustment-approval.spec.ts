import {
  AdjustmentApproval,
  type AdjustmentActor,
  type AdjustmentDecision,
  type AdjustmentState,
} from './adjustment-approval';

const supervisor: AdjustmentActor = { id: 's@edu', name: '审核人', role: 'supervisor', department: 'city-education' };
const otherSupervisor: AdjustmentActor = { ...supervisor, id: 's@health', department: 'city-health' };
const approver: AdjustmentActor = { id: 'office@gov', name: '分管副市长办公室', role: 'approver', department: null };
const bureau: AdjustmentActor = { id: 'bureau@stats', name: '统计局', role: 'bureau', department: null };

/** A proposal walked through `steps` (each allowed), then asked about one more decision. */
function after(steps: Array<[AdjustmentActor, AdjustmentDecision] | 'revise'>): AdjustmentApproval {
  const a = AdjustmentApproval.proposed({ id: 1, planCode: 'p', leadDepartment: 'city-education' });
  steps.forEach((s, n) => {
    const requestId = `r${n}`;
    if (s === 'revise') {
      const r = { requestId, actor: bureau, adjustedTarget: '11.6', effectiveYear: 2024, reason: '再议' };
      expect(a.revisionProblem(r)).toBeNull();
      a.revise(r, n);
    } else {
      const r = { requestId, actor: s[0], decision: s[1], comment: s[1] === 'return' ? '请补充依据' : undefined };
      expect(a.decisionProblem(r)).toBeNull();
      a.decide(r, n);
    }
  });
  return a;
}

describe('AdjustmentApproval: who decides at each state', () => {
  it.each<[string, Parameters<typeof after>[0], AdjustmentActor, AdjustmentDecision, AdjustmentState | RegExp]>([
    ['the lead department’s supervisor approves', [], supervisor, 'approve', 'department_approved'],
    ['another department’s supervisor may not', [], otherSupervisor, 'approve', /lead department’s supervisor/],
    ['the approver may not before the department', [], approver, 'approve', /lead department’s supervisor/],
    ['the bureau may not decide', [], bureau, 'approve', /lead department’s supervisor/],
    ['the supervisor returns', [], supervisor, 'return', 'returned'],
    ['then the approver approves', [[supervisor, 'approve']], approver, 'approve', 'approved'],
    [
      'the supervisor may not decide twice',
      [[supervisor, 'approve']],
      supervisor,
      'approve',
      /waiting for the approver/,
    ],
    ['the approver returns', [[supervisor, 'approve']], approver, 'return', 'returned'],
    [
      'an approved one takes no more',
      [
        [supervisor, 'approve'],
        [approver, 'approve'],
      ],
      approver,
      'return',
      /approved/,
    ],
    ['a returned one waits for the bureau', [[supervisor, 'return']], supervisor, 'approve', /returned to the bureau/],
    [
      'resubmitted after a return: the department decides again',
      [[supervisor, 'approve'], [approver, 'return'], 'revise'],
      supervisor,
      'approve',
      'department_approved',
    ],
  ])('%s', (_, steps, actor, decision, expected) => {
    const a = after(steps);
    const r = { requestId: 'last', actor, decision, comment: decision === 'return' ? '理由' : undefined };
    if (expected instanceof RegExp) expect(a.decisionProblem(r)?.en).toMatch(expected);
    else {
      expect(a.decisionProblem(r)).toBeNull();
      expect(a.decide(r, 99).state).toBe(expected);
      expect(a.state).toBe(expected);
    }
  });

  it('refuses a return without a reason, and a revision by anyone but the bureau or of a proposal not returned', () => {
    const a = after([]);
    expect(a.decisionProblem({ requestId: 'x', actor: supervisor, decision: 'return', comment: ' ' })?.en).toMatch(
      /say why/,
    );
    const revision = { requestId: 'y', adjustedTarget: '1', effectiveYear: 2024, reason: 'r' };
    expect(a.revisionProblem({ ...revision, actor: bureau })?.en).toMatch(/only a returned proposal/);
    const returned = after([[supervisor, 'return']]);
    expect(returned.revisionProblem({ ...revision, actor: supervisor })?.en).toMatch(/only the bureau/);
  });

  it('answers the same request again with its step and changes nothing', () => {
    const a = after([]);
    const r = { requestId: 'same', actor: supervisor, decision: 'approve' as const };
    const first = a.decide(r, 1);
    expect(a.decisionProblem(r)).toBeNull();
    expect(a.decide(r, 2)).toEqual(first);
    expect(a.snapshot().steps).toHaveLength(1);
    expect(a.snapshot()).toMatchObject({ state: 'department_approved', round: 1 });
    const revised = after([[supervisor, 'return'], 'revise']).snapshot();
    expect(revised).toMatchObject({ state: 'proposed', round: 2 });
    expect(revised.steps.map((s) => [s.kind, s.stage, s.round])).toEqual([
      ['return', 'department', 1],
      ['revise', 'bureau', 2],
    ]);
  });
});
