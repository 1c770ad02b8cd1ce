import { ACTIVITY_RETRIES, boundedTo, retrySpanMs } from './cycle-problem';

const HOUR = 3_600_000;

describe('retrySpanMs: how long each activity class retries before the step stops', () => {
  it.each([
    // 5 + 10 + … + 320 s, then every 10 minutes.
    ['records', ACTIVITY_RETRIES.records, 635_000 + 142 * 600_000, [23 * HOUR, 25 * HOUR]],
    ['notices', ACTIVITY_RETRIES.notices, 635_000 + 142 * 600_000, [23 * HOUR, 25 * HOUR]],
    ['report', ACTIVITY_RETRIES.report, 635_000 + 16 * 600_000, [2.5 * HOUR, 3.5 * HOUR]],
    ['one attempt', boundedTo(ACTIVITY_RETRIES.report, 1), 0, [0, 0]],
    ['three attempts', boundedTo(ACTIVITY_RETRIES.records, 3), 15_000, [0, HOUR]],
  ] as const)('%s', (_, policy, span, [min, max]) => {
    expect(retrySpanMs(policy)).toBe(span);
    expect(span).toBeGreaterThanOrEqual(min);
    expect(span).toBeLessThanOrEqual(max);
  });

  it('keeps the policy when no bound is given', () => {
    expect(boundedTo(ACTIVITY_RETRIES.notices, undefined)).toBe(ACTIVITY_RETRIES.notices);
  });
});
