/**
 * What a whole cycle at scale leaves behind, read once it has closed (issue 22
 * goal 3, issue 20 §5): each workflow type's largest history, against the
 * server's limits, and the application database's size. The run itself (launch,
 * submissions, approvals, close and report) is the memory run's (bench/run.ts).
 */
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DatabaseProbe } from '@libs/persistence/repositories/database-probe';
import { mib } from './figures';

/**
 * The Temporal server's per-workflow limits, as shipped (dynamic config
 * `limit.historyCount.error`, `limit.historySize.error`): a run that reaches
 * either is terminated, so the largest history of each type is read against them.
 */
export const HISTORY_LIMITS = { events: 51_200, bytes: 50 * 1024 * 1024 };

export interface LargestHistory {
  workflowType: string;
  /** Runs of this type (each continue-as-new is one). */
  runs: number;
  /** The longest run's events, and the largest run's size. */
  events: number;
  eventsWorkflowId: string;
  bytes: number;
  bytesWorkflowId: string;
  /** The larger share of either limit reached, in %. */
  ofLimitPercent: number;
}

/** Each workflow type's longest and largest run on the server, closed runs included (the visibility store's figures). */
export async function largestHistories(client: Client): Promise<LargestHistory[]> {
  const byType = new Map<string, LargestHistory>();
  for await (const run of client.workflow.list()) {
    const size = run.historySize ?? 0;
    const seen = byType.get(run.type) ?? {
      workflowType: run.type,
      runs: 0,
      events: 0,
      eventsWorkflowId: '',
      bytes: 0,
      bytesWorkflowId: '',
      ofLimitPercent: 0,
    };
    seen.runs += 1;
    if (run.historyLength > seen.events)
      Object.assign(seen, { events: run.historyLength, eventsWorkflowId: run.workflowId });
    if (size > seen.bytes) Object.assign(seen, { bytes: size, bytesWorkflowId: run.workflowId });
    byType.set(run.type, seen);
  }
  return [...byType.values()]
    .map((h) => ({
      ...h,
      ofLimitPercent: Math.round(100 * Math.max(h.events / HISTORY_LIMITS.events, h.bytes / HISTORY_LIMITS.bytes)),
    }))
    .sort((a, b) => b.ofLimitPercent - a.ofLimitPercent);
}

/** The application database's size on disk, in MiB, and its largest tables' (data and indexes). */
export async function databaseSize(
  ds: DataSource,
): Promise<{ mib: number; tables: Array<{ table: string; mib: number }> }> {
  const { bytes, tables } = await new DatabaseProbe(ds).size();
  return { mib: mib(bytes), tables: tables.map((t) => ({ table: t.table, mib: mib(t.bytes) })) };
}
