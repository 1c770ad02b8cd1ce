/**
 * A whole annual cycle across simulated months, against the real time-skipping
 * Temporal server, PostgreSQL and an SMTP server: departments submitting on
 * time, late, rejected and resubmitted, and never; the worker replaced midway.
 * Every notice is counted where it arrives, on the SMTP server.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { linkSigning } from '@libs/access/tokens';
import { loadConfig } from '@libs/config/config';
import { CycleRequestError } from '@libs/temporal/cycle-client';
import type { DepartmentOutcome } from '@libs/cycle/activities-contract';
import { departmentWorkflowId } from '@libs/cycle/cycle-definition';
import {
  BUREAU_EMAIL,
  createCycleHarness,
  DAYS,
  submitter,
  supervisor,
  type CycleHarness,
} from '../support/cycle-harness';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../apps/worker/src/workflow-bundle';

const ON_TIME = 'city-statistics'; // 市统计局: indicators 1 and 4
const LATE = 'city-healthcare-security'; // 市医保局: indicator 26
const REJECTED = 'city-disabled-persons'; // 市残联: indicator 40
const NEVER = 'city-education'; // 市教育局: indicators 8–11
const mail = (role: 'submitter' | 'supervisor', dept: string) => `${role}@${dept}.heyuan.example`;

describe('an annual monitoring cycle, end to end', () => {
  let h: CycleHarness;
  let cycleId: string;
  beforeAll(async () => (h = await createCycleHarness()));
  afterAll(() => h?.close());

  it('assigns, chases, reviews and closes, losing nothing across a worker restart', async () => {
    const definition = await h.definition({ deadlineInDays: 30, hardCloseInDays: 60 });
    const start = await h.env.currentTimeMs();
    const at = (day: number) => start + DAYS(day);
    const sleepUntil = async (day: number) => h.env.sleep(Math.max(0, at(day) - (await h.env.currentTimeMs())));

    // Phase one, on the first worker: launch, the on-time and the rejected departments.
    const firstWorker = await h.newWorker();
    await firstWorker.runUntil(async () => {
      ({ cycleId } = await h.cycles.launch(definition));
      await expect(h.cycles.launch(definition)).rejects.toThrow('已经发起过，不能重复发起');
      // The second worker below replays the whole cycle in one task: given a minute (CYCLE_WORKFLOW_TASK_TIMEOUT), not 10 s.
      const { raw } = await h.env.client.workflow.getHandle(cycleId).describe();
      expect(Number(raw.executionConfig?.defaultWorkflowTaskTimeout?.seconds)).toBe(60);
      await sleepUntil(1);

      // 市残联 submits on day 1, is rejected on day 6, corrects and is approved.
      await h.cycles.command(cycleId, REJECTED, 'c-1', submitter(REJECTED), {
        type: 'submit',
        itemKey: 'indicator-40',
        submission: { kind: 'indicator', value: 95, dataSource: '残联统计年报' },
      });
      await sleepUntil(6);
      await h.cycles.command(cycleId, REJECTED, 'c-2', supervisor(REJECTED), {
        type: 'review',
        itemKey: 'indicator-40',
        decision: 'reject',
        reason: '请补充数据来源的统计口径',
      });
      await sleepUntil(7);
      const resubmitted = await h.cycles.command(cycleId, REJECTED, 'c-3', submitter(REJECTED), {
        type: 'submit',
        itemKey: 'indicator-40',
        submission: { kind: 'indicator', value: 95.2, dataSource: '残联统计年报（持证残疾人口径）' },
      });
      expect(resubmitted).toMatchObject({ status: 'submitted', version: 2 });
      await sleepUntil(8);
      await h.cycles.command(cycleId, REJECTED, 'c-4', supervisor(REJECTED), {
        type: 'review',
        itemKey: 'indicator-40',
        decision: 'approve',
      });

      // 市统计局 submits both indicators on day 10; the same request sent twice is applied once.
      await sleepUntil(10);
      const first = await h.cycles.command(cycleId, ON_TIME, 'a-1', submitter(ON_TIME), {
        type: 'submit',
        itemKey: 'indicator-1',
        submission: { kind: 'indicator', value: 284.1, dataSource: '人口抽样调查' },
      });
      const again = await h.cycles.command(cycleId, ON_TIME, 'a-1', submitter(ON_TIME), {
        type: 'submit',
        itemKey: 'indicator-1',
        submission: { kind: 'indicator', value: 284.1, dataSource: '人口抽样调查' },
      });
      expect(again).toEqual(first);
      await h.cycles.command(cycleId, ON_TIME, 'a-2', submitter(ON_TIME), {
        type: 'submit',
        itemKey: 'indicator-4',
        submission: { kind: 'indicator', value: 12.3, dataSource: '人口抽样调查' },
      });

      // Refusals come back at once, in words the person can act on, and change nothing.
      const refusal = (p: Promise<unknown>) =>
        p.then(
          () => {
            throw new Error('accepted');
          },
          (e: CycleRequestError) => e.problems[0].zh,
        );
      expect(
        await refusal(
          h.cycles.command(cycleId, ON_TIME, 'x-1', submitter(LATE), {
            type: 'submit',
            itemKey: 'indicator-1',
            submission: { kind: 'indicator', value: 1, dataSource: 'x' },
          }),
        ),
      ).toBe('只有本部门填报人可以填报此事项');
      expect(
        await refusal(
          h.cycles.command(cycleId, ON_TIME, 'x-2', supervisor(ON_TIME), {
            type: 'review',
            itemKey: 'indicator-1',
            decision: 'reject',
          }),
        ),
      ).toBe('退回时请写明原因');
      expect(
        await refusal(
          h.cycles.command(cycleId, LATE, 'x-3', submitter(LATE), {
            type: 'submit',
            itemKey: 'indicator-26',
            submission: { kind: 'indicator', value: 90, dataSource: '医保统计' },
          }),
        ),
      ).toBe('数值落后于进度，请填写原因分析和下一步措施');
      expect(
        await refusal(
          h.cycles.command(cycleId, LATE, 'x-4', submitter(LATE), {
            type: 'submit',
            itemKey: 'indicator-26',
            submission: { kind: 'indicator', value: '99' as unknown as number, dataSource: '医保统计' },
          }),
        ),
      ).toBe('请填写数值（单位：%）');

      await sleepUntil(11);
      const bulk = await h.cycles.bulkApprove(cycleId, ON_TIME, 'a-3', supervisor(ON_TIME), [
        'indicator-1',
        'indicator-4',
      ]);
      expect(bulk.map((r) => r.status)).toEqual(['approved', 'approved']);
      await sleepUntil(20);
    });

    // Phase two, on a new worker: the late department and the close.
    const secondWorker = await h.newWorker();
    await secondWorker.runUntil(async () => {
      await sleepUntil(35);
      expect((await h.cycles.departmentStatus(cycleId, LATE)).overdue).toEqual(['indicator-26']);
      // The cycle's live state comes from the workflows: 4 of 45 items done, everything unsent overdue.
      const live = await h.cycles.liveStatus(cycleId);
      expect(live.counts.approved).toBe(3); // 市统计局 ×2, 市残联 ×1
      expect(live.overdue).toContainEqual({ department: LATE, itemKey: 'indicator-26' });
      expect(live.overdue).toContainEqual({ department: NEVER, itemKey: 'indicator-8' });
      expect(live.overdue).toHaveLength(45 - 3);
      await h.cycles.command(cycleId, LATE, 'b-1', submitter(LATE), {
        type: 'submit',
        itemKey: 'indicator-26',
        submission: { kind: 'indicator', value: 99.2, dataSource: '医保统计' },
      });
      await sleepUntil(36);
      await h.cycles.command(cycleId, LATE, 'b-2', supervisor(LATE), {
        type: 'review',
        itemKey: 'indicator-26',
        decision: 'approve',
      });
      await sleepUntil(61);
      // Hard close passed on day 60: every department and the cycle itself have finished.
      expect((await h.env.client.workflow.getHandle(cycleId).describe()).status.name).toBe('COMPLETED');
    });

    const subjects = (address: string) =>
      h.mailsTo(address).map((m) => m.subject.replace(/^【2021年年度监测分析】/, ''));
    expect(subjects(mail('submitter', ON_TIME))).toEqual(['填报任务：市统计局（2项）', '已通过审核：市统计局（2项）']);
    expect(subjects(mail('supervisor', ON_TIME))).toEqual(['待审核：市统计局（2项）']);
    // 市残联 also co-operates on indicators 38 and 39: one request for its input.
    expect(subjects(mail('submitter', REJECTED)).filter((s) => !s.startsWith('配合填报'))).toEqual([
      '填报任务：市残联（1项）',
      '已退回：市残联（1项）',
      '已通过审核：市残联（1项）',
    ]);
    expect(subjects(mail('submitter', REJECTED)).filter((s) => s.startsWith('配合填报'))).toEqual([
      '配合填报：市残联（2项）',
    ]);
    // Waiting five days for review (days 1–6): the supervisor is chased once, at three days.
    expect(subjects(mail('supervisor', REJECTED))).toEqual([
      '待审核：市残联（1项）',
      '审核提醒：市残联（1项）',
      '待审核：市残联（1项）',
    ]);
    expect(subjects(mail('submitter', LATE))).toEqual([
      '填报任务：市医保局（1项）',
      '填报提醒：市医保局（1项）',
      '填报提醒：市医保局（1项）',
      '逾期提醒：市医保局（1项）',
      '逾期提醒：市医保局（1项）',
      '已通过审核：市医保局（1项）',
    ]);
    expect(subjects(mail('supervisor', LATE))).toEqual(['逾期督办：市医保局（1项）', '待审核：市医保局（1项）']);
    const never = subjects(mail('submitter', NEVER));
    expect(never.filter((s) => s.startsWith('填报任务'))).toHaveLength(1);
    expect(never.filter((s) => s.startsWith('填报提醒'))).toHaveLength(2); // days 23 and 29
    expect(never.filter((s) => s.startsWith('逾期提醒'))).toHaveLength(10); // days 31, 34, … 58
    expect(subjects(mail('supervisor', NEVER))).toEqual(['逾期督办：市教育局（4项）']);

    // The bureau hears of each department still owing at 7 days overdue, and of the report.
    const [closing] = await h.db.dataSource.query(`SELECT path, timeliness FROM cycle_report WHERE cycle_id = $1`, [
      cycleId,
    ]);
    const outcomes: DepartmentOutcome[] = closing.timeliness;
    const silent = outcomes.filter((o) => o.timeliness === 'missing').map((o) => o.department);
    expect(silent).toContain(NEVER);
    expect(h.mailsTo(BUREAU_EMAIL, '逾期督办（统计局）')).toHaveLength(silent.length);
    expect(h.mailsTo(BUREAU_EMAIL, '评估报告已生成')).toHaveLength(1);

    // A digest lists each item with its link, in the recipient's language only (zh-CN here).
    const [assignment] = h.mailsTo(mail('submitter', NEVER), '填报任务');
    expect(assignment.text).toContain('以下事项请按时填报：\n');
    expect(assignment.text).not.toContain('Please report');
    // Each link is signed for its recipient, its item and its purpose.
    const links = [...assignment.text.matchAll(/http:\/\/portal\.test\/l\/([\w.-]+)/g)].map((m) =>
      linkSigning(loadConfig('auth')).signer.verifyLink(m[1]),
    );
    expect(links).toContainEqual({
      ok: true,
      claims: expect.objectContaining({
        cycleId,
        itemKey: 'indicator-8',
        purpose: 'submit',
        email: mail('submitter', NEVER),
      }),
    });

    // Timeliness and the report come from what was approved.
    const byDept = new Map(outcomes.map((o) => [o.department, o.timeliness]));
    expect([byDept.get(ON_TIME), byDept.get(REJECTED), byDept.get(LATE), byDept.get(NEVER)]).toEqual([
      'on_time',
      'on_time',
      'late',
      'missing',
    ]);
    const report = JSON.parse(await readFile(closing.path, 'utf8'));
    for (const format of ['xlsx', 'docx', 'html']) expect(existsSync(closing.path.replace(/json$/, format))).toBe(true);
    const indicator = (no: number) => report.indicators.find((i: { no: number }) => i.no === no);
    expect(indicator(1)).toMatchObject({
      status: 'on_track',
      value: 284.1,
      source: {
        version: 1,
        submittedBy: mail('submitter', ON_TIME),
        approvedBy: mail('supervisor', ON_TIME),
        // As they acted: name, unit and time, for the Excel annex.
        submitter: { name: submitter(ON_TIME).name, unit: '市统计局', at: expect.stringMatching(/^20\d\d-\d\d-\d\dT/) },
        approver: { name: supervisor(ON_TIME).name, unit: '市统计局', at: expect.stringMatching(/^20\d\d-\d\d-\d\dT/) },
      },
    });
    // #40 a floor of 85 the base year exceeded (98.68): met, and warned for falling from 98.68; #26 稳定在95以上 met.
    expect(indicator(40)).toMatchObject({
      status: 'requirement_met',
      value: 95.2,
      source: { version: 2 },
      warnings: [{ kind: 'falling', baseline: 98.68, direction: 'up' }],
    });
    expect(indicator(26)).toMatchObject({ status: 'requirement_met', value: 99.2 });
    expect(indicator(26).warnings).toBeUndefined();
    expect(indicator(8)).toMatchObject({ status: 'no_data', source: null });
    expect(report.indicators[0].attribute).toBe('binding');

    // Every version and every action is kept, each once.
    const versions = await h.db.dataSource.query(
      `SELECT item_key, version FROM submission_version WHERE cycle_id = $1 ORDER BY item_key, version`,
      [cycleId],
    );
    expect(versions).toEqual([
      { item_key: 'indicator-1', version: 1 },
      { item_key: 'indicator-26', version: 1 },
      { item_key: 'indicator-4', version: 1 },
      { item_key: 'indicator-40', version: 1 },
      { item_key: 'indicator-40', version: 2 },
    ]);
    const events = await h.db.dataSource.query(
      `SELECT type, status_after FROM item_event WHERE cycle_id = $1 AND item_key = 'indicator-40' ORDER BY at`,
      [cycleId],
    );
    expect(events).toEqual([
      { type: 'submit', status_after: 'submitted' },
      { type: 'review', status_after: 'returned' },
      { type: 'submit', status_after: 'submitted' },
      { type: 'review', status_after: 'approved' },
    ]);
    const [{ n }] = await h.db.dataSource.query(
      `SELECT count(*)::int AS n FROM notice WHERE cycle_id = $1 AND status = 'sent'`,
      [cycleId],
    );
    expect(n).toBe(h.smtp.received.length);
  });

  it('replays its own histories deterministically, and records them for the replay suite', async () => {
    const ids = [cycleId, departmentWorkflowId(cycleId, REJECTED), departmentWorkflowId(cycleId, LATE)];
    const histories = await Promise.all(
      ids.map(async (workflowId) => ({
        workflowId,
        history: await h.env.client.workflow.getHandle(workflowId).fetchHistory(),
      })),
    );
    const results = Worker.runReplayHistories(
      { workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions },
      histories,
    );
    for await (const result of results) expect(result.error).toBeUndefined();
    if (process.env.RECORD_HISTORIES) {
      const dir = join(__dirname, '../histories');
      await mkdir(dir, { recursive: true });
      for (const { workflowId, history } of histories) {
        await writeFile(
          join(dir, `${workflowId.replace(/[^A-Za-z0-9-]+/g, '_')}.json`),
          JSON.stringify({ workflowId, history }),
        );
      }
    }
  });
});
