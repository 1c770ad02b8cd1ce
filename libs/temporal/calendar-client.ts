/**
 * Creates the Temporal Schedules of a plan's evaluation calendar. Creating
 * them again changes nothing: an existing schedule is left as it is.
 */
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import type { EvaluationCalendar } from '../cycle/calendar';
import { CYCLE_KINDS, type CycleKind } from '../cycle/cycle-definition';

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;
const TIMEZONE = 'Asia/Shanghai';

export function calendarScheduleId(planCode: string, kind: CycleKind): string {
  return `calendar/${planCode}/${kind}`;
}

export async function ensureEvaluationCalendar(
  client: Client,
  taskQueue: string,
  calendar: EvaluationCalendar,
): Promise<Record<CycleKind, 'created' | 'unchanged'>> {
  const at = (year: number | undefined, month: number, day: number) => ({
    ...(year !== undefined ? { year } : {}),
    month: MONTHS[month - 1],
    dayOfMonth: day,
    hour: 9,
  });
  const specs: Record<CycleKind, { calendars: Array<ReturnType<typeof at>>; startAt?: Date; endAt?: Date }> = {
    // Annual monitoring of year Y runs early in Y + 1, for every year of the plan.
    annual: {
      calendars: [at(undefined, calendar.annual.month, calendar.annual.day)],
      startAt: new Date(Date.UTC(calendar.firstYear + 1, 0, 1) - 8 * 3600_000),
      endAt: new Date(Date.UTC(calendar.lastYear + 2, 0, 1) - 8 * 3600_000),
    },
    midterm: { calendars: [at(calendar.midterm.year, calendar.midterm.date.month, calendar.midterm.date.day)] },
    final: { calendars: [at(calendar.final.year, calendar.final.date.month, calendar.final.date.day)] },
  };
  const result = {} as Record<CycleKind, 'created' | 'unchanged'>;
  for (const kind of CYCLE_KINDS) {
    try {
      await client.schedule.create({
        scheduleId: calendarScheduleId(calendar.planCode, kind),
        spec: { ...specs[kind], timezone: TIMEZONE },
        action: { type: 'startWorkflow', workflowType: 'scheduledCycleLaunch', taskQueue, args: [{ kind, calendar }] },
      });
      result[kind] = 'created';
    } catch (e) {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
      result[kind] = 'unchanged';
    }
  }
  return result;
}
