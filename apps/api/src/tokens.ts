/** Injection tokens of the API's infrastructure. */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const CYCLE_CLIENT = Symbol('CYCLE_CLIENT');
/** Where the API writes the notices it sends itself (the bureau's resends): see libs/mail/notice-outbox. */
export const NOTICE_OUTBOX = Symbol('NOTICE_OUTBOX');
