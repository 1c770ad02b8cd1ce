/**
 * The value the portal shows beside an indicator's input as last year's
 * (SubmissionRepository.approvedValue), on the real PostgreSQL: the version
 * last approved in the plan's cycle of that year, not a later submission
 * still waiting, nor another plan's, nor another year's.
 */
import type { RecordCommandInput } from '@libs/cycle/activities-contract';
import { DEFAULT_CHASING_POLICY, type CycleDefinition } from '@libs/cycle/cycle-definition';
import type { Actor, Command, ItemStatus } from '@libs/cycle/department-state';
import type { WorkItemSpec } from '@libs/cycle/submission';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import { SubmissionRepository } from '@libs/persistence/repositories/submission.repository';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';

const submitter: Actor = { id: 's@health', name: '填报人', role: 'submitter', department: 'city-health' };
const supervisor: Actor = { id: 'v@health', name: '审核人', role: 'supervisor', department: 'city-health' };
const item: WorkItemSpec = {
  key: 'indicator-2',
  kind: 'indicator',
  no: 2,
  title: '人均预期寿命',
  leadDepartment: 'city-health',
  coDepartments: [],
};

const annual = (planCode: string, year: number): CycleDefinition => ({
  planCode,
  kind: 'annual',
  fromYear: year,
  toYear: year,
  deadline: `${year + 1}-03-31T08:00:00.000Z`,
  hardClose: `${year + 1}-04-30T08:00:00.000Z`,
  policy: DEFAULT_CHASING_POLICY,
  itemKinds: ['indicator'],
  requireBureauAcceptance: false,
  groupResolution: {},
});
const cycleId = (d: CycleDefinition) => `cycle/${d.planCode}/annual/${d.toYear}`;

describe('SubmissionRepository.approvedValue (real PostgreSQL)', () => {
  let db: TestDatabase;
  let submissions: SubmissionRepository;
  beforeAll(async () => {
    db = await createTestDatabase();
    submissions = new SubmissionRepository(db.dataSource);
    const cycles = new CycleRepository(db.dataSource);
    let at = Date.parse('2023-03-01T00:00:00Z');
    const record = (cycle: string, command: Command, before: ItemStatus, after: ItemStatus, version: number) =>
      submissions.recordCommand({
        cycleId: cycle,
        department: 'city-health',
        requestId: `${cycle}/${(at += 1000)}`,
        actor: command.type === 'submit' ? submitter : supervisor,
        command,
        at,
        statusBefore: before,
        statusAfter: after,
        version,
        submission: command.type === 'submit' ? command.submission : null,
      } satisfies RecordCommandInput);
    const submit = (value: number): Command => ({
      type: 'submit',
      itemKey: item.key,
      submission: { kind: 'indicator', value, dataSource: '卫生统计年报' },
    });
    const approve: Command = { type: 'review', itemKey: item.key, decision: 'approve' };
    for (const [definition, values] of [
      // Approved 78.6, then 78.9 submitted and still waiting.
      [annual('heyuan', 2022), [78.6, 78.9]],
      [annual('other-plan', 2022), [99]],
    ] as const) {
      const cycle = cycleId(definition);
      await cycles.writeLaunched(cycle, definition, [item]);
      await record(cycle, submit(values[0]), 'assigned', 'submitted', 1);
      await record(cycle, approve, 'submitted', 'approved', 1);
      if (values[1] !== undefined) await record(cycle, submit(values[1]), 'approved', 'submitted', 2);
    }
  });
  afterAll(() => db.drop());

  it.each([
    ['the version approved last in the plan’s cycle of that year', 'heyuan', 2022, item.key, 78.6],
    ['none in a year without a cycle', 'heyuan', 2021, item.key, null],
    ['none for an item without an approved version', 'heyuan', 2022, 'indicator-3', null],
    ['another plan’s own', 'other-plan', 2022, item.key, 99],
  ])('%s', async (_label, planCode, year, itemKey, expected) => {
    expect(await submissions.approvedValue(planCode, year, itemKey)).toBe(expected);
  });
});
