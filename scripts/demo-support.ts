/** What the demo's scripts share: their log line, waiting, the simulated people and a cycle's report once written. */
import type { DataSource } from 'typeorm';
import type { Actor } from '@libs/cycle/department-state';

export const SECOND = 1000;

export const log = (msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: 'info', msg, ...extra }));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const actor = (role: 'submitter' | 'supervisor', department: string): Actor => ({
  id: `${role}@${department}.heyuan.example`,
  name: `${department} ${role}`,
  role,
  department,
});

/** The cycle's first report, once its close has written it. */
export async function waitForReport(ds: DataSource, cycleId: string): Promise<{ path: string; content_hash: string }> {
  for (;;) {
    const [report] = await ds.query(`SELECT path, content_hash FROM cycle_report WHERE cycle_id = $1`, [cycleId]);
    if (report) return report;
    await sleep(3 * SECOND);
  }
}
