/**
 * A second plan beside Heyuan's in one database: a small synthetic 2026–2030
 * plan (test/fixtures/plans, 十五五, another city, other departments) runs an
 * annual cycle to its report on the real time-skipping Temporal server,
 * PostgreSQL and SMTP server. Nothing generic code prints may come from
 * Heyuan's plan: the report (JSON, HTML, Word, Excel, both languages) and every
 * notice name the second plan, its period and its bureau (BUREAU_NAME), never
 * Heyuan, 河源 or 十四五.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { importPlan } from '@libs/catalog/catalog-import';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import type { Actor } from '@libs/cycle/department-state';
import { BUREAU_EMAIL, createCycleHarness, DAYS, type CycleHarness } from '../support/cycle-harness';

jest.setTimeout(240_000);

const QINGSHAN_PLAN_FILE = join(__dirname, '../fixtures/plans/qingshan-elderly-care-2026-2030.json');
const PLAN_CODE = 'qingshan-elderly-care-2026-2030';
const BUREAU = '青山市统计局';
const FOREIGN = /heyuan|河源|十四五|14th/i;
const AGEING = 'ageing-office';
const HEALTH = 'health-commission';
const actor = (role: 'submitter' | 'supervisor', department: string): Actor => ({
  id: `${role}@${department}.qingshan.example`,
  name: `${department} ${role}`,
  role,
  department,
});

/** The text of every part of a Word or Excel file (its XML), to search for words. */
async function zippedText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const parts = Object.values(zip.files).filter((f) => f.name.endsWith('.xml'));
  return (await Promise.all(parts.map((f) => f.async('string')))).join('\n');
}

describe('a second plan, 2026–2030, beside Heyuan’s', () => {
  let h: CycleHarness;
  const bureauName = process.env.BUREAU_NAME;

  beforeAll(async () => {
    process.env.BUREAU_NAME = BUREAU; // as its deployment would configure it
    h = await createCycleHarness('time-skipping', { zh: BUREAU, en: 'Qingshan Municipal Bureau of Statistics' });
    await importPlan(h.db.dataSource, await readPlanFile(QINGSHAN_PLAN_FILE));
  });
  afterAll(async () => {
    await h?.close();
    if (bureauName === undefined) delete process.env.BUREAU_NAME;
    else process.env.BUREAU_NAME = bureauName;
  });

  it('runs an annual cycle to a report and notices in its own words', async () => {
    const [{ n }] = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM plan`);
    expect(n).toBe(2);
    const definition = await h.definition({
      planCode: PLAN_CODE,
      fromYear: 2026,
      toYear: 2026,
      itemKinds: ['indicator', 'task', 'project'],
      deadlineInDays: 20,
      hardCloseInDays: 30,
    });
    let cycleId = '';
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      ({ cycleId } = await h.cycles.launch(definition));
      await h.env.sleep(DAYS(1));
      await h.cycles.command(cycleId, AGEING, 'q-1', actor('submitter', AGEING), {
        type: 'submit',
        itemKey: 'indicator-1',
        submission: { kind: 'indicator', value: 32, dataSource: '民政统计年报' },
      });
      await h.cycles.command(cycleId, HEALTH, 'q-2', actor('submitter', HEALTH), {
        type: 'submit',
        itemKey: 'indicator-3',
        submission: { kind: 'indicator', value: 72, dataSource: '卫生健康统计' },
      });
      await h.env.sleep(DAYS(1));
      await h.cycles.command(cycleId, AGEING, 'q-3', actor('supervisor', AGEING), {
        type: 'review',
        itemKey: 'indicator-1',
        decision: 'approve',
      });
      await h.cycles.command(cycleId, HEALTH, 'q-4', actor('supervisor', HEALTH), {
        type: 'review',
        itemKey: 'indicator-3',
        decision: 'approve',
      });
      await h.env.sleep(DAYS(30));
      expect((await h.env.client.workflow.getHandle(cycleId).describe()).status.name).toBe('COMPLETED');
    });

    const [{ path }] = await h.db.dataSource.query(`SELECT path FROM cycle_report WHERE cycle_id = $1`, [cycleId]);
    const report = JSON.parse(await readFile(path, 'utf8'));
    expect(report.plan).toMatchObject({ code: PLAN_CODE, periodName: '十五五', startYear: 2026, endYear: 2030 });
    expect(report.indicators.find((i: { no: number }) => i.no === 1)).toMatchObject({ value: 32 });

    const files = {
      json: JSON.stringify(report),
      html: await readFile(path.replace(/json$/, 'html'), 'utf8'),
      enHtml: await readFile(path.replace(/json$/, 'en.html'), 'utf8'),
      docx: await zippedText(path.replace(/json$/, 'docx')),
      enDocx: await zippedText(path.replace(/json$/, 'en.docx')),
      xlsx: await zippedText(path.replace(/json$/, 'xlsx')),
      enXlsx: await zippedText(path.replace(/json$/, 'en.xlsx')),
    };
    for (const [name, text] of Object.entries(files)) {
      expect({ name, foreign: text.match(FOREIGN)?.[0] ?? null }).toEqual({ name, foreign: null });
    }
    expect(files.html).toContain('青山市养老服务“十五五”规划');
    expect(files.html).toContain('个重大项目“十五五”计划投资');
    expect(files.enHtml).toContain('investment in 2026–2030');
    expect(files.docx).toContain(BUREAU);

    // Every notice of the cycle: assignments, reminders, the bureau's escalations and its report.
    const mails = h.smtp.received.map((m) => ({
      to: m.envelopeTo.join(','),
      body: [m.parsed.subject ?? '', m.parsed.text ?? '', typeof m.parsed.html === 'string' ? m.parsed.html : ''].join(
        '\n',
      ),
    }));
    expect(mails.length).toBeGreaterThan(0);
    for (const { to, body } of mails)
      expect({ to, foreign: body.match(FOREIGN)?.[0] ?? null }).toEqual({ to, foreign: null });
    const toBureau = h.smtp.received.filter((m) => m.envelopeTo.includes(BUREAU_EMAIL));
    expect(toBureau.map((m) => m.parsed.text ?? '').join('\n')).toContain(BUREAU);
    expect(mails.some((m) => m.body.includes('2026年年度监测分析'))).toBe(true);
  });
});
