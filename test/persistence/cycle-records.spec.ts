/**
 * A launched cycle's rows on the real PostgreSQL: the work items go in by
 * COPY, so every character a plan may hold (tabs, line breaks, backslashes,
 * quotes, commas in a department code) must come back as it went in, and a
 * failed COPY must leave nothing of the cycle behind.
 */
import { DEFAULT_CHASING_POLICY, itemKey, type CycleDefinition } from '@libs/cycle/cycle-definition';
import type { WorkItemSpec } from '@libs/cycle/submission';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';

const CYCLE = 'cycle/records-copy/annual/2022';
const definition: CycleDefinition = {
  planCode: 'heyuan',
  kind: 'annual',
  fromYear: 2022,
  toYear: 2022,
  deadline: '2023-03-31T08:00:00.000Z',
  hardClose: '2023-04-30T08:00:00.000Z',
  policy: DEFAULT_CHASING_POLICY,
  itemKinds: ['indicator', 'task', 'project'],
  requireBureauAcceptance: false,
  groupResolution: {},
};

const items: WorkItemSpec[] = [
  {
    key: 'indicator-1',
    kind: 'indicator',
    no: 1,
    title: '人均预期寿命\t（岁）',
    leadDepartment: 'city-health',
    coDepartments: [],
    indicator: {
      unit: '岁',
      target: { kind: 'at_least', value: 78, strict: false },
      baseline: { kind: 'value', value: 77.2 },
      polarity: 'higher_is_better',
      previousValue: null,
      cumulative: false,
    },
  },
  {
    key: 'task-2',
    kind: 'task',
    no: 2,
    title: 'line 1\nline 2\r\nback\\slash "quoted"',
    leadDepartment: 'city-education',
    coDepartments: ['a,b', '{x}', 'NULL', 'say "hi"\\'],
  },
  {
    key: 'project-3',
    kind: 'project',
    no: 3,
    title: '<script>alert(1)</script>',
    leadDepartment: 'city-health',
    coDepartments: ['city-education'],
  },
];

describe('cycle records (real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());

  it('writes every item by COPY and reads each back exactly, columns and specification', async () => {
    const cycles = new CycleRepository(db.dataSource);
    expect(await cycles.writeLaunched(CYCLE, definition, items)).toBe(true);
    // The workflow's first step finds the launch's rows and reads them back, planning nothing.
    const plan = jest.fn(async () => []);
    const prepared = await cycles.prepare(CYCLE, definition, plan);
    expect(plan).not.toHaveBeenCalled();
    if (prepared.written) throw new Error('the launch wrote the cycle');
    expect(prepared.definition).toEqual(definition);
    expect(prepared.outlines.sort((a, b) => a.no - b.no)).toEqual(
      items.map(({ key, kind, no, title, leadDepartment, coDepartments }) => ({
        key,
        kind,
        no,
        title,
        leadDepartment,
        coDepartments,
      })),
    );
    const specs: Array<{ spec: WorkItemSpec; status: string }> = await db.dataSource.query(
      `SELECT spec, status FROM work_item WHERE cycle_id = $1 ORDER BY item_no`,
      [CYCLE],
    );
    expect(specs.map((r) => r.spec)).toEqual(items);
    expect(specs.every((r) => r.status === 'assigned')).toBe(true);
  });

  it('has the workflow plan and write the items when no launch did (it died first), and a refusal leave nothing', async () => {
    const cycles = new CycleRepository(db.dataSource);
    const refused = () => Promise.reject(new Error('launch refused'));
    await expect(cycles.prepare(CYCLE, definition, refused)).rejects.toThrow('launch refused');
    expect(await cycles.find(CYCLE)).toBeNull();
    expect(await cycles.prepare(CYCLE, definition, async () => items)).toEqual({ written: true, items });
    // The launch's own write, late, finds the cycle's row and adds nothing.
    expect(await cycles.writeLaunched(CYCLE, definition, items)).toBe(false);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM work_item WHERE cycle_id = $1`, [CYCLE]);
    expect(n).toBe(items.length);
  });

  it('writes a 10,000-item cycle in one COPY', async () => {
    const many = Array.from({ length: 10_000 }, (_, i): WorkItemSpec => ({
      key: itemKey('task', i + 1),
      kind: 'task',
      no: i + 1,
      title: `任务${i + 1}`,
      leadDepartment: `dept-${i % 200}`,
      coDepartments: [],
    }));
    await new CycleRepository(db.dataSource).writeLaunched(CYCLE, definition, many);
    const [{ n, departments }] = await db.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT department)::int AS departments FROM work_item WHERE cycle_id = $1`,
      [CYCLE],
    );
    expect({ n, departments }).toEqual({ n: 10_000, departments: 200 });
  });

  it('leaves nothing of the cycle when the COPY fails (a duplicate key)', async () => {
    await expect(
      new CycleRepository(db.dataSource).writeLaunched(CYCLE, definition, [items[0], items[1], items[0]]),
    ).rejects.toThrow(/duplicate key/);
    const [{ cycles, workItems }] = await db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM evaluation_cycle WHERE id = $1) AS cycles, (SELECT count(*)::int FROM work_item WHERE cycle_id = $1) AS "workItems"`,
      [CYCLE],
    );
    expect({ cycles, workItems }).toEqual({ cycles: 0, workItems: 0 });
    // The connection went back to the pool usable.
    await expect(db.dataSource.query('SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
  });
});
