/**
 * The plan's evaluation calendar: annual monitoring every year (of the year
 * before), the mid-term and the final evaluation once each, all launched by
 * Temporal Schedules in Asia/Shanghai time. Pure: which cycle a launch at a
 * given instant stands for.
 */
import {
  DEFAULT_CHASING_POLICY,
  type ChasingPolicy,
  type CycleDefinition,
  type CycleKind,
  type ItemKind,
} from './cycle-definition';
import { durationMs } from './duration';

export interface CalendarDate {
  /** 1–12 */
  month: number;
  day: number;
}

export interface EvaluationCalendar {
  planCode: string;
  /** Years the plan covers: annual monitoring of each runs early in the next year. */
  firstYear: number;
  lastYear: number;
  annual: CalendarDate;
  midterm: { year: number; date: CalendarDate; fromYear: number; toYear: number };
  final: { year: number; date: CalendarDate; fromYear: number; toYear: number };
  /** From the launch: when submissions are due, when the cycle closes regardless. */
  deadlineAfter: string;
  hardCloseAfter: string;
  policy: ChasingPolicy;
  itemKinds: ItemKind[];
  requireBureauAcceptance: boolean;
  groupResolution: Record<string, string[]>;
}

export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * A plan's calendar from its years: annual monitoring each March; the mid-term
 * evaluation in July of its third year, of the first two; the final evaluation
 * in June after its last year, of all five (2021–2025: 2023 of 2021–2022, 2026).
 */
export function planCalendar(
  plan: { code: string; startYear: number; endYear: number },
  groupResolution: Record<string, string[]> = {},
): EvaluationCalendar {
  return {
    planCode: plan.code,
    firstYear: plan.startYear,
    lastYear: plan.endYear,
    annual: { month: 3, day: 1 },
    midterm: {
      year: plan.startYear + 2,
      date: { month: 7, day: 1 },
      fromYear: plan.startYear,
      toYear: plan.startYear + 1,
    },
    final: { year: plan.endYear + 1, date: { month: 6, day: 1 }, fromYear: plan.startYear, toYear: plan.endYear },
    deadlineAfter: '60 days',
    hardCloseAfter: '120 days',
    policy: DEFAULT_CHASING_POLICY,
    itemKinds: ['indicator', 'task', 'project'],
    requireBureauAcceptance: false,
    groupResolution,
  };
}

/** The cycle a scheduled launch of `kind` at `launchedAt` (epoch ms) stands for. */
export function cycleForLaunch(kind: CycleKind, calendar: EvaluationCalendar, launchedAt: number): CycleDefinition {
  const shanghaiYear = new Date(launchedAt + SHANGHAI_OFFSET_MS).getUTCFullYear();
  const [fromYear, toYear] =
    kind === 'annual'
      ? [shanghaiYear - 1, shanghaiYear - 1]
      : kind === 'midterm'
        ? [calendar.midterm.fromYear, calendar.midterm.toYear]
        : [calendar.final.fromYear, calendar.final.toYear];
  return {
    planCode: calendar.planCode,
    kind,
    fromYear,
    toYear,
    deadline: new Date(launchedAt + durationMs(calendar.deadlineAfter)).toISOString(),
    hardClose: new Date(launchedAt + durationMs(calendar.hardCloseAfter)).toISOString(),
    policy: calendar.policy,
    itemKinds: calendar.itemKinds,
    requireBureauAcceptance: calendar.requireBureauAcceptance,
    groupResolution: calendar.groupResolution,
  };
}
