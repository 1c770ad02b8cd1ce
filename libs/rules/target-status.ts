/**
 * A main target (附件2) is judged by the indicators that measure it: it is as
 * far along as the least advanced of them. An indicator without data keeps a
 * target from being called achieved, but a measure already behind says more
 * than a missing one, so lagging and slightly behind rank below no data.
 */
import type { ProgressStatus } from './progress';

/** From least to most advanced. */
const RANK: readonly ProgressStatus[] = [
  'lagging',
  'slightly_behind',
  'no_data',
  'on_track',
  'requirement_met',
  'achieved',
];

/** The target's status; null when no indicator measures it (the report says so rather than guessing). */
export function judgeTarget(indicatorStatuses: readonly ProgressStatus[]): ProgressStatus | null {
  if (indicatorStatuses.length === 0) return null;
  return indicatorStatuses.reduce((worst, s) => (RANK.indexOf(s) < RANK.indexOf(worst) ? s : worst));
}
