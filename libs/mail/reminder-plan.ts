/**
 * What the bureau's 立即催办 (remind now) does, told back to it: which
 * departments' submitters are reminded (the contact, or the delegate in
 * force), of how many items, and when the mail leaves. A department's run
 * sends the reminder at once, or with the digest it is gathering (within the
 * cycle's digest window), and never before the department's assignment.
 */
import type { DataSource } from 'typeorm';
import { recipientFor } from '../catalog/delegations';
import { CatalogRepository } from '../persistence/repositories/catalog.repository';
import { OutboxRepository } from '../persistence/repositories/outbox.repository';
import type { Localized } from '../plan/localized';

export interface PlannedReminder {
  department: string;
  departmentName: string;
  departmentNameEn: string;
  /** Who receives it; null when the department has no submitter (the reminder cannot be sent). */
  recipient: { name: string; email: string } | null;
  /** Items the submitter still owes: the reminder lists them. */
  items: number;
  /** Its assignment has not gone yet: the reminder follows it. */
  afterAssignment: boolean;
}

/** The cycle's departments (or the one named) that owe items, each with the submitter reminded now. */
export async function plannedReminders(
  ds: DataSource,
  cycleId: string,
  department: string | undefined,
  now: number,
): Promise<{ reminders: PlannedReminder[]; departments: number }> {
  const rows = await new OutboxRepository(ds).reminderTargets(cycleId, department);
  const catalog = new CatalogRepository(ds);
  const reminders = await Promise.all(
    rows
      .filter((r) => r.owed > 0)
      .map(async (r): Promise<PlannedReminder> => {
        const to = (await recipientFor(catalog, r.department, 'submitter', now))?.to;
        return {
          department: r.department,
          departmentName: r.departmentName ?? r.department,
          departmentNameEn: r.departmentNameEn ?? r.department,
          recipient: to ? { name: to.name, email: to.email } : null,
          items: r.owed,
          afterAssignment: r.beforeAssignment,
        };
      }),
  );
  return { reminders, departments: rows.length };
}

const CLOCK = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const CLOCK_EN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The answer in words: who is reminded, of how much, and by when the mail has
 * left (Beijing time); the departments with nothing owed are not reminded.
 * Three departments are named; more are counted.
 */
export function remindAnswer(plan: { reminders: PlannedReminder[]; departments: number }, leavesBy: number): Localized {
  const { reminders, departments } = plan;
  if (reminders.length === 0)
    return {
      zh: departments === 1 ? '该部门没有待填报的事项，未发送催办。' : '没有部门有待填报的事项，未发送催办。',
      en:
        departments === 1
          ? 'The department owes nothing, so no reminder was sent.'
          : 'No department owes anything, so no reminder was sent.',
    };
  const named = reminders.slice(0, 3);
  const more = reminders.length - named.length;
  const who = {
    zh: named
      .map(
        (r) =>
          `${r.departmentName}${r.recipient ? `填报人${r.recipient.name}（${r.recipient.email}）` : '（无填报人）'}${r.items}项`,
      )
      .join('、'),
    en: named
      .map(
        (r) =>
          `${r.departmentNameEn}'s submitter ${r.recipient ? `${r.recipient.name} <${r.recipient.email}>` : '(none on record)'}, ${r.items} item${r.items === 1 ? '' : 's'}`,
      )
      .join('; '),
  };
  const others =
    more > 0 ? { zh: `等${reminders.length}个部门`, en: ` and ${more} more department${more === 1 ? '' : 's'}` } : null;
  const waiting = reminders.filter((r) => r.afterAssignment).length;
  const skipped = departments - reminders.length;
  return {
    zh:
      `已催办：${who.zh}${others?.zh ?? ''}。邮件立即发出，最迟于${CLOCK.format(leavesBy)}（北京时间）前随该部门正在汇总的通知一并发出` +
      (waiting ? `；${waiting}个部门的填报任务通知尚未发出，催办在其后发出` : '') +
      `。${skipped > 0 ? `${skipped}个部门没有待填报的事项，未催办。` : ''}`,
    en:
      `Reminded: ${who.en}${others?.en ?? ''}. The mail leaves now, or with the notices its department is gathering, by ${CLOCK_EN.format(leavesBy)} Beijing time` +
      (waiting
        ? `; ${waiting === 1 ? '1 department still awaits its' : `${waiting} departments still await their`} assignment notice, which goes first`
        : '') +
      `.${skipped > 0 ? ` ${skipped} department${skipped === 1 ? '' : 's'} owe nothing and were not reminded.` : ''}`,
  };
}
