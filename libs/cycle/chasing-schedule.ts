/**
 * When a department is chased, as a pure function of the policy and the
 * deadline in force. The workflow recomputes it whenever the deadline moves,
 * so extending a deadline moves every timer with it.
 */
import type { ChasingPolicy } from './cycle-definition';
import { durationMs } from './duration';

export type ChaseEvent = 'reminder' | 'overdue' | 'escalate_supervisor' | 'escalate_bureau';

export interface ChasePoint {
  at: number;
  event: ChaseEvent;
}

/** Every chase point between now-ish and the hard close, in time order. */
export function chasingSchedule(policy: ChasingPolicy, deadline: number, hardClose: number): ChasePoint[] {
  const points: ChasePoint[] = policy.remindBefore.map((d) => ({
    at: deadline - durationMs(d),
    event: 'reminder' as const,
  }));
  const every = durationMs(policy.overdueEvery);
  if (every <= 0) throw new RangeError('overdueEvery must be positive');
  for (let at = deadline + durationMs(policy.overdueAfter); at < hardClose; at += every)
    points.push({ at, event: 'overdue' });
  points.push({ at: deadline + durationMs(policy.escalateToSupervisorAfter), event: 'escalate_supervisor' });
  points.push({ at: deadline + durationMs(policy.escalateToBureauAfter), event: 'escalate_bureau' });
  return points.filter((p) => p.at < hardClose).sort((a, b) => a.at - b.at || a.event.localeCompare(b.event));
}

/** A stable key for a chase point, so one already sent is never sent again after a replay or an extension. */
export function chaseKey(p: ChasePoint): string {
  return `${p.event}@${p.at}`;
}
