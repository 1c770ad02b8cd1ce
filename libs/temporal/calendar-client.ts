/**
 * The Temporal Schedules of a plan's evaluation calendar: created, brought in
 * line with the plan's calendar when it changed, described (state, next and
 * recent launches), paused and resumed. Creating them again changes nothing.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  isGrpcServiceError,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  type CalendarSpec,
  type CalendarSpecDescription,
  type Client,
  type ScheduleDescription,
} from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { readPlan } from '../catalog/catalog-read';
import { GRPC_UNIMPLEMENTED } from './grpc-status';
import { cycleForLaunch, planCalendar, type EvaluationCalendar } from '../cycle/calendar';
import { CatalogRepository } from '../persistence/repositories/catalog.repository';
import { CYCLE_KINDS, cycleWorkflowId, type CycleKind } from '../cycle/cycle-definition';

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
const LAUNCH_WORKFLOW = 'scheduledCycleLaunch';
/** The calendar fields the specs below set; the others keep Temporal's defaults (second 0, minute 0, any weekday). */
const SPEC_FIELDS = ['year', 'month', 'dayOfMonth', 'hour'] as const;

export type CalendarChange = 'created' | 'unchanged' | 'updated';
export type CalendarScheduleState = 'absent' | 'active' | 'paused';

export interface CalendarLaunch {
  scheduledAt: Date;
  takenAt: Date;
  /** The `scheduledCycleLaunch` run the schedule started. */
  launchWorkflowId: string;
  /** The cycle that launch stands for (it starts it unless it already ran). */
  cycleId: string;
}

export interface CalendarSchedule {
  kind: CycleKind;
  scheduleId: string;
  state: CalendarScheduleState;
  /** Why it was last paused or resumed, as the bureau wrote it. */
  note: string | null;
  nextLaunches: Date[];
  recentLaunches: CalendarLaunch[];
}

/**
 * Whether the Temporal server has no Schedules (the SDK's time-skipping test
 * server): the calendar cannot be kept there. The schedule client wraps the
 * gRPC error in a ServiceError, so its cause is looked at too.
 */
export function schedulesUnsupported(e: unknown): boolean {
  return [e, (e as { cause?: unknown } | null)?.cause].some(
    (x) => isGrpcServiceError(x) && x.code === GRPC_UNIMPLEMENTED,
  );
}

export function calendarScheduleId(planCode: string, kind: CycleKind): string {
  return `calendar/${planCode}/${kind}`;
}

/** The calendar of a plan in the database, from its period (the only plan when no code is given). */
export async function storedPlanCalendar(ds: DataSource, planCode?: string): Promise<EvaluationCalendar> {
  return planCalendar((await readPlan(new CatalogRepository(ds), planCode)).file.plan);
}

interface CalendarScheduleSpec {
  calendars: CalendarSpec[];
  startAt?: Date;
  endAt?: Date;
  timezone: string;
}

/** What each kind's schedule should be for this calendar: every launch at 09:00 Shanghai time. */
function scheduleSpec(kind: CycleKind, calendar: EvaluationCalendar): CalendarScheduleSpec {
  const at = (year: number | undefined, month: number, day: number): CalendarSpec => ({
    ...(year !== undefined ? { year } : {}),
    month: MONTHS[month - 1],
    dayOfMonth: day,
    hour: 9,
  });
  if (kind === 'annual')
    // Annual monitoring of year Y runs early in Y + 1, for every year of the plan.
    return {
      calendars: [at(undefined, calendar.annual.month, calendar.annual.day)],
      startAt: new Date(Date.UTC(calendar.firstYear + 1, 0, 1) - 8 * 3600_000),
      endAt: new Date(Date.UTC(calendar.lastYear + 2, 0, 1) - 8 * 3600_000),
      timezone: TIMEZONE,
    };
  const { year, date } = calendar[kind];
  return { calendars: [at(year, date.month, date.day)], timezone: TIMEZONE };
}

function launchAction(kind: CycleKind, calendar: EvaluationCalendar, taskQueue: string) {
  return { type: 'startWorkflow' as const, workflowType: LAUNCH_WORKFLOW, taskQueue, args: [{ kind, calendar }] };
}

/** A calendar spec as the server describes it, reduced to the fields the specs set. */
function describedFields(c: CalendarSpec | CalendarSpecDescription): Record<string, unknown> {
  const ranges = (v: unknown) =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((r) =>
      typeof r === 'object' && r !== null ? r : { start: r, end: r, step: 1 },
    );
  return Object.fromEntries(SPEC_FIELDS.map((f) => [f, ranges(c[f])]));
}

/** Whether the schedule already does what this calendar asks: same days, bounds, zone, task queue and launch input. */
function matches(d: ScheduleDescription, spec: CalendarScheduleSpec, action: ReturnType<typeof launchAction>): boolean {
  const described = d.action.type === 'startWorkflow' ? d.action : null;
  return (
    described !== null &&
    described.workflowType === action.workflowType &&
    described.taskQueue === action.taskQueue &&
    isDeepStrictEqual(described.args, action.args) &&
    d.spec.timezone === spec.timezone &&
    d.spec.startAt?.getTime() === spec.startAt?.getTime() &&
    d.spec.endAt?.getTime() === spec.endAt?.getTime() &&
    isDeepStrictEqual((d.spec.calendars ?? []).map(describedFields), spec.calendars.map(describedFields))
  );
}

/**
 * Each kind's schedule created if absent, updated if it differs from the
 * calendar (the plan's period changed, or the task queue), otherwise left
 * alone; a paused schedule stays paused.
 */
export async function ensureEvaluationCalendar(
  client: Client,
  taskQueue: string,
  calendar: EvaluationCalendar,
): Promise<Record<CycleKind, CalendarChange>> {
  const result = {} as Record<CycleKind, CalendarChange>;
  for (const kind of CYCLE_KINDS) {
    const scheduleId = calendarScheduleId(calendar.planCode, kind);
    const spec = scheduleSpec(kind, calendar);
    const action = launchAction(kind, calendar, taskQueue);
    try {
      await client.schedule.create({ scheduleId, spec, action });
      result[kind] = 'created';
    } catch (e) {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
      const handle = client.schedule.getHandle(scheduleId);
      if (matches(await handle.describe(), spec, action)) {
        result[kind] = 'unchanged';
        continue;
      }
      await handle.update((previous) => ({ ...previous, spec, action }));
      result[kind] = 'updated';
    }
  }
  return result;
}

/** Each kind's schedule as Temporal holds it: absent, or its state with the next launches and the recent ones. */
export async function describeEvaluationCalendar(client: Client, planCode: string): Promise<CalendarSchedule[]> {
  return Promise.all(
    CYCLE_KINDS.map(async (kind): Promise<CalendarSchedule> => {
      const scheduleId = calendarScheduleId(planCode, kind);
      let d: ScheduleDescription;
      try {
        d = await client.schedule.getHandle(scheduleId).describe();
      } catch (e) {
        if (!(e instanceof ScheduleNotFoundError)) throw e;
        return { kind, scheduleId, state: 'absent', note: null, nextLaunches: [], recentLaunches: [] };
      }
      // The calendar the schedule launches with: the cycle a past launch stood for follows from it and the launch time.
      const launchInput = d.action.type === 'startWorkflow' ? d.action.args?.[0] : undefined;
      const calendar = (launchInput as { calendar?: EvaluationCalendar } | undefined)?.calendar ?? null;
      return {
        kind,
        scheduleId,
        state: d.state.paused ? 'paused' : 'active',
        note: d.state.note || null,
        nextLaunches: d.info.nextActionTimes,
        recentLaunches: d.info.recentActions.map((a) => ({
          scheduledAt: a.scheduledAt,
          takenAt: a.takenAt,
          launchWorkflowId: a.action.workflow.workflowId,
          cycleId: calendar ? cycleWorkflowId(cycleForLaunch(kind, calendar, a.takenAt.getTime())) : '',
        })),
      };
    }),
  );
}

/**
 * Pauses or resumes the plan's schedules (one kind, or all present), with the
 * bureau's reason as the schedule's note. Answers the kinds changed; an
 * absent schedule is skipped.
 */
export async function setEvaluationCalendarPaused(
  client: Client,
  planCode: string,
  paused: boolean,
  note: string,
  kinds: readonly CycleKind[] = CYCLE_KINDS,
): Promise<CycleKind[]> {
  const changed: CycleKind[] = [];
  for (const kind of kinds) {
    const handle = client.schedule.getHandle(calendarScheduleId(planCode, kind));
    try {
      await (paused ? handle.pause(note) : handle.unpause(note));
      changed.push(kind);
    } catch (e) {
      if (!(e instanceof ScheduleNotFoundError)) throw e;
    }
  }
  return changed;
}
