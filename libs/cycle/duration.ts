/** Durations as a policy writes them ('7 days', '90s', '36 hours'), parsed by `ms` as Temporal itself does. */
import ms, { type StringValue } from 'ms';

export function parseDuration(text: string): number | null {
  const value = typeof text === 'string' ? ms(text as StringValue) : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

export function durationMs(text: string): number {
  const value = parseDuration(text);
  if (value === null) throw new RangeError(`not a duration: "${text}" (write e.g. '7 days', '90s', '36 hours')`);
  return value;
}
