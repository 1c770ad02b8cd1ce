/**
 * The one place workflow code reads the time. Inside Temporal's sandbox `Date`
 * is the workflow task's time, recorded in history, so this is replay-safe;
 * keeping it here keeps the lint fence against wall-clock reads everywhere else.
 */
export function workflowNow(): number {
  // eslint-disable-next-line no-restricted-syntax -- deterministic in the workflow sandbox (see above)
  return Date.now();
}
