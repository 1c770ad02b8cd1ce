/**
 * Workbook uploads that try to get past the row limit, and one wrong on every
 * row, through the real API over PostgreSQL (and the CLI for the last):
 *
 * - the 主要任务 sheet moved to a path of its own, the workbook's
 *   relationships and content types following it; renamed so that ExcelJS
 *   still reads it (`…/sheet7.xml.bak`); or copied to a part nothing points
 *   at. Each is refused naming the sheet (or the part), before ExcelJS reads it.
 * - 5,000 rows, nearly all missing two required cells: 9,900 problems, of which
 *   the answer lists 100 and counts the rest (it used to list them all: a
 *   416 KB upload once made a 129 MB answer). `plan-eval validate` prints the same.
 *
 * Every refusal writes nothing: every table's rows are counted before and after.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { writePlanWorkbook } from '@libs/catalog/plan-workbook';
import { MAX_LISTED_ISSUES } from '@libs/plan/localized';
import { createApiHarness, type ApiHarness } from '../support/api-harness';
import { HEYUAN_PLAN_FILE } from '../support/plans';
import { rowCounts, withPartCopied, withPartMoved, withRowCount } from './hostile-files';

/** 主要任务, the seventh sheet of the template. */
const TASKS_SHEET = 'xl/worksheets/sheet7.xml';
const OVER = 20_001;

describe('workbook limits that cannot be walked around', () => {
  let h: ApiHarness;
  let good: Buffer;

  beforeAll(async () => {
    h = await createApiHarness();
    good = await writePlanWorkbook((await readPlanFile(HEYUAN_PLAN_FILE)).file);
  });
  afterAll(() => h?.close());

  const upload = (bytes: Buffer) =>
    h
      .http()
      .post('/api/plans/import')
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .attach('file', bytes, 'heyuan.xlsx');

  // name, the workbook, where the refusal points.
  const moved: Array<[string, () => Promise<Buffer>, string]> = [
    [
      'moved to xl/other/s.xml, pointed at relatively',
      async () =>
        withPartMoved(await withRowCount(good, TASKS_SHEET, OVER), TASKS_SHEET, 'xl/other/s.xml', 'other/s.xml'),
      '主要任务',
    ],
    [
      'moved out of xl/, pointed at absolutely',
      async () =>
        withPartMoved(await withRowCount(good, TASKS_SHEET, OVER), TASKS_SHEET, 'data/tasks.xml', '/data/tasks.xml'),
      '主要任务',
    ],
    [
      'renamed …/sheet7.xml.bak, which ExcelJS still reads',
      async () =>
        withPartMoved(
          await withRowCount(good, TASKS_SHEET, OVER),
          TASKS_SHEET,
          `${TASKS_SHEET}.bak`,
          'worksheets/sheet7.xml.bak',
        ),
      '主要任务',
    ],
    [
      'copied to a part nothing points at',
      async () =>
        withPartCopied(await withRowCount(good, TASKS_SHEET, OVER), TASKS_SHEET, 'x/xl/worksheets/sheet99.xml'),
      'x/xl/worksheets/sheet99.xml',
    ],
  ];

  it.each(moved)('counts the rows of a sheet part %s, and refuses it naming where', async (_name, file, where) => {
    const bytes = await file();
    const before = await rowCounts(h.db.dataSource);
    // Refused by the measurement (the message names the row limit), before ExcelJS reads it whole.
    const refused = await upload(bytes).expect(400);
    expect(refused.body).toMatchObject({
      code: 'invalid_data',
      message: expect.stringContaining('工作表行数超过上限20000'),
      messageEn: expect.stringContaining('more than 20000 rows'),
    });
    expect(refused.body.details).toContainEqual(expect.objectContaining({ where }));
    expect(await rowCounts(h.db.dataSource)).toEqual(before);
  });

  describe('a workbook wrong on every row', () => {
    const ROWS = 5_000;
    let bytes: Buffer;
    /** Each row added to the template's (its header and 49 tasks) has its number only: the task's title and responsible units are missing. */
    let problems: number;
    let more: number;
    beforeAll(async () => {
      bytes = await withRowCount(good, TASKS_SHEET, ROWS);
      problems = (ROWS - 1 - (await readPlanFile(HEYUAN_PLAN_FILE)).file.tasks.length) * 2;
      more = problems - MAX_LISTED_ISSUES;
    });

    it('answers with the first 100 problems and the count of the rest, in kilobytes', async () => {
      const before = await rowCounts(h.db.dataSource);
      const refused = await upload(bytes).expect(400);
      expect(refused.text.length).toBeLessThan(64 * 1024);
      expect(refused.body.code).toBe('invalid_data');
      expect(refused.body.details).toHaveLength(MAX_LISTED_ISSUES + 1);
      expect(refused.body.details[0]).toMatchObject({
        where: expect.stringContaining('主要任务!B'),
        zh: expect.stringContaining('不能为空'),
      });
      expect(refused.body.details[MAX_LISTED_ISSUES]).toMatchObject({
        zh: expect.stringContaining(`另有 ${more} 个问题未列出`),
        en: expect.stringContaining(`${more} more problems not listed`),
      });
      expect(refused.body.message).toContain(`另有 ${more} 个问题未列出`);
      expect(refused.body.messageEn).toContain(`${more} more problems not listed`);
      const english = await upload(bytes).set('Accept-Language', 'en').expect(400);
      expect(english.body.message).toContain(`${more} more problems not listed`);
      expect(await rowCounts(h.db.dataSource)).toEqual(before);
    });

    it('prints the same in plan-eval validate: 100 problems, then the count of the rest in both languages', async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'plan-eval-')), 'heyuan.xlsx');
      await writeFile(file, bytes);
      const refused = await promisify(execFile)('node', [join(__dirname, '../../bin/plan-eval.js'), 'validate', file], {
        env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
        maxBuffer: 64 * 1024 * 1024,
      }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused?.code).toBe(1);
      const lines = refused!.stderr.trim().split('\n');
      expect(lines[0]).toContain(`数据有 ${problems} 处问题 (the data has ${problems} problem(s))`);
      expect(lines.filter((l) => l.startsWith('  - '))).toHaveLength(MAX_LISTED_ISSUES + 1);
      expect(refused!.stderr).toContain(`另有 ${more} 个问题未列出 (${more} more problems not listed)`);
    });
  });
});
