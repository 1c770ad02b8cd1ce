/** Injection tokens of the API's infrastructure. */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const CYCLE_CLIENT = Symbol('CYCLE_CLIENT');
