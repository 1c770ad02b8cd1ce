/**
 * The basic public service items (专栏2) as the report counts them: per
 * service area (服务领域) how many items are delivered to standard, in part,
 * not at all, or not reported, and the area's 落实率. Pure: no I/O.
 *
 * The 落实率 is the share of an area's items delivered to standard
 * (implemented ÷ items in the area). An item delivered in part (部分落实) is
 * not counted as delivered: the rate says how much of the list meets its
 * national and provincial standard, and a part-delivered item does not;
 * it is counted and listed apart so the bureau sees it. Items not reported
 * stay in the denominator: an item nobody vouches for is not delivered.
 */
import type { ServiceImplementation } from '../cycle/submission';

export type ServiceStanding = ServiceImplementation | 'not_reported';

/** The order the report gives them in: delivered first, then what falls short, then what nobody reported. */
export const SERVICE_STANDINGS: ServiceStanding[] = ['implemented', 'partly', 'not_implemented', 'not_reported'];

export interface ServiceCounts {
  count: number;
  byStanding: Record<ServiceStanding, number>;
  /** implemented ÷ count, to four places; null for an area without items. */
  rate: number | null;
}

export interface ServiceItemSummary {
  /** One row per area, in the plan's order. */
  byArea: Array<{ area: string } & ServiceCounts>;
  overall: ServiceCounts;
}

/** An item as the rule needs it: its area, and its approved standing (null: nothing approved). */
export interface ServiceItemStanding {
  area: string;
  implementation: ServiceImplementation | null;
}

const rateOf = (implemented: number, count: number) =>
  count === 0 ? null : Math.round((implemented / count) * 10000) / 10000;

function countStandings(items: ServiceItemStanding[]): ServiceCounts {
  const byStanding = Object.fromEntries(SERVICE_STANDINGS.map((s) => [s, 0])) as Record<ServiceStanding, number>;
  for (const item of items) byStanding[item.implementation ?? 'not_reported'] += 1;
  return { count: items.length, byStanding, rate: rateOf(byStanding.implemented, items.length) };
}

/** `items` in the plan's order: areas are listed in the order they first appear, as the plan prints them. */
export function summarizeServiceItems(items: ServiceItemStanding[]): ServiceItemSummary {
  const areas = new Map<string, ServiceItemStanding[]>();
  for (const item of items) areas.set(item.area, [...(areas.get(item.area) ?? []), item]);
  return {
    byArea: [...areas].map(([area, inArea]) => ({ area, ...countStandings(inArea) })),
    overall: countStandings(items),
  };
}

/** Items the report lists one by one with their department's account: those not delivered to standard, worst first. */
export function serviceShortfalls<T extends ServiceItemStanding & { no: number }>(items: T[]): T[] {
  const rank = (s: ServiceImplementation | null) => (s === 'not_implemented' ? 0 : 1);
  return items
    .filter((i) => i.implementation === 'not_implemented' || i.implementation === 'partly')
    .sort((a, b) => rank(a.implementation) - rank(b.implementation) || a.no - b.no);
}
