/**
 * 监督考核 over the real services: a cycle of indicators where 市统计局 submits
 * everything on time and has it approved, and 市教育局 has a value returned,
 * submits its last one late and leaves it unapproved. At the hard close the
 * cycle scores every lead department with the weights given at launch; the
 * API ranks them with their components, the Excel export and the report's
 * annex show the same, a retried close writes nothing twice, and a reopen's
 * recompiled report version gets scores of its own.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { DepartmentAssessment } from '@libs/persistence/entities';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import type { DepartmentOutcome } from '@libs/cycle/activities-contract';
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, OTHER, OWN, type AccountName, type ApiHarness } from '../support/api-harness';

const WEIGHTS = { timeliness: 30, completeness: 30, quality: 20, results: 20 };

describe('the departments’ assessment at the close', () => {
  let h: ApiHarness;
  let stopWorker: () => Promise<void>;
  let cycleId: string;

  const as = (who: AccountName) => ({
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${h.tokens[who]}`),
    post: (path: string, body: object) =>
      h.http().post(path).set('Authorization', `Bearer ${h.tokens[who]}`).send(body),
  });
  const cycle = () => `/api/cycles/${encodeURIComponent(cycleId)}`;
  const submit = (who: AccountName, key: string, value: number) =>
    as(who)
      .post(`${cycle()}/items/${key}/submit`, { submission: { kind: 'indicator', value, dataSource: '统计年鉴' } })
      .expect(200);
  const review = (who: AccountName, key: string, decision: 'approve' | 'reject') =>
    as(who)
      .post(`${cycle()}/items/${key}/review`, { decision, ...(decision === 'reject' ? { reason: '请核实口径' } : {}) })
      .expect(200);

  beforeAll(async () => {
    h = await createApiHarness();
    stopWorker = await h.startWorker();
  });
  afterAll(async () => {
    await stopWorker?.();
    await h?.close();
  });

  it('refuses weights that do not sum to 100, naming the field', async () => {
    const definition = await h.definition({ deadlineInDays: 30, hardCloseInDays: 60, itemKinds: ['indicator'] });
    const refused = await as('admin')
      .post('/api/cycles', { ...definition, assessmentWeights: { ...WEIGHTS, results: 30 } })
      .expect(400);
    expect(refused.body.message).toContain('assessmentWeights');
    expect(refused.body.messageEn).toContain('assessmentWeights must sum to 100; they sum to 110');
  });

  it('scores, ranks and grades each lead department from the closed cycle', async () => {
    cycleId = (
      await h.launch({ deadlineInDays: 30, hardCloseInDays: 60, itemKinds: ['indicator'], assessmentWeights: WEIGHTS })
    ).cycleId;
    await h.env.sleep(DAYS(1));
    await as('admin').get(`${cycle()}/assessment`).expect(404);

    // 市统计局: 常住人口 and the share aged 65+, on the plan's path, on time, approved.
    await submit('submitter', 'indicator-1', 284.11);
    await submit('submitter', 'indicator-4', 12.29);
    await review('supervisor', 'indicator-1', 'approve');
    await review('supervisor', 'indicator-4', 'approve');
    // 市教育局: three on time, one of them returned once; the fourth after the deadline, never approved.
    await submit('otherSubmitter', 'indicator-8', 86);
    await submit('otherSubmitter', 'indicator-9', 97);
    await submit('otherSubmitter', 'indicator-10', 96);
    await review('otherSupervisor', 'indicator-9', 'reject');
    await review('otherSupervisor', 'indicator-8', 'approve');
    await review('otherSupervisor', 'indicator-10', 'approve');
    await h.env.sleep(DAYS(31));
    await submit('otherSubmitter', 'indicator-9', 96.5);
    await review('otherSupervisor', 'indicator-9', 'approve');
    await submit('otherSubmitter', 'indicator-11', 11.2);

    await h.env.sleep(DAYS(30));
    await h.env.client.workflow.getHandle(cycleId).result();

    const { body } = await as('submitter').get(`${cycle()}/assessment`).expect(200);
    expect(body).toMatchObject({ cycleId, reportVersion: 1, weights: WEIGHTS });
    const [first, second, ...rest] = body.departments;
    expect(first).toMatchObject({
      department: OWN,
      name: '市统计局',
      rank: 1,
      total: 100,
      grade: 'excellent',
      components: { timeliness: 100, completeness: 100, quality: 100, results: 100 },
      weights: WEIGHTS,
      facts: { timeliness: 'on_time', assigned: 2, approved: 2, returns: 0 },
    });
    // Late 60, 3 of 4 approved 75, one return −10, three of four items judged met (the fourth no data) 75:
    // 30×60 + 30×75 + 20×90 + 20×75 = 7,350 → 73.5.
    expect(second).toMatchObject({
      department: OTHER,
      name: '市教育局',
      rank: 2,
      total: 73.5,
      grade: 'pass',
      components: { timeliness: 60, completeness: 75, quality: 90, results: 75 },
      facts: { timeliness: 'late', assigned: 4, approved: 3, returns: 1 },
    });
    // Every other lead department sent nothing: quality is all they keep (20), tied for third.
    expect(rest.length).toBeGreaterThan(0);
    for (const d of rest) expect(d).toMatchObject({ rank: 3, total: 20, grade: 'fail' });

    // The Excel export: zh-CN headers first, the same ranking.
    const xlsx = await as('admin')
      .get(`${cycle()}/assessment.xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const ws = wb.getWorksheet('部门考核')!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 9)).toEqual([
      '名次',
      '部门',
      '报送及时性',
      '报送完整性',
      '数据质量',
      '目标完成情况',
      '总分',
      '等级',
    ]);
    expect((ws.getRow(2).values as unknown[]).slice(1, 9)).toEqual([1, '市统计局', 100, 100, 100, 100, 100, '优秀']);
    expect((ws.getRow(3).values as unknown[]).slice(1, 11)).toEqual([
      2,
      '市教育局',
      60,
      75,
      90,
      75,
      73.5,
      '合格',
      OTHER,
      '逾期',
    ]);
    expect(ws.rowCount).toBe(body.departments.length + 1);

    // The report's annex: the same table in the HTML and Word, a sheet in the workbook, the scores in the figures.
    const reportPath = (await new CycleRepository(h.db.dataSource).report(cycleId, 1))!.path;
    const html = await readFile(reportPath.replace(/\.json$/, '.html'), 'utf8');
    expect(html).toContain('部门监督考核');
    expect(html).toContain(
      '<td>市教育局</td><td>60.0</td><td>75.0</td><td>90.0</td><td>75.0</td><td>73.5</td><td>合格</td>',
    );
    const english = await readFile(reportPath.replace(/\.json$/, '.en.html'), 'utf8');
    expect(english).toContain('Departments’ assessment');
    const docx = await JSZip.loadAsync(await readFile(reportPath.replace(/\.json$/, '.docx')));
    const words = (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(words).toContain('部门监督考核');
    expect(words).toMatch(/市教育局\s+60\.0\s+75\.0\s+90\.0\s+75\.0\s+73\.5\s+合格/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(reportPath.replace(/\.json$/, '.en.xlsx'))) as unknown as ArrayBuffer);
    expect((book.getWorksheet('Assessment')!.getRow(1).values as unknown[]).slice(1, 3)).toEqual([
      'Rank',
      'Department',
    ]);
    const figures = JSON.parse(await readFile(reportPath, 'utf8'));
    expect(figures.assessment).toHaveLength(body.departments.length);
  }, 600_000);

  it('writes nothing twice when the close is retried', async () => {
    const rows = () => h.db.dataSource.getRepository(DepartmentAssessment).countBy({ cycleId });
    const before = await rows();
    const outcomes = (await new CycleRepository(h.db.dataSource).recordedTimeliness(cycleId)) as DepartmentOutcome[];
    const again = await h.activities.closeCycle({ cycleId, outcomes, cancelled: false });
    expect(again.version).toBe(1);
    expect(await rows()).toBe(before);
  });

  it('gives a reopen’s recompiled report version scores of its own, keeping the first', async () => {
    // 市教育局's approved value goes back to it and is never sent again: 2 of 4 approved at the second close.
    await as('admin')
      .post(`${cycle()}/reopen`, { itemKeys: ['indicator-9'], reason: '数据口径与统计年鉴不一致' })
      .expect(200);
    await h.env.sleep(DAYS(29));
    await h.env.client.workflow.getHandle(cycleId).result();

    const { body } = await as('admin').get(`${cycle()}/assessment`).expect(200);
    expect(body.reportVersion).toBe(2);
    const education = body.departments.find((d: { department: string }) => d.department === OTHER);
    expect(education).toMatchObject({ components: { completeness: 50 }, facts: { approved: 2, assigned: 4 } });
    const versions = await h.db.dataSource.getRepository(DepartmentAssessment).findBy({ cycleId, department: OTHER });
    expect(versions.map((v) => [v.reportVersion, Number(v.completeness)]).sort()).toEqual([
      [1, 75],
      [2, 50],
    ]);
  }, 300_000);
});
