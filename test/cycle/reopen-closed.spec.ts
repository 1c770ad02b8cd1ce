/**
 * Reopening a closed cycle, against the real time-skipping Temporal server,
 * PostgreSQL and SMTP: the cycle closes with report version 1; the bureau
 * reopens one approved item with a reason; a new run of the cycle's workflow
 * takes back only that item's department, with the item's state and version
 * from PostgreSQL; the submitter is told why, corrects, the supervisor
 * approves, and the close writes report version 2 while version 1 stays.
 * Closed cycles are read from the database: the time-skipping server hangs on
 * queries and results of completed workflows.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DepartmentOutcome } from '@libs/cycle/activities-contract';
import { departmentWorkflowId } from '@libs/cycle/cycle-definition';
import type { Actor } from '@libs/cycle/department-state';
import { CycleRequestError } from '@libs/temporal/cycle-client';
import {
  BUREAU_EMAIL,
  createCycleHarness,
  DAYS,
  submitter,
  supervisor,
  type CycleHarness,
} from '../support/cycle-harness';

const STATS = 'city-statistics'; // 市统计局: indicators 1 and 4
const bureau: Actor = { id: BUREAU_EMAIL, name: '市统计局', role: 'bureau', department: 'city-statistics' };
const mail = (role: 'submitter' | 'supervisor', dept: string) => `${role}@${dept}.heyuan.example`;
const REASON = '与统计公报数据不一致，请核实';

describe('reopening a closed cycle', () => {
  let h: CycleHarness;
  let cycleId: string;
  beforeAll(async () => (h = await createCycleHarness()));
  afterAll(() => h?.close());

  it('takes back only the reopened items and writes report version 2, keeping version 1', async () => {
    const definition = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 10,
      hardCloseInDays: 20,
      thresholdPreset: 'traffic_light',
    });
    const start = await h.env.currentTimeMs();
    const sleepUntil = async (day: number) =>
      h.env.sleep(Math.max(0, start + DAYS(day) - (await h.env.currentTimeMs())));
    const workflowState = async (id: string) => (await h.env.client.workflow.getHandle(id).describe()).status.name;
    const reports = () =>
      h.db.dataSource.query(
        `SELECT version, content_hash, path, timeliness FROM cycle_report WHERE cycle_id = $1 ORDER BY version`,
        [cycleId],
      );
    const cycleStatus = async () =>
      (await h.db.dataSource.query(`SELECT status FROM evaluation_cycle WHERE id = $1`, [cycleId]))[0].status;
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => {
          throw new Error('accepted');
        },
        (e: CycleRequestError) => [e.code, e.problems.map((x) => x.zh)],
      );
    const worker = await h.newWorker();

    await worker.runUntil(async () => {
      ({ cycleId } = await h.cycles.launch(definition));
      const submit = (id: string, itemKey: string, value: number) =>
        h.cycles.command(cycleId, STATS, id, submitter(STATS), {
          type: 'submit',
          itemKey,
          submission: { kind: 'indicator', value, dataSource: '人口抽样调查' },
        });
      await sleepUntil(1);
      await submit('s-1', 'indicator-1', 284.7);
      await submit('s-4', 'indicator-4', 12.8);
      await sleepUntil(2);
      await h.cycles.bulkApprove(cycleId, STATS, 'approve-1', supervisor(STATS), ['indicator-1', 'indicator-4']);

      // Still running: a reopen of the closed cycle is refused; the running cycle takes reopen commands itself.
      expect(
        await refusal(h.cycles.reopenClosed(cycleId, { items: ['indicator-1'], reason: REASON, actor: bureau })),
      ).toEqual(['command_refused', ['本轮评估尚未结束，请直接在评估中重新打开事项']]);

      // The hard close on day 20 closes the cycle: report version 1.
      await sleepUntil(21);
      expect(await workflowState(cycleId)).toBe('COMPLETED');
      expect(await cycleStatus()).toBe('closed');
      expect(await reports()).toHaveLength(1);

      // Refused with every reason at once: not the bureau, no reason, an item never approved, an unknown item.
      expect(
        await refusal(
          h.cycles.reopenClosed(cycleId, {
            items: ['indicator-8', 'indicator-99'],
            reason: ' ',
            actor: supervisor(STATS),
          }),
        ),
      ).toEqual([
        'command_refused',
        [
          '只有统计局可以重新打开已结束的评估',
          '请写明重新打开的原因',
          '事项“indicator-8”未经审核，不能重新打开',
          '本轮评估没有事项“indicator-99”',
        ],
      ]);
      expect(
        (
          await refusal(
            h.cycles.reopenClosed('cycle/nope/annual/2022', { items: ['indicator-1'], reason: REASON, actor: bureau }),
          )
        )[0],
      ).toBe('invalid_request');

      const reopened = await h.cycles.reopenClosed(cycleId, {
        items: ['indicator-1'],
        reason: REASON,
        actor: bureau,
        requestId: 'reopen-closed-1',
      });
      expect(reopened).toMatchObject({ departments: [STATS], items: ['indicator-1'] });
      // One run at a time: asked again while the reopen runs, the bureau is told so.
      expect(
        (await refusal(h.cycles.reopenClosed(cycleId, { items: ['indicator-4'], reason: REASON, actor: bureau })))[0],
      ).toBe('command_refused');

      // The item goes back to its submitter with the reason (after the digest window); only it is open again.
      await sleepUntil(21.1);
      expect(await cycleStatus()).toBe('running');
      expect(await workflowState(departmentWorkflowId(cycleId, 'city-education'))).toBe('COMPLETED'); // not reopened: not restarted
      const status = await h.cycles.departmentStatus(cycleId, STATS);
      expect([status.total, status.counts.returned]).toEqual([1, 1]);
      const reopenMails = h.mailsTo(mail('submitter', STATS), '重新打开');
      expect(reopenMails).toHaveLength(1);
      expect(reopenMails[0].text).toContain(`原因：${REASON}`);
      // The cycle's row has the reopen's dates: its new links expire by the new hard close, not the passed one.
      const [row] = await h.db.dataSource.query(`SELECT hard_close FROM evaluation_cycle WHERE id = $1`, [cycleId]);
      expect(new Date(row.hard_close).getTime()).toBeGreaterThan(Date.parse(definition.hardClose));

      // The correction continues the item's versions from PostgreSQL: version 2, not 1 again.
      const corrected = await submit('s-1b', 'indicator-1', 284.6);
      expect(corrected).toMatchObject({ status: 'submitted', version: 2 });
      await sleepUntil(22);
      await h.cycles.command(cycleId, STATS, 'approve-2', supervisor(STATS), {
        type: 'review',
        itemKey: 'indicator-1',
        decision: 'approve',
      });
      await sleepUntil(23);
      expect(await workflowState(cycleId)).toBe('COMPLETED');
    });

    expect(await cycleStatus()).toBe('closed');
    const [v1, v2] = await reports();
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v2.content_hash).not.toBe(v1.content_hash);
    expect(v1.path).toMatch(/report-v1\.json$/);
    expect(v2.path).toMatch(/report-v2\.json$/);
    for (const path of [v1.path, v2.path]) {
      for (const ext of ['xlsx', 'docx', 'html', 'en.xlsx', 'en.docx', 'en.html'])
        expect(existsSync(path.replace(/json$/, ext))).toBe(true);
    }
    const first = JSON.parse(await readFile(v1.path, 'utf8'));
    const second = JSON.parse(await readFile(v2.path, 'utf8'));
    const indicator1 = (r: { indicators: Array<{ no: number }> }) => r.indicators.find((i) => i.no === 1);
    expect(first.contentHash).toBe(v1.content_hash);
    expect(indicator1(first)).toMatchObject({ value: 284.7, source: { version: 1 } });
    expect(indicator1(second)).toMatchObject({
      value: 284.6,
      source: { version: 2, approvedBy: mail('supervisor', STATS) },
    });
    // The cycle's threshold preset, as launched, is what both versions judged by.
    expect([first.thresholds.preset, second.thresholds.preset]).toEqual(['traffic_light', 'traffic_light']);

    // Every department is in the second report; the reopened one keeps its first timeliness.
    const outcomes: [DepartmentOutcome[], DepartmentOutcome[]] = [v1.timeliness, v2.timeliness];
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[1].find((o) => o.department === STATS)).toMatchObject({ total: 2, done: 2, timeliness: 'on_time' });

    // The audit trail holds the reopen; the new run's notices were sent, none skipped as already sent.
    const events = await h.db.dataSource.query(
      `SELECT type, status_after, request_id FROM item_event WHERE cycle_id = $1 AND item_key = 'indicator-1' ORDER BY at`,
      [cycleId],
    );
    expect(events.map((e: { type: string; status_after: string }) => `${e.type}:${e.status_after}`)).toEqual([
      'submit:submitted',
      'review:approved',
      'reopen:returned',
      'submit:submitted',
      'review:approved',
    ]);
    expect(events[2].request_id).toBe('reopen-closed-1/indicator-1');
    expect(h.mailsTo(mail('supervisor', STATS), '待审核')).toHaveLength(2);
    expect(h.mailsTo(mail('submitter', STATS), '已通过审核')).toHaveLength(2);
    expect(h.mailsTo(BUREAU_EMAIL, '评估报告已生成')).toHaveLength(2);
    const [{ n }] = await h.db.dataSource.query(
      `SELECT count(*)::int AS n FROM notice WHERE cycle_id = $1 AND status = 'sent'`,
      [cycleId],
    );
    expect(n).toBe(h.smtp.received.length);
  });

  it('records the reopen run for the replay suite', async () => {
    if (!process.env.RECORD_HISTORIES) return;
    const dir = join(__dirname, '../histories');
    await mkdir(dir, { recursive: true });
    for (const workflowId of [cycleId, departmentWorkflowId(cycleId, STATS)]) {
      const history = await h.env.client.workflow.getHandle(workflowId).fetchHistory();
      await writeFile(
        join(dir, `${workflowId.replace(/[^A-Za-z0-9-]+/g, '_')}_reopened.json`),
        JSON.stringify({ workflowId, history }),
      );
    }
  });
});
