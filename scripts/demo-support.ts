/** What the demo's scripts share: their log line, waiting, the simulated people and a cycle's report once written. */
import type { DataSource } from 'typeorm';
import type { Actor } from '@libs/cycle/department-state';
import type { WorkItemSpec } from '@libs/cycle/submission';
import type { CycleReport } from '@libs/persistence/entities';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import type { CycleClient } from '@libs/temporal/cycle-client';

export const SECOND = 1000;

export const log = (msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: 'info', msg, ...extra }));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The demo's people act under their role's name; the history adds their unit (填报人（市教育局）). */
export const actor = (role: 'submitter' | 'supervisor', department: string): Actor => ({
  id: `${role}@${department}.heyuan.example`,
  name: role === 'submitter' ? '填报人' : '审核人',
  role,
  department,
});

/** The cycle's first report, once its close has written it. */
export async function waitForReport(ds: DataSource, cycleId: string): Promise<CycleReport> {
  for (;;) {
    const [report] = await new CycleRepository(ds).reports(cycleId);
    if (report) return report;
    await sleep(3 * SECOND);
  }
}

/** The cycle's items' specifications by lead department. */
export async function itemsByDepartment(ds: DataSource, cycleId: string): Promise<Map<string, WorkItemSpec[]>> {
  const byDept = new Map<string, WorkItemSpec[]>();
  for (const spec of await new CycleItemRepository(ds).specs(cycleId))
    byDept.set(spec.leadDepartment, [...(byDept.get(spec.leadDepartment) ?? []), spec]);
  return byDept;
}

/** Until every department's workflow has started: the cycle starts them in batches after the launch returns. */
export async function waitForDepartments(cycles: CycleClient, cycleId: string, departments: number): Promise<void> {
  for (;;) {
    // The cycle's own workflow answers queries once its first task has run, and names its departments once it has read them.
    const live = await cycles.liveStatus(cycleId).catch(() => null);
    const running = live?.departments.filter((d) => d.phase === 'running').length ?? 0;
    if (running >= departments) return;
    await sleep(SECOND);
  }
}
