/**
 * The record of an item command is written twice — by its sender as soon as
 * the workflow answers, and by the workflow's activity after — in either
 * order, at once or late, on the real PostgreSQL: one event, one version, one
 * approval, and an item status no late write can turn back.
 */
import type { RecordCommandInput } from '@libs/cycle/activities-contract';
import type { Actor, Command, ItemStatus } from '@libs/cycle/department-state';
import { SubmissionRepository } from '@libs/persistence/repositories/submission.repository';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';

const CYCLE = 'cycle/records/annual/2021';
const submitter: Actor = { id: 's@health', name: '填报人', role: 'submitter', department: 'city-health' };
const supervisor: Actor = { id: 'v@health', name: '审核人', role: 'supervisor', department: 'city-health' };

function record(
  requestId: string,
  at: number,
  command: Command,
  statusBefore: ItemStatus,
  statusAfter: ItemStatus,
  version: number,
): RecordCommandInput {
  const actor = command.type === 'review' ? supervisor : submitter;
  return {
    cycleId: CYCLE,
    department: 'city-health',
    requestId,
    actor,
    command,
    at,
    statusBefore,
    statusAfter,
    version,
    submission: command.type === 'submit' ? command.submission : null,
  };
}

const submit = (value: number): Command => ({
  type: 'submit',
  itemKey: 'indicator-2',
  submission: { kind: 'indicator', value, dataSource: '卫生统计年报' },
});
const approve: Command = { type: 'review', itemKey: 'indicator-2', decision: 'approve' };
const first = record('r-1', 1_000, submit(78.6), 'assigned', 'submitted', 1);
const approval = record('r-2', 2_000, approve, 'submitted', 'approved', 1);
const second = record('r-3', 3_000, submit(78.7), 'approved', 'submitted', 2);

describe('SubmissionRepository.recordCommand (real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(
      `INSERT INTO work_item (cycle_id, item_key, item_kind, item_no, title, department, spec) VALUES ($1, 'indicator-2', 'indicator', 2, '人均预期寿命', 'city-health', '{}')`,
      [CYCLE],
    );
  });
  afterEach(() => db.drop());

  const state = async () => {
    const [item] = await db.dataSource.query(`SELECT status, version FROM work_item WHERE cycle_id = $1`, [CYCLE]);
    const versions = await db.dataSource.query(
      `SELECT version, approved_by FROM submission_version WHERE cycle_id = $1 ORDER BY version`,
      [CYCLE],
    );
    const [{ events }] = await db.dataSource.query(
      `SELECT count(*)::int AS events FROM item_event WHERE cycle_id = $1`,
      [CYCLE],
    );
    return { item, versions, events };
  };
  const expected = {
    item: { status: 'submitted', version: 2 },
    versions: [
      { version: 1, approved_by: 'v@health' },
      { version: 2, approved_by: null },
    ],
    events: 3,
  };

  it.each<[string, RecordCommandInput[]]>([
    ['in order, each once', [first, approval, second]],
    ['in order, each twice (sender, then workflow)', [first, first, approval, approval, second, second]],
    ['the first written late, after the newer ones', [approval, second, first]],
    ['the approval written last', [first, second, approval]],
  ])('%s', async (_label, writes) => {
    for (const w of writes) await new SubmissionRepository(db.dataSource).recordCommand(w);
    expect(await state()).toEqual(expected);
  });

  it('an approval from a run before record-after-answer (version 0) approves the latest version, and a rejection none', async () => {
    const reject = record(
      'r-2',
      2_000,
      { type: 'review', itemKey: 'indicator-2', decision: 'reject', reason: '口径不一致' },
      'submitted',
      'returned',
      0,
    );
    const resubmit = record('r-3', 3_000, submit(78.7), 'returned', 'submitted', 2);
    const oldApproval = record('r-4', 4_000, approve, 'submitted', 'approved', 0);
    for (const w of [first, reject, resubmit, oldApproval])
      await new SubmissionRepository(db.dataSource).recordCommand(w);
    expect(await state()).toEqual({
      item: { status: 'approved', version: 2 },
      versions: [
        { version: 1, approved_by: null },
        { version: 2, approved_by: 'v@health' },
      ],
      events: 4,
    });
  });

  it('both writers at once: one of them writes, the other finds it written', async () => {
    const written = await Promise.all([
      new SubmissionRepository(db.dataSource).recordCommand(first),
      new SubmissionRepository(db.dataSource).recordCommand(first),
    ]);
    expect(written.sort()).toEqual([false, true]);
    expect((await state()).events).toBe(1);
  });
});
