/**
 * The plan's evaluation calendar: annual monitoring every year (of the year
 * before), the mid-term and the final evaluation once each, all launched by
 * Temporal Schedules in Asia/Shanghai time. Pure: which cycle a launch at a
 * given instant stands for.
 */
import type { Localized } from '../plan/localized';
import {
  CYCLE_KIND_LABELS,
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

/** The years a launch of one kind may cover: earliest and latest first year, earliest and latest last year. */
export interface LaunchYears {
  fromYear: { min: number; max: number };
  toYear: { min: number; max: number };
}

/**
 * From the plan's calendar: annual monitoring covers one year of the plan; the
 * mid-term evaluation starts with the plan's first year and runs to the year
 * before it is held or to that year itself (the customary "data to year 2 or
 * 3"); the final evaluation covers the whole period.
 */
export function launchYears(kind: CycleKind, calendar: EvaluationCalendar): LaunchYears {
  const { firstYear, lastYear, midterm, final } = calendar;
  const only = (year: number) => ({ min: year, max: year });
  if (kind === 'annual')
    return { fromYear: { min: firstYear, max: lastYear }, toYear: { min: firstYear, max: lastYear } };
  if (kind === 'midterm')
    return { fromYear: only(midterm.fromYear), toYear: { min: midterm.toYear, max: midterm.year } };
  return { fromYear: only(final.fromYear), toYear: only(final.toYear) };
}

/**
 * The years a launch form proposes for a kind: annual monitoring of last year
 * (within the plan), the mid-term evaluation of the plan's first three years,
 * the final evaluation of the whole period.
 */
export function proposedYears(
  kind: CycleKind,
  calendar: EvaluationCalendar,
  currentYear: number,
): { fromYear: number; toYear: number } {
  const { fromYear, toYear } = launchYears(kind, calendar);
  if (kind !== 'annual') return { fromYear: fromYear.min, toYear: toYear.max };
  const year = Math.min(Math.max(currentYear - 1, fromYear.min), fromYear.max);
  return { fromYear: year, toYear: year };
}

/** A launch's year outside what its kind may cover in this plan, naming the request field. */
export type PeriodProblem = Localized & { field: 'fromYear' | 'toYear' };

/** Each year of a launch checked against the plan's calendar for its kind (none when both fit). */
export function periodProblems(
  d: Pick<CycleDefinition, 'kind' | 'fromYear' | 'toYear'>,
  calendar: EvaluationCalendar,
): PeriodProblem[] {
  const allowed = launchYears(d.kind, calendar);
  const kind = CYCLE_KIND_LABELS[d.kind];
  const { firstYear, lastYear } = calendar;
  const problems: PeriodProblem[] = [];
  for (const [field, zhName, enName] of [
    ['fromYear', '起始年份', 'first year'],
    ['toYear', '结束年份', 'last year'],
  ] as const) {
    const { min, max } = allowed[field];
    const year = d[field];
    if (year >= min && year <= max) continue;
    problems.push({
      field,
      zh: `${kind.zh}的${zhName}${min === max ? `应为${min}年` : `应在${min}–${max}年之间`}，而不是${year}年（规划期${firstYear}–${lastYear}年）`,
      en: `the ${kind.en}’s ${enName} ${min === max ? `must be ${min}` : `must lie between ${min} and ${max}`}, not ${year} (the plan covers ${firstYear}–${lastYear})`,
    });
  }
  return problems;
}
