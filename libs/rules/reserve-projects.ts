/**
 * The reserve projects (附件4) as the report counts them: each stands where
 * its unit's approved submission puts it (moved into the plan, preparatory
 * work under way, not started), or is counted apart as not reported, so that
 * the counts always add up to the plan's reserve list. Pure: no I/O.
 */
import type { ReserveStage } from '../cycle/submission';

export type ReserveStanding = ReserveStage | 'not_reported';

/** The order the report gives them in: what has moved furthest first. */
export const RESERVE_STANDINGS: ReserveStanding[] = ['moved_into_plan', 'preparing', 'not_started', 'not_reported'];

export interface ReserveCounts {
  /** Reserve projects in the plan, and those with an approved submission. */
  count: number;
  reported: number;
  byStanding: Record<ReserveStanding, number>;
}

/** `stages`: one per reserve project of the plan, null where nothing was approved. */
export function countReserveProjects(stages: Array<ReserveStage | null>): ReserveCounts {
  const byStanding = Object.fromEntries(RESERVE_STANDINGS.map((s) => [s, 0])) as Record<ReserveStanding, number>;
  for (const stage of stages) byStanding[stage ?? 'not_reported'] += 1;
  return { count: stages.length, reported: stages.length - byStanding.not_reported, byStanding };
}
