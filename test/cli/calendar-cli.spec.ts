/**
 * `plan-eval calendar` in a subprocess against the real Temporal dev server
 * and PostgreSQL: ensure creates the three schedules, again changes nothing,
 * and brings a schedule whose spec went stale back in line (`updated`); show
 * prints each one's state and next launch; pause and resume keep the reason;
 * each change is audited.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { importPlan } from '@libs/catalog/catalog-import';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { AuditEntry } from '@libs/persistence/entities';
import { calendarScheduleId, type CalendarSchedule } from '@libs/temporal/calendar-client';
import { createCycleHarness, TASK_QUEUE, type CycleHarness } from '../support/cycle-harness';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/plan-eval.js');
const PLAN = 'heyuan-public-services-2021-2025';
const QINGSHAN = 'qingshan-elderly-care-2026-2030';
const QINGSHAN_PLAN_FILE = join(__dirname, '../fixtures/plans/qingshan-elderly-care-2026-2030.json');

describe('plan-eval calendar', () => {
  let h: CycleHarness;
  beforeAll(async () => (h = await createCycleHarness('dev-server')));
  afterAll(() => h?.close());

  async function planEval(args: string[]) {
    const env = {
      ...process.env,
      DATABASE_URL: h.db.url,
      TEMPORAL_ADDRESS: h.env.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    };
    const { stdout } = await run('node', [BIN, ...args], { env });
    return stdout;
  }

  it('creates the calendar, leaves it alone the second time, and updates a stale schedule', async () => {
    const first = await planEval(['calendar', 'ensure']);
    expect(first).toContain(`评估日历 (evaluation calendar) ${PLAN}`);
    expect(first.match(/已创建 \(created\)/g)).toHaveLength(3);
    expect(first).toContain('运行中 (active)');
    // Heyuan's plan period is over (the clock is past June 2026): the schedules say so rather than print nothing.
    if (Date.now() > Date.parse('2026-06-01T01:00:00Z')) expect(first.match(/规划期内已无下次发起/g)).toHaveLength(3);

    expect((await planEval(['calendar', 'ensure', '--plan', PLAN])).match(/未变 \(unchanged\)/g)).toHaveLength(3);

    // An annual schedule made from an older calendar (April instead of March): ensure brings it back.
    const annual = h.env.client.schedule.getHandle(calendarScheduleId(PLAN, 'annual'));
    await annual.update((previous) => ({
      ...previous,
      spec: { ...previous.spec, calendars: [{ month: 'APRIL', dayOfMonth: 1, hour: 9 }] },
    }));
    const third = await planEval(['calendar', 'ensure']);
    expect(third).toMatch(/年度监测分析 \(annual\): 已更新 \(updated\)/);
    expect(third.match(/未变 \(unchanged\)/g)).toHaveLength(2);
    expect((await annual.describe()).spec.calendars?.[0].month).toEqual([{ start: 'MARCH', end: 'MARCH', step: 1 }]);

    const audited = await h.db.dataSource.getRepository(AuditEntry).findBy({ action: 'calendar_ensure' });
    expect(audited.map((a) => a.after)).toContainEqual({ annual: 'updated', midterm: 'unchanged', final: 'unchanged' });
  });

  it('shows the next launches, pauses and resumes the schedules with the reason', async () => {
    // Heyuan's plan has ended (its last launch was in 2026): a plan still running shows what comes.
    await importPlan(h.db.dataSource, await readPlanFile(QINGSHAN_PLAN_FILE));
    await planEval(['calendar', 'ensure', '--plan', QINGSHAN]);
    await planEval(['calendar', 'pause', '-p', QINGSHAN, '--kind', 'midterm', '--reason', '规划中期调整，暂缓评估']);
    const shown = JSON.parse(
      await planEval(['calendar', 'show', '-p', QINGSHAN, '--format', 'json']),
    ) as CalendarSchedule[];
    const byKind = (kind: string) => shown.find((s) => s.kind === kind)!;
    expect(byKind('midterm')).toMatchObject({ state: 'paused', note: '规划中期调整，暂缓评估' });
    // 09:00 in Shanghai: annual monitoring each March 2027–2031, the mid-term in July 2028, the final in June 2031.
    expect(byKind('annual')).toMatchObject({ state: 'active', recentLaunches: [] });
    expect(byKind('annual').nextLaunches).toEqual(
      [2027, 2028, 2029, 2030, 2031].map((y) => `${y}-03-01T01:00:00.000Z`).filter((t) => Date.parse(t) > Date.now()),
    );
    expect(byKind('final').nextLaunches).toEqual(['2031-06-01T01:00:00.000Z']);

    expect(await planEval(['calendar', 'resume', '-p', QINGSHAN, '--reason', '调整完成'])).toContain(
      '已恢复 (resumed)',
    );
    const table = await planEval(['calendar', 'show', '-p', QINGSHAN]);
    expect(table).not.toContain('已暂停');
    expect(table).toContain('中期评估 (midterm) · 运行中 (active) · 调整完成');
    expect(table).toContain('下次发起 (next launch) 2028年7月1日 09:00');
    const audited = await h.db.dataSource.getRepository(AuditEntry).findBy({ entityId: QINGSHAN });
    expect(audited.map((a) => a.action).sort()).toEqual(['calendar_ensure', 'calendar_pause', 'calendar_resume']);
  });
});
