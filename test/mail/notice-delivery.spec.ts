/**
 * Notices as the departments receive them, through a real SMTP server and the
 * real outbox in PostgreSQL: every kind rendered, sent and parsed back
 * (mailparser), each in one language, the recipient's (zh-CN, or English); a refused address recorded as
 * undeliverable and never retried; and a whole cycle across two outages of
 * the SMTP server, every notice counted once where it arrives.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { Audience, NoticeEvent, NoticeInput, NoticeItem, NoticeResult } from '@libs/cycle/activities-contract';
import { NOTICE_ITEM_STATES } from '@libs/cycle/notice-standing';
import {
  BUREAU_EMAIL,
  createCycleHarness,
  DAYS,
  submitter,
  supervisor,
  type CycleHarness,
} from '../support/cycle-harness';

const HEALTH = 'city-health'; // 市卫生健康局, lead on indicators 2, 5, 6, 20–25 …
const CO_OPERATING = 'city-disabled-persons'; // 市残联, co-operates on indicators 38 and 39
const address = (role: 'submitter' | 'supervisor', dept: string) => `${role}@${dept}.heyuan.example`;
const HOURS = (n: number) => n * 3_600_000;

describe('notices through a real SMTP server', () => {
  let h: CycleHarness;
  beforeAll(async () => (h = await createCycleHarness()));
  afterAll(() => h?.close());

  // Activities called directly run in a mock activity context (they log through it).
  const sendNotice = (input: NoticeInput): Promise<NoticeResult> =>
    new MockActivityEnvironment().run((i: NoticeInput) => h.activities.sendNotice(i), input);
  const received = (to: string) => h.smtp.received.filter((m) => m.envelopeTo.includes(to));
  const noticeRows = (cycleId: string) =>
    h.db.dataSource.query(
      `SELECT id, department, recipient, event, status, attempts, error, message_id, subject FROM notice WHERE cycle_id = $1 ORDER BY created_at`,
      [cycleId],
    );

  describe('every kind of notice', () => {
    const cycleId = 'mail-test/annual/2021';
    let items: NoticeItem[];
    let reportPath: string;
    let seq = 0;
    const notice = (
      event: NoticeEvent,
      audience: Audience,
      department: string,
      extra: Partial<NoticeInput> = {},
    ): NoticeInput => ({
      cycleId,
      department,
      audience,
      event,
      seq: ++seq,
      items,
      deadline: Date.parse('2022-03-31T16:00:00Z'),
      at: Date.parse('2022-03-01T00:00:00Z'),
      ...extra,
    });

    beforeAll(async () => {
      const definition = await h.definition({ deadlineInDays: 30, hardCloseInDays: 60 });
      await new MockActivityEnvironment().run(() => h.activities.prepareCycle({ cycleId, definition }));
      const specs = await h.activities.loadDepartmentItems({ cycleId, department: HEALTH });
      items = specs.slice(0, 2).map((s) => ({ key: s.key, title: s.title, status: 'assigned' }));
      // 市残联 leads items too: its assignment is its first mail, before the request for its input.
      const own = await h.activities.loadDepartmentItems({ cycleId, department: CO_OPERATING });
      await sendNotice(
        notice('assignment', 'submitter', CO_OPERATING, {
          items: own.map((s) => ({ key: s.key, title: s.title, status: 'assigned' })),
        }),
      );
      const dir = await mkdtemp(join(tmpdir(), 'plan-eval-mail-report-'));
      reportPath = join(dir, 'report-v1.json');
      await writeFile(reportPath, '{}');
      await writeFile(join(dir, 'report-v1.docx'), 'word document');
      await writeFile(join(dir, 'report-v1.xlsx'), 'workbook');
      await writeFile(join(dir, 'report-v1.en.docx'), 'English word document');
    });

    // event, audience, department, who receives it (name and address), the subject's event, the opening line in zh-CN.
    const kinds: Array<[NoticeEvent, Audience, string, string, string, string, string]> = [
      [
        'assignment',
        'submitter',
        HEALTH,
        '市卫生健康局填报人',
        address('submitter', HEALTH),
        '填报任务',
        '以下事项请按时填报：',
      ],
      [
        'contribution_request',
        'submitter',
        CO_OPERATING,
        '市残联填报人',
        address('submitter', CO_OPERATING),
        '配合填报',
        '请为以下事项向牵头单位提供配合材料：',
      ],
      [
        'reminder',
        'submitter',
        HEALTH,
        '市卫生健康局填报人',
        address('submitter', HEALTH),
        '填报提醒',
        '以下事项尚未提交，请在截止时间前填报：',
      ],
      [
        'overdue',
        'submitter',
        HEALTH,
        '市卫生健康局填报人',
        address('submitter', HEALTH),
        '逾期提醒',
        '以下事项已逾期，请尽快提交：',
      ],
      [
        'escalate_supervisor',
        'supervisor',
        HEALTH,
        '市卫生健康局审核人',
        address('supervisor', HEALTH),
        '逾期督办',
        '市卫生健康局以下事项逾期未交，请督促填报人尽快提交：',
      ],
      [
        'escalate_bureau',
        'bureau',
        HEALTH,
        '市统计局',
        BUREAU_EMAIL,
        '逾期督办（统计局）',
        '市卫生健康局以下事项逾期已久仍未提交',
      ],
      [
        'submitted_for_review',
        'supervisor',
        HEALTH,
        '市卫生健康局审核人',
        address('supervisor', HEALTH),
        '待审核',
        '市卫生健康局以下事项已提交，请审核：',
      ],
      [
        'review_reminder',
        'supervisor',
        HEALTH,
        '市卫生健康局审核人',
        address('supervisor', HEALTH),
        '审核提醒',
        '市卫生健康局以下事项仍在等待您审核：',
      ],
      [
        'rejected',
        'submitter',
        HEALTH,
        '市卫生健康局填报人',
        address('submitter', HEALTH),
        '已退回',
        '以下事项被审核人退回，请按退回原因修改后重新提交：',
      ],
      [
        'approved',
        'submitter',
        HEALTH,
        '市卫生健康局填报人',
        address('submitter', HEALTH),
        '已通过审核',
        '以下事项已通过审核，无需再操作：',
      ],
      [
        'reopened',
        'submitter',
        HEALTH,
        '市卫生健康局填报人',
        address('submitter', HEALTH),
        '重新打开',
        '统计局重新打开了以下事项',
      ],
      [
        'deadline_changed',
        'submitter',
        HEALTH,
        '市卫生健康局填报人',
        address('submitter', HEALTH),
        '截止时间调整',
        '以下事项请在新的截止时间前提交：',
      ],
      [
        'cycle_cancelled',
        'submitter',
        HEALTH,
        '市卫生健康局填报人',
        address('submitter', HEALTH),
        '评估已取消',
        '本轮评估已取消，以下事项无需再填报：',
      ],
      [
        'report_ready',
        'bureau',
        'bureau',
        '市统计局',
        BUREAU_EMAIL,
        '评估报告已生成',
        '本轮评估已结束，评估报告已生成，见附件：',
      ],
    ];

    it.each(kinds)(
      '%s to the %s of %s arrives as sent, in zh-CN',
      async (event, audience, department, name, to, subjectEvent, lead) => {
        const before = h.smtp.received.length;
        const bureauNotice = department === 'bureau';
        const reason =
          event === 'rejected' || event === 'reopened' ? '<b>口径</b>与统计公报不一致 & 请核实' : undefined;
        const input = notice(event, audience, department, {
          // Each item in the state the notice is about: a notice about items that moved on is not sent.
          items: bureauNotice
            ? []
            : items.map((i) => ({
                ...i,
                status: NOTICE_ITEM_STATES[event]?.[0] ?? i.status,
                ...(reason ? { reason } : {}),
              })),
          ...(event === 'report_ready' ? { reportPath } : {}),
        });
        expect(await sendNotice(input)).toEqual({ status: 'sent', recipient: to });

        expect(h.smtp.received).toHaveLength(before + 1);
        const { envelopeTo, raw, parsed } = h.smtp.received[before];
        expect(envelopeTo).toEqual([to]);
        // Chinese subjects and display names travel encoded (RFC 2047) and come back whole.
        const headers = raw
          .split(/\r?\n\r?\n/)[0]
          .replace(/\r?\n[ \t]+/g, ' ')
          .split(/\r?\n/);
        expect(headers.find((l) => l.startsWith('Subject: '))).toMatch(/^Subject: (=\?UTF-8\?[BQ]\?\S+\?= ?)+$/);
        expect(headers).toContainEqual(
          expect.stringMatching(new RegExp(`^To: =\\?UTF-8\\?[BQ]\\?\\S+\\?= <${to.replace(/\./g, '\\.')}>$`)),
        );
        expect(headers).toContainEqual(
          expect.stringMatching(/^From: =\?UTF-8\?[BQ]\?\S+\?= <bureau@heyuan\.example>$/),
        );
        expect(parsed.to).toMatchObject({ value: [{ name, address: to }] });
        expect(parsed.from).toMatchObject({ value: [{ name: '河源市统计局', address: 'bureau@heyuan.example' }] });
        const departmentName = bureauNotice ? '市统计局' : department === HEALTH ? '市卫生健康局' : '市残联';
        const count = bureauNotice ? '' : '（2项）';
        expect(parsed.subject).toBe(`【2021年年度监测分析】${subjectEvent}：${departmentName}${count}`);

        // The body, in Chinese only, in both parts; each item with its own link.
        const text = parsed.text ?? '';
        const html = typeof parsed.html === 'string' ? parsed.html : '';
        expect(text.startsWith(`${name}：\n`)).toBe(true);
        expect(text).toContain(lead);
        expect(html).toContain(lead);
        for (const part of [text, html.replace(/<[^>]+>/g, '')])
          expect(part.replace(/https?:\S+|report-v1\.\w+|\/tmp\/\S+|&\w+;|口径.*请核实/g, '')).not.toMatch(
            /[A-Za-z]{3,}/,
          );
        for (const item of bureauNotice ? [] : items) {
          expect(text).toMatch(new RegExp(`- ${item.title}（.+）\\n(?:.*\\n)*?  http://portal\\.test/\\S+`));
          expect(html).toMatch(new RegExp(`<a href="http://portal\\.test/[^"]+">${item.title}</a>`));
        }
        if (reason) {
          // A narrative with markup arrives as text: as written in the text part, escaped in the HTML part.
          expect(text).toContain(`原因：${reason}`);
          expect(html).toContain('原因：&lt;b&gt;口径&lt;/b&gt;与统计公报不一致 &amp; 请核实');
          expect(html).not.toContain('<b>口径');
        }
        if (event === 'report_ready') {
          expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
            ['report-v1.docx', 'word document'],
            ['report-v1.xlsx', 'workbook'],
          ]);
          expect(text).toContain('附件：report-v1.docx');
        } else {
          expect(parsed.attachments).toEqual([]);
        }

        // The outbox row says what was sent, under the Message-ID the server received.
        const [row] = (await noticeRows(cycleId))
          .filter((r: { event: string; recipient: string }) => r.event === event && r.recipient === to)
          .slice(-1);
        expect(row).toMatchObject({
          status: 'sent',
          attempts: 1,
          subject: parsed.subject,
          message_id: parsed.messageId,
        });

        // A retried activity finds the row and sends nothing.
        expect(await sendNotice(input)).toEqual({ status: 'already_sent', recipient: to });
        expect(h.smtp.received).toHaveLength(before + 1);
      },
    );

    it('is in English only for a recipient who reads English, with the plan’s English names', async () => {
      await h.db.dataSource.query(
        `UPDATE department_contact SET locale = 'en' WHERE role = 'supervisor' AND "departmentId" = (SELECT id FROM department WHERE code = $1)`,
        [HEALTH],
      );
      const [{ name_en: healthEn }] = await h.db.dataSource.query(`SELECT name_en FROM department WHERE code = $1`, [
        HEALTH,
      ]);
      const before = h.smtp.received.length;
      await sendNotice(
        notice('submitted_for_review', 'supervisor', HEALTH, {
          items: items.map((i) => ({ ...i, status: 'submitted' })),
        }),
      );
      const { parsed } = h.smtp.received[before];
      expect(parsed.subject).toBe(`[annual monitoring 2021] Waiting for your review: ${healthEn} (2 items)`);
      const text = parsed.text ?? '';
      const html = typeof parsed.html === 'string' ? parsed.html : '';
      expect(text.startsWith('Dear 市卫生健康局审核人,\n')).toBe(true);
      expect(text).toContain(`${healthEn} submitted these items for your review:`);
      expect(text).toMatch(/\n- [A-Za-z].* \(waiting for review\)\n/);
      expect(html).toContain('<html lang="en">');
      // The contact's own name aside, not a Chinese character: subject, labels, states, item names, dates.
      for (const part of [parsed.subject ?? '', text, html])
        expect(part.replace('市卫生健康局审核人', '')).not.toMatch(/[\u4e00-\u9fff]/);
      await h.db.dataSource.query(`UPDATE department_contact SET locale = 'zh-CN' WHERE role = 'supervisor'`);
    });

    it('records a refused address (550) as undeliverable for that department, once, and does not send again', async () => {
      const refused = address('submitter', 'city-education');
      h.smtp.refuse(refused);
      const input = notice('assignment', 'submitter', 'city-education', {
        items: [{ key: 'indicator-8', title: '学前教育毛入园率', status: 'assigned' }],
      });
      expect(await sendNotice(input)).toEqual({ status: 'undeliverable', recipient: refused });
      const row = () =>
        noticeRows(cycleId).then((rows) => rows.find((r: { recipient: string }) => r.recipient === refused));
      expect(await row()).toMatchObject({
        department: 'city-education',
        event: 'assignment',
        status: 'undeliverable',
        attempts: 1,
        message_id: null,
      });
      expect((await row()).error).toMatch(/550/);
      // Temporal retrying the activity (or the workflow asking again) finds the row: no second attempt.
      await sendNotice(input);
      expect(await row()).toMatchObject({ status: 'undeliverable', attempts: 1 });
      expect(received(refused)).toEqual([]);
    });
  });

  it('assigns every item and takes submissions while the SMTP server is down at launch, and sends each assignment once it is back', async () => {
    const ON_TIME = 'city-statistics';
    const refused = address('submitter', 'city-education'); // refused (550): undeliverable, not waited for
    h.smtp.refuse(refused);
    const definition = await h.definition({ fromYear: 2023, toYear: 2023, deadlineInDays: 30, hardCloseInDays: 40 });
    const start = await h.env.currentTimeMs();
    const sleepUntil = async (ms: number) => h.env.sleep(Math.max(0, start + ms - (await h.env.currentTimeMs())));
    const assignments = async (cycleId: string) =>
      (await noticeRows(cycleId)).filter((r: { event: string }) => r.event === 'assignment');
    const before = h.smtp.received.length;
    let cycleId = '';

    await h.smtp.stop();
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      let departments = 0;
      ({ cycleId, departments } = await h.cycles.launch(definition));
      await sleepUntil(HOURS(1));
      // The cycle started every department, tried each assignment once, and retries them with backoff.
      const waiting = await assignments(cycleId);
      expect(waiting).toHaveLength(departments);
      for (const row of waiting)
        expect(row).toMatchObject({ status: 'pending', error: expect.stringMatching(/ECONNREFUSED|connect/i) });
      const result = await h.cycles.command(cycleId, ON_TIME, 'launch-outage-1', submitter(ON_TIME), {
        type: 'submit',
        itemKey: 'indicator-1',
        submission: {
          kind: 'indicator',
          value: 284.7,
          dataSource: '人口抽样调查',
          reasons: '统计口径调整',
          measures: '按新口径补报',
        },
      });
      expect(result.status).toBe('submitted');

      await h.smtp.start();
      await sleepUntil(HOURS(3));
      const rows = await assignments(cycleId);
      expect(rows.map((r: { recipient: string; status: string }) => [r.recipient, r.status])).toEqual(
        rows.map((r: { recipient: string }) => [r.recipient, r.recipient === refused ? 'undeliverable' : 'sent']),
      );
      for (const row of rows.filter((r: { recipient: string }) => r.recipient !== refused)) {
        expect(row.attempts).toBeGreaterThan(1);
        expect(h.smtp.received.slice(before).filter((m) => m.parsed.messageId === row.message_id)).toHaveLength(1);
      }
      await h.cycles.cancel(cycleId, '测试结束');
      await sleepUntil(HOURS(4));
    });
  });

  it('delivers every notice of a cycle exactly once across two outages of the SMTP server, and records refusals', async () => {
    const ON_TIME = 'city-statistics'; // 市统计局: indicators 1 and 4
    const REFUSED = 'city-education'; // 市教育局: its submitter's mailbox refuses (550), from the start
    h.smtp.refuse(address('submitter', REFUSED));
    const definition = await h.definition({ fromYear: 2022, toYear: 2022, deadlineInDays: 30, hardCloseInDays: 40 });
    const start = await h.env.currentTimeMs();
    const sleepUntil = async (ms: number) => h.env.sleep(Math.max(0, start + ms - (await h.env.currentTimeMs())));
    const rows = () => noticeRows(cycleId);
    let cycleId = '';
    /** Notices that waited out an outage. */
    const interrupted: string[] = [];

    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      ({ cycleId } = await h.cycles.launch(definition));
      await sleepUntil(DAYS(1));
      const assigned = (await rows()).length;
      expect(assigned).toBeGreaterThan(10); // one assignment per lead department, one request per co-operating one
      expect((await rows()).filter((r: { status: string }) => r.status === 'pending')).toEqual([]);

      // Outage one: the supervisor's digest of two submissions is due while the server is down.
      await h.smtp.stop();
      for (const [requestId, itemKey, value] of [
        ['s-1', 'indicator-1', 284.7],
        ['s-4', 'indicator-4', 12.8],
      ] as const) {
        await h.cycles.command(cycleId, ON_TIME, requestId, submitter(ON_TIME), {
          type: 'submit',
          itemKey,
          submission: { kind: 'indicator', value, dataSource: '人口抽样调查' },
        });
      }
      await sleepUntil(DAYS(1) + HOURS(4));
      const waiting = (await rows()).filter((r: { status: string }) => r.status === 'pending');
      expect(waiting).toEqual([
        expect.objectContaining({ event: 'submitted_for_review', recipient: address('supervisor', ON_TIME) }),
      ]);
      expect(waiting[0].attempts).toBeGreaterThan(5); // retried with backoff, hours long
      expect(waiting[0].error).toMatch(/ECONNREFUSED|connect/i);
      interrupted.push(waiting[0].id);
      await h.smtp.start();
      await sleepUntil(DAYS(1) + HOURS(6));
      expect((await rows()).filter((r: { status: string }) => r.status === 'pending')).toEqual([]);
      await h.cycles.bulkApprove(cycleId, ON_TIME, 'a-1', supervisor(ON_TIME), ['indicator-1', 'indicator-4']);

      // Outage two, across the first reminders to every department still owing (day 23 = 30 − 7).
      await sleepUntil(DAYS(23) - HOURS(1));
      await h.smtp.stop();
      await sleepUntil(DAYS(23) + HOURS(1));
      const stuck = (await rows()).filter((r: { status: string }) => r.status === 'pending');
      expect(stuck.length).toBeGreaterThanOrEqual(5); // one per department still owing, refused mailbox aside
      expect(new Set(stuck.map((r: { event: string }) => r.event))).toEqual(new Set(['reminder']));
      interrupted.push(...stuck.map((r: { id: string }) => r.id));
      await h.smtp.start();
      await sleepUntil(DAYS(41));
      expect((await h.env.client.workflow.getHandle(cycleId).describe()).status.name).toBe('COMPLETED');
    });

    // Counted on the server's side: each sent row arrived once, under its own Message-ID, and nothing else did.
    const all = await rows();
    const sent = all.filter((r: { status: string }) => r.status === 'sent');
    const ids = new Set(sent.map((r: { message_id: string }) => r.message_id));
    const arrived = h.smtp.received.filter((m) => ids.has(m.parsed.messageId ?? ''));
    expect(arrived).toHaveLength(sent.length);
    expect(new Set(arrived.map((m) => m.parsed.messageId)).size).toBe(sent.length);
    expect(all.filter((r: { status: string }) => r.status === 'pending')).toEqual([]);
    for (const id of interrupted) {
      const row = all.find((r: { id: string }) => r.id === id);
      expect(row.attempts).toBeGreaterThan(1);
      if (row.recipient === address('submitter', REFUSED)) continue; // refused once the server was back: below
      expect(row.status).toBe('sent');
      expect(arrived.filter((m) => m.parsed.messageId === row.message_id)).toHaveLength(1);
    }
    expect(arrived.filter((m) => m.parsed.subject?.includes('评估报告已生成'))).toHaveLength(1);
    // Every other message the server holds belongs to the notices of the test above.
    const [{ n: earlier }] = await h.db.dataSource.query(
      `SELECT count(*)::int AS n FROM notice WHERE cycle_id <> $1 AND status = 'sent'`,
      [cycleId],
    );
    expect(h.smtp.received).toHaveLength(sent.length + earlier);

    // The refused mailbox: every notice to it recorded as undeliverable for its department, with the server's
    // answer, and not tried again after it (once, unless it also waited out an outage).
    const refused = all.filter((r: { recipient: string }) => r.recipient === address('submitter', REFUSED));
    expect(refused.length).toBeGreaterThanOrEqual(4); // assignment, reminders, overdue notices
    for (const r of refused) {
      expect(r).toMatchObject({
        status: 'undeliverable',
        department: REFUSED,
        message_id: null,
        error: expect.stringMatching(/550/),
      });
      if (!interrupted.includes(r.id)) expect(r.attempts).toBe(1);
    }
    expect(received(address('submitter', REFUSED)).filter((m) => ids.has(m.parsed.messageId ?? ''))).toEqual([]);
    // Its supervisor is still told, through a mailbox that works.
    expect(
      sent.some(
        (r: { event: string; recipient: string }) =>
          r.event === 'escalate_supervisor' && r.recipient === address('supervisor', REFUSED),
      ),
    ).toBe(true);
  });
});
