/** Injection tokens of the API's infrastructure. */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const CYCLE_CLIENT = Symbol('CYCLE_CLIENT');
/** The report's review over Temporal (libs/temporal/review-client), on the cycles' task queue. */
export const REVIEW_CLIENT = Symbol('REVIEW_CLIENT');
/** Where the API writes the notices it sends itself (the bureau's resends): see libs/mail/notice-outbox. */
export const NOTICE_OUTBOX = Symbol('NOTICE_OUTBOX');
/** The time the API judges by (what is overdue): the system's; a test's follows its Temporal test server. */
export const CLOCK = Symbol('CLOCK');
export interface Clock {
  now(): Promise<number>;
}
export const systemClock: Clock = { now: async () => Date.now() };
