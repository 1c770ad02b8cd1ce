/**
 * One measurement of the report benchmark, run in a child process of its own
 * so its peak memory is its own: a plan of N indicators (with N/4 tasks and
 * N/4 planned projects), every item approved, two earlier annual values per
 * indicator; times buildCycleReport and writeReportFiles (JSON, Excel, Word,
 * HTML) and prints one JSON line.
 *   node --expose-gc bin/ts-run.js bench/report-compile.ts <indicators> <out-dir>
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CycleDefinition } from '@libs/cycle/cycle-definition';
import { planCycle } from '@libs/cycle/cycle-planning';
import { plausibleSubmission } from '@libs/cycle/plausible-submission';
import { validatePlan } from '@libs/plan/plan-validation';
import { buildCycleReport, type ApprovedSubmission } from '@libs/report/cycle-report';
import { writeReportFiles } from '@libs/report/report-files';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { syntheticPlan } from '../tools/synthetic-plan';
import { mib } from './figures';

export interface ReportCompileResult {
  indicators: number;
  tasks: number;
  projects: number;
  buildMs: number;
  writeMs: number;
  totalMs: number;
  /**
   * CPU time of the whole process during the compile (every thread: the main one, and libuv's pool where the
   * charts are rasterised and deflated), and the cores it ran on: no run can take less wall time than
   * cpuMs ÷ cores, however its work is spread.
   */
  cpuMs: number;
  cores: number;
  /**
   * The main thread's busy time (its event loop not waiting): the documents are written there, one after the
   * other, so no number of cores takes the compile below it.
   */
  mainThreadMs: number;
  /** Resident memory after the input was made (before compiling), and the process's peak, in MiB. */
  rssBeforeMiB: number;
  peakRssMiB: number;
  bytesWritten: Record<string, number>;
}

async function main(): Promise<void> {
  const indicators = Number(process.argv[2]);
  const outDir = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'plan-eval-bench-report-'));
  const side = Math.max(1, Math.round(indicators / 4));
  const plan = validatePlan(
    syntheticPlan({ code: `bench-report-${indicators}`, indicators, tasks: side, projects: side, departments: 200 }),
  );
  const definition: CycleDefinition = {
    planCode: plan.file.plan.code,
    kind: 'midterm',
    fromYear: 2021,
    toYear: 2023,
    deadline: '2024-03-31T00:00:00Z',
    hardClose: '2024-04-30T00:00:00Z',
    policy: {
      remindBefore: [],
      overdueAfter: '1 day',
      overdueEvery: '3 days',
      escalateToSupervisorAfter: '3 days',
      escalateToBureauAfter: '7 days',
      reviewReminderAfter: '3 days',
      reviewReminderEvery: '3 days',
    },
    itemKinds: ['indicator', 'task', 'project'],
    requireBureauAcceptance: false,
    groupResolution: {},
  };
  const contacts = plan.file.departments.map((d) => ({
    code: d.code,
    name: d.name,
    submitterEmail: d.submitter.email,
    supervisorEmail: d.supervisor.email,
  }));
  const planned = planCycle(plan, definition, contacts);
  if (!planned.ok) throw new Error(planned.gaps.map((g) => g.en).join('; '));
  const approved: ApprovedSubmission[] = planned.items.map((spec) => ({
    itemKey: spec.key,
    version: 1,
    payload: plausibleSubmission(spec),
    submittedBy: `submitter@${spec.leadDepartment}`,
    approvedBy: `supervisor@${spec.leadDepartment}`,
  }));
  const priorAnnual = approved.flatMap(({ payload }, i) =>
    payload.kind === 'indicator'
      ? [2021, 2022].map((year) => ({ indicator: planned.items[i].no, year, value: payload.value }))
      : [],
  );
  const departments = [...new Set(planned.items.map((i) => i.leadDepartment))];
  const outcomes = departments.map((department) => {
    const total = planned.items.filter((i) => i.leadDepartment === department).length;
    return { department, total, done: total, timeliness: 'on_time' as const, cancelled: false };
  });

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const loop0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  const { figures, contentHash } = buildCycleReport({
    cycle: { id: `cycle/${definition.planCode}/midterm/2021-2023`, kind: 'midterm', fromYear: 2021, toYear: 2023 },
    plan,
    approved,
    priorAnnual,
    outcomes,
    thresholds: THRESHOLD_PRESETS.time_elapsed,
  });
  const t1 = performance.now();
  // The files only: the answer also carries the text's hash.
  const { json, xlsx, docx, html, en } = await writeReportFiles(outDir, 1, figures, contentHash, {
    issuer: { zh: '市统计局', en: 'Municipal Bureau of Statistics' },
    issuedAt: new Date(),
    stage: 'draft',
  });
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const loop = performance.eventLoopUtilization(loop0);
  const result: ReportCompileResult = {
    indicators,
    tasks: side,
    projects: side,
    buildMs: Math.round(t1 - t0),
    writeMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    cores: availableParallelism(),
    mainThreadMs: Math.round(loop.active),
    rssBeforeMiB: mib(rssBefore),
    // maxRSS is in kilobytes.
    peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    bytesWritten: fileSizes({ json, xlsx, docx, html, en }),
  };
  if (!process.argv[3]) rmSync(outDir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify(result) + '\n');
}

/** Sizes of every file named in writeReportFiles' answer, however it nests them (renditions per locale). */
function fileSizes(files: object, prefix = ''): Record<string, number> {
  return Object.fromEntries(
    Object.entries(files).flatMap(([key, value]): Array<[string, number]> =>
      typeof value === 'string'
        ? [[prefix + key, statSync(value).size]]
        : Object.entries(fileSizes(value as object, `${prefix}${key}.`)),
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
