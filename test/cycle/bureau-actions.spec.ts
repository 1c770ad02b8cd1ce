/**
 * The bureau's actions on a running cycle, against the real time-skipping
 * Temporal server, PostgreSQL and SMTP: reopening an approved item, extending
 * the deadline (the timers move), reminding now; and cancelling, on the real
 * Temporal dev server (the time-skipping test server fails that path with
 * "invalid history builder state").
 */
import { delegate } from '@libs/catalog/delegations';
import type { Actor } from '@libs/cycle/department-state';
import { departmentWorkflowId } from '@libs/cycle/cycle-definition';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import {
  BUREAU_EMAIL,
  createCycleHarness,
  DAYS,
  submitter,
  supervisor,
  type CycleHarness,
} from '../support/cycle-harness';

const ON_TIME = 'city-statistics';
const NEVER = 'city-education';
const DELEGATED = 'city-housing'; // never submits either; its submitter is away days 21–36
const bureau: Actor = { id: BUREAU_EMAIL, name: '市统计局', role: 'bureau', department: 'city-statistics' };
const mail = (role: 'submitter' | 'supervisor', dept: string) => `${role}@${dept}.heyuan.example`;

describe('the bureau acting on a running cycle', () => {
  let h: CycleHarness;
  beforeAll(async () => (h = await createCycleHarness()));
  afterAll(() => h?.close());

  it('reopens, extends and reminds', async () => {
    const definition = await h.definition({ fromYear: 2022, toYear: 2022, deadlineInDays: 30, hardCloseInDays: 60 });
    const start = await h.env.currentTimeMs();
    const sleepUntil = async (day: number) =>
      h.env.sleep(Math.max(0, start + DAYS(day) - (await h.env.currentTimeMs())));
    const count = (address: string, subject: string) => h.mailsTo(address, subject).length;
    const worker = await h.newWorker();

    await worker.runUntil(async () => {
      const { cycleId } = await h.cycles.launch(definition);
      const submit = (id: string, itemKey: string, value: number) =>
        h.cycles.command(cycleId, ON_TIME, id, submitter(ON_TIME), {
          type: 'submit',
          itemKey,
          submission: { kind: 'indicator', value, dataSource: '人口抽样调查' },
        });
      await sleepUntil(1);
      // The department holds its item keys only, until a command needs the specifications: a
      // submission they refuse is refused after they are read, and changes nothing.
      await expect(
        h.cycles.command(cycleId, ON_TIME, 's-0', submitter(ON_TIME), {
          type: 'submit',
          itemKey: 'indicator-1',
          submission: { kind: 'indicator', value: 284.7, dataSource: ' ' },
        }),
      ).rejects.toThrow('请填写数据来源');
      expect((await h.cycles.departmentStatus(cycleId, ON_TIME)).counts).toMatchObject({ assigned: 2, submitted: 0 });
      expect(
        await h.db.dataSource.query(`SELECT 1 FROM item_event WHERE cycle_id = $1 AND request_id = 's-0'`, [cycleId]),
      ).toEqual([]);
      // The first submission of a digest window moves the department's wake-up forward; the next
      // one in the same window leaves its timer alone (no timer cancelled and started again).
      const department = h.env.client.workflow.getHandle(departmentWorkflowId(cycleId, ON_TIME));
      const timersStarted = async () =>
        (await department.fetchHistory()).events!.filter((e) => e.timerStartedEventAttributes).length;
      await submit('s-1', 'indicator-1', 284.7);
      const afterFirst = await timersStarted();
      await submit('s-4', 'indicator-4', 12.8);
      expect(await timersStarted()).toBe(afterFirst);
      await sleepUntil(2);
      await h.cycles.bulkApprove(cycleId, ON_TIME, 'approve-1', supervisor(ON_TIME), ['indicator-1', 'indicator-4']);

      // An approved item reopened by the bureau goes back to its submitter, with the reason.
      await sleepUntil(3);
      const reopened = await h.cycles.command(cycleId, ON_TIME, 'reopen-1', bureau, {
        type: 'reopen',
        itemKey: 'indicator-1',
        reason: '与统计公报数据不一致，请核实',
      });
      expect(reopened.status).toBe('returned');
      expect((await h.cycles.departmentStatus(cycleId, ON_TIME)).counts).toMatchObject({ returned: 1, approved: 1 });
      await expect(
        h.cycles.command(cycleId, ON_TIME, 'reopen-x', supervisor(ON_TIME), {
          type: 'reopen',
          itemKey: 'indicator-4',
          reason: '想改',
        }),
      ).rejects.toThrow('只有统计局可以重新打开事项');
      await sleepUntil(4);
      const [reopenMail] = h.mailsTo(mail('submitter', ON_TIME), '重新打开');
      expect(reopenMail.text).toContain('原因：与统计公报数据不一致，请核实');
      const again = await submit('s-1b', 'indicator-1', 284.6);
      expect(again.version).toBe(2);
      await sleepUntil(5);
      await h.cycles.command(cycleId, ON_TIME, 'approve-2', supervisor(ON_TIME), {
        type: 'review',
        itemKey: 'indicator-1',
        decision: 'approve',
      });

      // Day 20: the deadline moves from day 30 to day 40 for everyone; reminders follow it.
      await sleepUntil(20);
      await h.cycles.extend(cycleId, new Date(start + DAYS(40)).toISOString());
      await delegate(new CatalogRepository(h.db.dataSource), new AccessRepository(h.db.dataSource), {
        department: DELEGATED,
        role: 'submitter',
        delegateName: '李四',
        delegateEmail: 'li.si@zjj.heyuan.example',
        validFrom: new Date(start + DAYS(21)).toISOString(),
        validUntil: new Date(start + DAYS(36)).toISOString(),
        createdBy: BUREAU_EMAIL,
        byBureau: true,
      });
      await sleepUntil(25);
      expect(count(mail('submitter', NEVER), '截止时间调整')).toBe(1);
      expect(count(mail('submitter', NEVER), '填报提醒')).toBe(0); // day 23 was the old schedule
      expect(count(mail('submitter', ON_TIME), '截止时间调整')).toBe(0); // owes nothing

      await h.cycles.remindNow(cycleId, NEVER);
      await sleepUntil(26);
      expect(count(mail('submitter', NEVER), '填报提醒')).toBe(1);
      await sleepUntil(35);
      expect(count(mail('submitter', NEVER), '填报提醒')).toBe(2); // day 33 = 40 − 7
      expect(count(mail('submitter', NEVER), '逾期提醒')).toBe(0);
      await sleepUntil(44);
      expect(count(mail('submitter', NEVER), '逾期提醒')).toBe(1); // day 41
      expect(count(mail('supervisor', NEVER), '逾期督办')).toBe(1); // day 43
      // The delegate received the department's reminder while the delegation ran; the submitter the rest.
      expect(count('li.si@zjj.heyuan.example', '填报提醒')).toBe(1); // day 33
      expect(count(mail('submitter', DELEGATED), '填报提醒')).toBe(1); // day 39
      expect(count(mail('submitter', DELEGATED), '逾期提醒')).toBe(1); // day 41
    });
  });
});

describe('cancelling a cycle (real Temporal dev server, real time)', () => {
  let h: CycleHarness;
  beforeAll(async () => (h = await createCycleHarness('dev-server')));
  afterAll(() => h?.close());

  it('stops every department, tells them and the bureau, and closes the cycle as cancelled', async () => {
    // Deadline in an hour: nothing but the assignment is sent before the cancel.
    const definition = await h.definition({
      fromYear: 2023,
      toYear: 2023,
      deadlineInDays: 1 / 24,
      hardCloseInDays: 1 / 12,
    });
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const { cycleId } = await h.cycles.launch(definition);
      const waitFor = async (what: () => Promise<boolean>) => {
        for (let i = 0; i < 120 && !(await what()); i++) await new Promise((r) => setTimeout(r, 250));
        expect(await what()).toBe(true);
      };
      await waitFor(async () => h.mailsTo(mail('submitter', NEVER), '填报任务').length === 1);
      await h.cycles.cancel(cycleId, '规划调整，本轮监测取消');
      await waitFor(
        async () => (await h.env.client.workflow.getHandle(cycleId).describe()).status.name === 'COMPLETED',
      );
      const cancelled = [
        ...h.mailsTo(mail('submitter', NEVER), '评估已取消'),
        ...h.mailsTo(BUREAU_EMAIL, '评估已取消'),
      ];
      expect(cancelled).toHaveLength(2);
      // Both say why, in the bureau's words.
      for (const m of cancelled) expect(m.text).toContain('原因：规划调整，本轮监测取消');
      const [cycle] = await h.db.dataSource.query(`SELECT status FROM evaluation_cycle WHERE id = $1`, [cycleId]);
      expect(cycle.status).toBe('cancelled');
    });
  });
});
