/**
 * A department's timeliness in a collection: the one rule behind the
 * department run's outcome (and so the report) and the bureau's dashboard.
 * Each item counts by its first submission (a resubmission after a return does
 * not make a department late), judged against the deadline in force for the
 * department: its own, once extended, not the cycle's.
 */
export const TIMELINESSES = ['on_time', 'late', 'missing'] as const;
export type Timeliness = (typeof TIMELINESSES)[number];

/** While the collection runs, a department still owing items before its deadline is not yet judged. */
export const TIMELINESSES_SO_FAR = [...TIMELINESSES, 'pending'] as const;
export type TimelinessSoFar = (typeof TIMELINESSES_SO_FAR)[number];

/**
 * On time: every item first submitted at or before the deadline; late: every
 * item submitted, some after it; missing: some item never submitted once the
 * deadline has passed (at `asOf`, or the collection is closed); pending before.
 */
export function timeliness(
  firstSubmittedAt: ReadonlyArray<number | null>,
  deadline: number,
  asOf: 'closed',
): Timeliness;
export function timeliness(
  firstSubmittedAt: ReadonlyArray<number | null>,
  deadline: number,
  asOf: number | 'closed',
): TimelinessSoFar;
export function timeliness(
  firstSubmittedAt: ReadonlyArray<number | null>,
  deadline: number,
  asOf: number | 'closed',
): TimelinessSoFar {
  if (firstSubmittedAt.some((at) => at === null)) return deadlinePassed(deadline, asOf) ? 'missing' : 'pending';
  return firstSubmittedAt.every((at) => at! <= deadline) ? 'on_time' : 'late';
}

/**
 * Overdue: an item its submitter still owes (never submitted, or returned and
 * not submitted again) once the deadline in force has passed, or the collection
 * has closed: the same moment a department owing it turns `missing`.
 */
export function isOverdue(owedBySubmitter: boolean, deadline: number, asOf: number | 'closed'): boolean {
  return owedBySubmitter && deadlinePassed(deadline, asOf);
}

/** Strictly after the deadline: an item submitted at the deadline itself is on time. */
const deadlinePassed = (deadline: number, asOf: number | 'closed') => asOf === 'closed' || asOf > deadline;

/** How a department's timeliness reads to people: 部分未报 sets one that owes items apart from one that sent nothing. */
export type TimelinessShown = TimelinessSoFar | 'partly_missing';

/** `submitted`: how many of the department's items have been submitted at least once. */
export function timelinessShown(t: TimelinessSoFar, submitted: number): TimelinessShown {
  return t === 'missing' && submitted > 0 ? 'partly_missing' : t;
}
