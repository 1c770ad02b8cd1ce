import {
  applyCommand,
  checkCommand,
  initialItem,
  type Actor,
  type Command,
  type DepartmentState,
  type ItemStatus,
} from './department-state';
import { THRESHOLD_PRESETS, type ThresholdPreset } from '../rules/thresholds';
import type { Submission, WorkItemSpec } from './submission';

const spec: WorkItemSpec = {
  key: 'indicator-2',
  kind: 'indicator',
  no: 2,
  title: '人均预期寿命',
  leadDepartment: 'city-health',
  coDepartments: ['city-statistics'],
  indicator: {
    unit: '岁',
    target: { kind: 'point', value: 79.5 },
    baseline: { kind: 'value', value: 77.8 },
    polarity: 'higher_is_better',
    previousValue: null,
    cumulative: false,
  },
};

function department(status: ItemStatus, requireBureauAcceptance = false): DepartmentState {
  const item = { ...initialItem(spec.key), status };
  return {
    cycleId: 'cycle/x/annual/2022',
    department: 'city-health',
    years: { baselineYear: 2020, endYear: 2025, year: 2022 },
    deadline: 1000,
    hardClose: 2000,
    requireBureauAcceptance,
    thresholds: THRESHOLD_PRESETS.time_elapsed,
    specs: [spec],
    items: { [spec.key]: item },
  };
}

const submitter: Actor = { id: 's@health', name: '填报人', role: 'submitter', department: 'city-health' };
const supervisor: Actor = { id: 'v@health', name: '审核人', role: 'supervisor', department: 'city-health' };
const otherSupervisor: Actor = { id: 'v@edu', name: '审核人', role: 'supervisor', department: 'city-education' };
const bureau: Actor = { id: 'b@tjj', name: '统计局', role: 'bureau', department: 'city-statistics' };
const coDept: Actor = { id: 's@stats', name: '配合', role: 'submitter', department: 'city-statistics' };

const submit: Command = {
  type: 'submit',
  itemKey: spec.key,
  submission: { kind: 'indicator', value: 78.6, dataSource: '卫生统计年报' },
};
const approve: Command = { type: 'review', itemKey: spec.key, decision: 'approve' };
const reject: Command = { type: 'review', itemKey: spec.key, decision: 'reject', reason: '口径不一致' };

describe('checkCommand: who may do what, in which state', () => {
  it.each<[string, ItemStatus, Command, Actor, string | null, boolean?]>([
    ['the submitter submits', 'assigned', submit, submitter, null],
    ['a returned item is resubmitted', 'returned', submit, submitter, null],
    ['an approved item changed goes back for approval', 'approved', submit, submitter, null],
    ['not twice while waiting for review', 'submitted', submit, submitter, '此事项已提交，正在等待审核'],
    ['not by the supervisor', 'assigned', submit, supervisor, '只有本部门填报人可以填报此事项'],
    [
      'a value behind the path needs reasons',
      'assigned',
      { ...submit, submission: { kind: 'indicator', value: 77.9, dataSource: 'x' } },
      submitter,
      '数值落后于进度，请填写原因分析和下一步措施',
    ],
    ['the supervisor approves', 'submitted', approve, supervisor, null],
    [
      'another department’s supervisor does not',
      'submitted',
      approve,
      otherSupervisor,
      '只有本部门审核人可以审核此事项',
    ],
    ['a rejection needs a reason', 'submitted', { ...reject, reason: ' ' }, supervisor, '退回时请写明原因'],
    ['nothing to review before submission', 'draft', approve, supervisor, '此事项当前为“草稿”，不在待审核状态'],
    [
      'only the bureau reopens',
      'approved',
      { type: 'reopen', itemKey: spec.key, reason: '核实' },
      supervisor,
      '只有统计局可以重新打开事项',
    ],
    [
      'the bureau accepts when the cycle asks for it',
      'approved',
      { type: 'accept', itemKey: spec.key, decision: 'approve' },
      bureau,
      null,
      true,
    ],
    [
      'and not when it does not',
      'approved',
      { type: 'accept', itemKey: spec.key, decision: 'approve' },
      bureau,
      '本轮评估不需要统计局验收',
    ],
    [
      'a co-operating department contributes',
      'assigned',
      { type: 'contribute', itemKey: spec.key, text: '提供人口数据' },
      coDept,
      null,
    ],
    [
      'an unrelated one does not',
      'assigned',
      { type: 'contribute', itemKey: spec.key, text: 'x' },
      otherSupervisor,
      '只有配合单位可以提供材料',
    ],
    [
      'nor anyone once the item is approved',
      'approved',
      { type: 'contribute', itemKey: spec.key, text: '补充' },
      coDept,
      '此事项已审核通过，不再需要配合材料；如需补充请联系牵头单位',
    ],
    [
      'a NUL character is refused before it reaches the database',
      'assigned',
      { type: 'contribute', itemKey: spec.key, text: '人口\u0000数据' },
      coDept,
      'text 含有空字符（\\u0000），请删除后重试',
    ],
    [
      'so is a lone surrogate, naming the field',
      'assigned',
      {
        type: 'save_draft',
        itemKey: spec.key,
        submission: { kind: 'indicator', value: 1, dataSource: 'x\ud800y' } as Submission,
      },
      submitter,
      'submission.dataSource 含有无法保存的残缺字符（孤立的代理项），请重新输入该内容',
    ],
    [
      'a field the kind does not have',
      'assigned',
      {
        type: 'save_draft',
        itemKey: spec.key,
        submission: { kind: 'indicator', value: 1, note: 'x' } as unknown as Submission,
      },
      submitter,
      '不接受字段 submission.note（indicator 类事项的填报没有此项）',
    ],
    [
      'a text past its field’s length',
      'assigned',
      {
        type: 'submit',
        itemKey: spec.key,
        submission: { kind: 'indicator', value: 284.7, dataSource: '统'.repeat(501) },
      },
      submitter,
      'submission.dataSource 过长：最多 500 个字符（现有 501 个）',
    ],
    [
      'a reason past 2,000 characters',
      'submitted',
      { type: 'review', itemKey: spec.key, decision: 'reject', reason: '因'.repeat(2001) },
      supervisor,
      'reason 过长：最多 2000 个字符',
    ],
    [
      'a backslash and u0000 typed as text is just text',
      'assigned',
      { type: 'contribute', itemKey: spec.key, text: '路径 C:\\u0000' },
      coDept,
      null,
    ],
    ['an unknown item is named', 'assigned', { ...submit, itemKey: 'task-99' }, submitter, '本部门没有事项“task-99”'],
  ])('%s', (_label, status, command, actor, refusal, acceptance = false) => {
    expect(checkCommand(department(status, acceptance), command, actor, false)?.zh ?? null).toBe(refusal);
  });

  // 2022 on the path 77.8 (2020) → 79.5 (2025) expects 78.48; 78.42 is 91 % of the way there.
  it.each<[ThresholdPreset, string | null]>([
    ['time_elapsed', '数值落后于进度，请填写原因分析和下一步措施'],
    ['traffic_light', null],
  ])('a value at 91 %% of the path under the %s preset: %s', (thresholdPreset, refusal) => {
    const state = { ...department('assigned'), thresholds: THRESHOLD_PRESETS[thresholdPreset] };
    const nearlyThere: Command = {
      ...submit,
      submission: { kind: 'indicator', value: 78.42, dataSource: '卫生统计年报' },
    };
    expect(checkCommand(state, nearlyThere, submitter, false)?.zh ?? null).toBe(refusal);
  });

  // A department the cycle assigned holds its item keys only until it reads the specifications.
  const behindThePath: Command = { ...submit, submission: { kind: 'indicator', value: 77.9, dataSource: 'x' } };
  it.each<[string, ItemStatus, Command, Actor, string | null]>([
    ['a submission’s content waits for the specifications', 'assigned', behindThePath, submitter, null],
    [
      'who co-operates waits too',
      'assigned',
      { type: 'contribute', itemKey: spec.key, text: 'x' },
      otherSupervisor,
      null,
    ],
    ['who may submit does not', 'assigned', submit, supervisor, '只有本部门填报人可以填报此事项'],
    ['nor the item’s state', 'submitted', submit, submitter, '此事项已提交，正在等待审核'],
    [
      'an unknown item is still named',
      'assigned',
      { ...submit, itemKey: 'task-99' },
      submitter,
      '本部门没有事项“task-99”',
    ],
  ])('before the specifications are read: %s', (_label, status, command, actor, refusal) => {
    const { specs: _unread, ...keysOnly } = department(status);
    expect(checkCommand(keysOnly, command, actor, false)?.zh ?? null).toBe(refusal);
  });

  // Four eyes: the version's submitter never reviews it, whichever role they act in (a delegate, the bureau).
  const supervisorAsDelegate: Actor = { ...submitter, id: 'V@Health' };
  const own = '您提交了此版本，不能再审核它：请由本部门其他审核人或统计局审核';
  it.each<[string, Actor, Actor, Command, string | null, boolean?]>([
    ['the supervisor approves what the submitter sent', submitter, supervisor, approve, null],
    [
      'a supervisor who submitted as the submitter’s delegate does not approve it',
      supervisorAsDelegate,
      supervisor,
      approve,
      own,
    ],
    ['nor reject it', supervisorAsDelegate, supervisor, reject, own],
    ['the bureau does not review what it submitted', bureau, bureau, approve, own],
    ['another of the bureau’s staff does', bureau, { ...bureau, id: 'c@tjj' }, approve, null],
    [
      'the bureau does not accept what it submitted',
      bureau,
      bureau,
      { type: 'accept', itemKey: spec.key, decision: 'approve' },
      own,
      true,
    ],
  ])('%s', (_label, by, reviewer, command, refusal, acceptance = false) => {
    const d = department('assigned', acceptance);
    applyCommand(d, submit, by, 10);
    if (command.type === 'accept') applyCommand(d, approve, supervisor, 20);
    expect(checkCommand(d, command, reviewer, false)?.zh ?? null).toBe(refusal);
  });

  it('lets a state recorded before the submitter was kept be reviewed as before', () => {
    expect(checkCommand(department('submitted'), approve, supervisor, false)).toBeNull();
  });

  it('refuses everything once the cycle is closed', () => {
    expect(checkCommand(department('assigned'), submit, submitter, true)?.zh).toBe('本轮评估已结束，不能再修改');
  });
});

describe('applyCommand: the item’s path', () => {
  it('submit, reject (draft kept), resubmit, approve; every version counted', () => {
    const d = department('assigned');
    expect(applyCommand(d, submit, submitter, 10)).toEqual({ event: 'submitted_for_review', itemKey: spec.key });
    expect(applyCommand(d, reject, supervisor, 20)).toEqual({
      event: 'rejected',
      itemKey: spec.key,
      reason: '口径不一致',
    });
    expect(d.items[spec.key]).toMatchObject({
      status: 'returned',
      rejections: 1,
      draft: submit.type === 'submit' ? submit.submission : null,
    });
    applyCommand(d, submit, submitter, 30);
    expect(applyCommand(d, approve, supervisor, 40)).toEqual({ event: 'approved', itemKey: spec.key });
    expect(d.items[spec.key]).toMatchObject({
      status: 'approved',
      version: 2,
      firstSubmittedAt: 10,
      lastSubmittedAt: 30,
      doneAt: 40,
    });
  });

  it('with bureau acceptance an item is done only when accepted', () => {
    const d = department('submitted', true);
    applyCommand(d, approve, supervisor, 5);
    expect(d.items[spec.key].doneAt).toBeNull();
    applyCommand(d, { type: 'accept', itemKey: spec.key, decision: 'approve' }, bureau, 6);
    expect(d.items[spec.key]).toMatchObject({ status: 'accepted', doneAt: 6 });
  });
});
