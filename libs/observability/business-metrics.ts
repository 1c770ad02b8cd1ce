/**
 * The evaluation's own figures as Prometheus gauges, computed when scraped
 * from what PostgreSQL holds (OperationsRepository), so every API replica
 * reports the same and nothing is lost with a restarted process: running
 * cycles, their items by state, what is overdue, the oldest submission
 * waiting for review, notices waiting or undeliverable, items whose
 * record an activity could not store, and steps stopped after their retries ran out. What is overdue follows the
 * dashboard's rule (libs/cycle/timeliness), not an SQL copy of it.
 */
import { Gauge, type Registry } from 'prom-client';
import { CYCLE_KINDS, type CycleKind } from '@libs/cycle/cycle-definition';
import { ITEM_STATUSES, OWED_BY_SUBMITTER, type ItemStatus } from '@libs/cycle/department-state';
import { isOverdue } from '@libs/cycle/timeliness';
import type { OperationsSnapshot } from '@libs/persistence/repositories/operations.repository';
import { sharedRead } from './metrics';

export interface BusinessFigures {
  runningCycles: Record<CycleKind, number>;
  itemsByStatus: Record<ItemStatus, number>;
  overdueItems: number;
  /** A department counts once in each running cycle in which it owes an overdue item. */
  overdueDepartments: number;
  /** 0 when nothing waits for review. */
  oldestUnansweredSubmissionSeconds: number;
  noticesPending: number;
  noticesUndeliverable: number;
  itemsNeedingAttention: number;
  /** Activity failures the retries could not overcome: steps stopped until the bureau retries them. */
  cycleProblems: number;
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The figures of a snapshot as of `now` (epoch milliseconds). */
export function businessFigures(snapshot: OperationsSnapshot, now: number): BusinessFigures {
  const runningCycles = zeroes(CYCLE_KINDS);
  for (const { kind, cycles } of snapshot.runningCycles) runningCycles[kind] = cycles;
  const itemsByStatus = zeroes(ITEM_STATUSES);
  let overdueItems = 0;
  const overdueDepartments = new Set<string>();
  for (const row of snapshot.items) {
    itemsByStatus[row.status] += row.items;
    if (isOverdue(OWED_BY_SUBMITTER.has(row.status), new Date(row.deadline).getTime(), now)) {
      overdueItems += row.items;
      overdueDepartments.add(`${row.cycleId}\n${row.department}`);
    }
  }
  const oldest = snapshot.oldestUnansweredSubmittedAt;
  return {
    runningCycles,
    itemsByStatus,
    overdueItems,
    overdueDepartments: overdueDepartments.size,
    oldestUnansweredSubmissionSeconds: oldest ? Math.max(0, (now - new Date(oldest).getTime()) / 1000) : 0,
    noticesPending: snapshot.noticesPending,
    noticesUndeliverable: snapshot.noticesUndeliverable,
    itemsNeedingAttention: snapshot.itemsNeedingAttention,
    cycleProblems: snapshot.cycleProblems,
  };
}

/** Every business gauge's name and help, for the dashboard's and alerts' tests to check against. */
export const BUSINESS_METRICS = {
  plan_eval_cycles_running: 'Running cycles, by kind',
  plan_eval_cycle_items: 'Items of running cycles, by state',
  plan_eval_overdue_items: 'Items of running cycles their submitters still owe past the deadline in force',
  plan_eval_overdue_departments: 'Departments owing overdue items, once per running cycle',
  plan_eval_oldest_unanswered_submission_seconds: 'Age of the oldest submission waiting for its supervisor’s review',
  plan_eval_notices_pending: 'Notices waiting in the outbox',
  plan_eval_notices_undeliverable: 'Notices of running cycles the mail server refused for good',
  plan_eval_items_needing_attention: 'Items of running cycles whose record PostgreSQL refused',
  plan_eval_cycle_problems:
    'Steps of running cycles stopped after their activity’s retries ran out, waiting for a retry',
} as const;

/**
 * Registers the gauges; each scrape reads the figures once, however many
 * gauges ask. Should the read fail (PostgreSQL away), they show no figure
 * (NaN, no labelled series) and the rest of the page is served.
 */
export function registerBusinessMetrics(registry: Registry, read: () => Promise<BusinessFigures>): void {
  const figures = sharedRead(read);
  const registers = [registry];
  const scalar = (name: keyof typeof BUSINESS_METRICS, pick: (f: BusinessFigures) => number) =>
    new Gauge({
      name,
      help: BUSINESS_METRICS[name],
      registers,
      async collect() {
        const f = await figures();
        this.set(f ? pick(f) : NaN);
      },
    });
  const labelled = <L extends string, K extends string>(
    name: keyof typeof BUSINESS_METRICS,
    label: L,
    pick: (f: BusinessFigures) => Record<K, number>,
  ) =>
    new Gauge({
      name,
      help: BUSINESS_METRICS[name],
      labelNames: [label],
      registers,
      async collect() {
        const f = await figures();
        this.reset();
        if (f)
          for (const [value, n] of Object.entries<number>(pick(f)))
            this.set({ [label]: value } as Record<L, string>, n);
      },
    });
  labelled('plan_eval_cycles_running', 'kind', (f) => f.runningCycles);
  labelled('plan_eval_cycle_items', 'status', (f) => f.itemsByStatus);
  scalar('plan_eval_overdue_items', (f) => f.overdueItems);
  scalar('plan_eval_overdue_departments', (f) => f.overdueDepartments);
  scalar('plan_eval_oldest_unanswered_submission_seconds', (f) => f.oldestUnansweredSubmissionSeconds);
  scalar('plan_eval_notices_pending', (f) => f.noticesPending);
  scalar('plan_eval_notices_undeliverable', (f) => f.noticesUndeliverable);
  scalar('plan_eval_items_needing_attention', (f) => f.itemsNeedingAttention);
  scalar('plan_eval_cycle_problems', (f) => f.cycleProblems);
}
