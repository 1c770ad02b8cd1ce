/**
 * The deployment's seed import (`plan-eval import --if-absent`, the Compose
 * stack's migrate job) in a subprocess over real PostgreSQL: it imports a plan
 * the database does not hold, and leaves alone one it holds, with whatever the
 * bureau changed since; only an explicit `plan-eval import` re-imports.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Indicator, Plan } from '@libs/persistence/entities';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/plan-eval.js');
const PLAN = 'heyuan-public-services-2021-2025';

describe('plan-eval import --if-absent', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db?.drop());

  const planEval = async (...args: string[]) =>
    (await run('node', [BIN, ...args], { env: { ...process.env, DATABASE_URL: db.url } })).stdout;
  const indicatorName = async (no: number) =>
    (await db.dataSource.getRepository(Indicator).findOneByOrFail({ no })).name;

  it('imports a missing plan, keeps the one the database holds, and re-imports only when told', async () => {
    expect(JSON.parse(await planEval('import', '--if-absent', '--format', 'json')).plan).toEqual({
      added: 1,
      changed: 0,
      unchanged: 0,
    });
    expect(await db.dataSource.getRepository(Plan).countBy({ code: PLAN })).toBe(1);
    const printed = await indicatorName(13);

    // The bureau corrects an indicator after the deployment; the next deployment's seed must not undo it.
    await db.dataSource.getRepository(Indicator).update({ no: 13 }, { name: '城镇新增就业人数（更正）' });
    expect(JSON.parse(await planEval('import', '--if-absent', '--format', 'json'))).toEqual({
      plan: PLAN,
      imported: false,
    });
    expect(await planEval('import', '--if-absent')).toContain('规划已在数据库中，未导入');
    expect(await indicatorName(13)).toBe('城镇新增就业人数（更正）');

    const reimport = JSON.parse(await planEval('import', '--format', 'json'));
    expect(reimport.indicator.changed).toBe(1);
    expect(await indicatorName(13)).toBe(printed);
  });
});
