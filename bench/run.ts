/**
 * The benchmarks of issue 8, in one run on one Temporal server at a time (the
 * dev server, the two-node cluster on PostgreSQL, or each in turn: --servers,
 * then side by side against issue 20's goals) and one
 * worker process (the real apps/worker, with a prebuilt bundle holding the
 * production workflows and the bare baseline) and one mail relay process,
 * against a throw-away PostgreSQL database and a counting SMTP server:
 *
 * - fan-out: launch → every item of an N-item cycle assigned and its
 *   department notified (one assignment mail per department received by SMTP),
 *   against a bare parent starting as many no-op children in the same batches;
 * - report: buildCycleReport + writeReportFiles for N indicators, each size in
 *   a child process of its own (time and peak RSS), beside an earlier commit's
 *   report in a worktree (bench/report-bench.ts);
 * - worker memory: the worker's RSS sampled through a whole N-item cycle
 *   (fan-out, every item submitted and approved, close and report);
 * - submissions: every item of an N-item cycle submitted through the HTTP API
 *   under concurrent load, against a bare no-op Temporal Update round trip at
 *   the same concurrency, the departments' first commands apart, beside an
 *   earlier commit's API and worker in a worktree (bench/submissions.ts);
 * - portal: the web portal's cold load at 4 Mbit/s in Chromium and its entry
 *   script's size, this checkout against an earlier commit's build (bench/portal-load.ts).
 *
 *   npm run bench -- [--sizes 1000,10000] [--report-sizes 100,1000,10000] [--memory-size 10000] [--submissions 1000 --concurrency 16] [--only fanout,report,memory,submissions,portal] [--servers dev,cluster] [--portal-baseline <commit>] [--report-baseline <commit> | --no-report-baseline] [--submissions-baseline <commit> | --no-submissions-baseline]
 *
 * Prints a table and writes bench/results/<timestamp>.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Command } from 'commander';
import { importPlan } from '@libs/catalog/catalog-import';
import { DEFAULT_CHASING_POLICY, departmentWorkflowId, type CycleDefinition } from '@libs/cycle/cycle-definition';
import type { Actor } from '@libs/cycle/department-state';
import { plausibleSubmission } from '@libs/cycle/plausible-submission';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { OutboxRepository } from '@libs/persistence/repositories/outbox.repository';
import { validatePlan } from '@libs/plan/plan-validation';
import { CycleClient } from '@libs/temporal/cycle-client';
import { buildWorkflowBundle } from '../scripts/build-workflow-bundle';
import { createTestDatabase, type TestDatabase } from '../tools/test-database';
import { benchReport, REPORT_BASELINE, REPORT_GOAL } from './report-bench';
import type { ReportCompileResult } from './report-compile';
import { CountingSmtpServer } from './stack/counting-smtp-server';
import { cpuSpent, readCpu, type CpuSeconds } from './stack/cpu-time';
import { freePort, waitFor } from '../tools/stack/ports';
import { serverNames, TEMPORAL_SERVERS, type TemporalServer, type TemporalServerName } from './stack/temporal-servers';
import { PRODUCTION_GOALS, sideBySide, type ServerRatios } from './server-summary';
import { AppProcess } from '../tools/stack/app-process';
import {
  benchSubmissions,
  ratios as submissionRatios,
  SUBMISSION_GOALS,
  SUBMISSIONS_BASELINE,
  type SubmissionRatios,
} from './submissions';
import { benchPortalLoad, PORTAL_BASELINE, PORTAL_LOAD_SETTINGS } from './portal-load';
import { splitItems, syntheticPlan } from '../tools/synthetic-plan';
import { median, mib, round2 } from './figures';
import { databaseSize, HISTORY_LIMITS, largestHistories } from './cycle-scale';

const ROOT = join(__dirname, '..');
const TASK_QUEUE = 'plan-eval-bench';
/** The batch in which evaluationCycle starts its children (CHILD_START_BATCH in workflows/evaluation-cycle.workflow.ts). */
const CHILD_START_BATCH = 100;
const FAN_OUT_GOAL = PRODUCTION_GOALS.fanOut;
const DAY = 86_400_000;

interface Options {
  sizes: number[];
  departments: number;
  reportSizes: number[];
  memorySize: number;
  memoryShare: number;
  scaleSize: number;
  scaleDepartments: number;
  only: string[];
  servers: TemporalServerName[];
  repeat: number;
  outDir: string;
  submissions: number;
  concurrency: number;
  portalBaseline: string;
  reportBaseline: string | null;
  submissionsBaseline: string | null;
}

interface FanOutRow {
  items: number;
  departments: number;
  baselineMs: number[];
  cycleMs: number[];
  phases: FanOutPhases[];
  /** CPU seconds each process spent in each run, the baseline's and the cycle's. */
  cpu: Array<{ baseline: CpuSeconds; cycle: CpuSeconds }>;
  ratio: number;
  importMs: number;
  verified: { workItems: number; assignmentNotices: number; itemsInNotices: number };
}

/** Where the cycle's fan-out time went, in ms after launch. */
interface FanOutPhases {
  /** prepareCycle done: the plan read, the items planned and written. */
  preparedMs: number;
  /** The last child workflow started. */
  childrenStartedMs: number;
  firstMailMs: number;
  lastMailMs: number;
}

interface MemoryPhase {
  phase: string;
  seconds: number;
  peakRssMiB: number;
  endRssMiB: number;
  /** CPU seconds each process spent in the phase. */
  cpu: CpuSeconds;
}

/** One process's CPU seconds in a reading, or all of them ('total'). */
/** The processes the fan-out runs read the CPU time of, as the readings name them. */
const cpuColumns = (rows: FanOutRow[]) => Object.keys(rows[0]?.cpu[0]?.cycle ?? {});
const cpuTotal = (c: CpuSeconds, k: string) =>
  round2(k === 'total' ? Object.values(c).reduce((a, b) => a + b, 0) : (c[k] ?? 0));
const list = (v: string) =>
  v
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const log = (msg: string, fields: Record<string, unknown> = {}) =>
  console.error(JSON.stringify({ time: new Date().toISOString(), msg, ...fields }));

function parseOptions(): Options {
  const o = new Command()
    .option('--sizes <list>', 'fan-out cycle sizes, in items', '1000,10000')
    .option('--departments <n>', 'lead departments of the synthetic plans', '200')
    .option('--report-sizes <list>', 'report sizes, in indicators', '100,1000,10000')
    .option(
      '--memory-size <n>',
      'items of the cycle whose worker memory is sampled (0: skip; default the largest fan-out size)',
    )
    .option(
      '--memory-share <fraction>',
      'share of the departments that submit and approve everything in the memory cycle; below 1 the bureau then cancels it, which closes it with its report',
      '1',
    )
    .option('--scale-size <n>', 'items of the cycle the scale run takes to its report', '100000')
    .option('--scale-departments <n>', 'lead departments of the scale run', '2000')
    .option(
      '--only <list>',
      'fanout,report,memory,submissions,portal,scale (scale: not run unless named)',
      'fanout,report,memory,submissions,portal',
    )
    .option(
      '--servers <list>',
      `the Temporal servers fan-out, submissions and memory run on, each in turn (${Object.keys(TEMPORAL_SERVERS).join(',')})`,
      'dev',
    )
    .option(
      '--portal-baseline <commit>',
      'the commit whose portal build the portal load is compared with',
      PORTAL_BASELINE,
    )
    .option(
      '--report-baseline <commit>',
      "the commit whose report is measured beside this checkout's, alternating (none: this checkout alone)",
      REPORT_BASELINE,
    )
    .option('--no-report-baseline', 'measure the report of this checkout alone')
    .option('--submissions <n>', 'items submitted through the API in the submissions benchmark', '1000')
    .option(
      '--submissions-baseline <commit>',
      "the commit whose API and worker are measured beside this checkout's in each submissions run",
      SUBMISSIONS_BASELINE,
    )
    .option('--no-submissions-baseline', 'measure the submissions of this checkout alone')
    .option('--concurrency <n>', 'concurrent API connections (and bare Updates) in the submissions benchmark', '16')
    .option(
      '--repeat <n>',
      'runs of each fan-out and submissions measurement (the medians are reported; at most 5)',
      '1',
    )
    .option('--out-dir <dir>', 'where the JSON result goes', join(ROOT, 'bench/results'))
    .parse()
    .opts<{
      sizes: string;
      departments: string;
      reportSizes: string;
      memorySize?: string;
      memoryShare: string;
      scaleSize: string;
      scaleDepartments: string;
      only: string;
      servers: string;
      repeat: string;
      outDir: string;
      submissions: string;
      concurrency: string;
      portalBaseline: string;
      reportBaseline: string | false;
      submissionsBaseline: string | false;
    }>();
  const sizes = list(o.sizes);
  return {
    sizes,
    departments: Number(o.departments),
    reportSizes: list(o.reportSizes),
    memorySize: o.memorySize !== undefined ? Number(o.memorySize) : Math.max(...sizes),
    memoryShare: Math.min(1, Math.max(0, Number(o.memoryShare))),
    scaleSize: Number(o.scaleSize),
    scaleDepartments: Number(o.scaleDepartments),
    only: o.only.split(','),
    servers: serverNames(o.servers),
    repeat: Math.min(5, Math.max(1, Number(o.repeat))),
    outDir: o.outDir,
    submissions: Number(o.submissions),
    concurrency: Math.max(1, Number(o.concurrency)),
    portalBaseline: o.portalBaseline,
    reportBaseline: o.reportBaseline || null,
    submissionsBaseline: o.submissionsBaseline || null,
  };
}

/** The Temporal server, database, SMTP server, worker and mail relay processes every measurement on that server shares. */
class Stack {
  private constructor(
    readonly work: string,
    readonly temporal: TemporalServer,
    readonly db: TestDatabase,
    readonly smtp: CountingSmtpServer,
    readonly worker: AppProcess,
    readonly relay: AppProcess,
    readonly client: Client,
    readonly cycles: CycleClient,
    readonly metricsAddress: string,
  ) {}

  static async start(server: TemporalServerName): Promise<Stack> {
    const work = mkdtempSync(join(tmpdir(), 'plan-eval-bench-'));
    const cleanup: Array<() => Promise<unknown>> = [async () => rmSync(work, { recursive: true, force: true })];
    try {
      const temporal = await TEMPORAL_SERVERS[server].start(work);
      cleanup.unshift(() => temporal.stop());
      const db = await createTestDatabase();
      cleanup.unshift(() => db.drop());
      const smtp = new CountingSmtpServer(await freePort());
      await smtp.start();
      cleanup.unshift(() => smtp.stop());
      const bundle = await buildWorkflowBundle(join(work, 'workflow-bundle.js'), join(__dirname, 'workflows/index.ts'));
      const metricsAddress = `127.0.0.1:${await freePort()}`;
      const worker = await AppProcess.worker({
        DATABASE_URL: db.url,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: TASK_QUEUE,
        SMTP_URL: smtp.url,
        REPORTS_DIR: join(work, 'reports'),
        WORKFLOW_BUNDLE_PATH: bundle,
        WORKER_METRICS_ADDRESS: metricsAddress,
        TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
        LOG_LEVEL: 'info',
      });
      cleanup.unshift(() => worker.stop());
      const relay = await AppProcess.mailRelay({ DATABASE_URL: db.url, SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
      cleanup.unshift(() => relay.stop());
      const connection = await Connection.connect({ address: temporal.address });
      const client = new Client({ connection, namespace: 'default' });
      const stack = new Stack(
        work,
        temporal,
        db,
        smtp,
        worker,
        relay,
        client,
        new CycleClient(client, TASK_QUEUE, db.dataSource),
        metricsAddress,
      );
      stack.cleanup = [() => connection.close(), ...cleanup];
      return stack;
    } catch (e) {
      for (const step of cleanup) await step().catch(() => undefined);
      throw e;
    }
  }

  private cleanup: Array<() => Promise<unknown>> = [];

  /** CPU time so far of the Temporal server (each node of a cluster), worker, relay, PostgreSQL and this process. */
  cpu(): CpuSeconds {
    return readCpu({ ...this.temporal.pids(), worker: this.worker.pid, relay: this.relay.pid });
  }

  async stop(): Promise<void> {
    for (const step of this.cleanup) await step().catch((e: Error) => log('cleanup failed', { error: e.message }));
  }

  /**
   * Mean latencies from the worker's /metrics (the Temporal SDK's and its own), in ms:
   * where the time went (waiting for a worker slot, executing, activities).
   */
  async latencies(): Promise<Record<string, { count: number; meanMs: number }>> {
    const text = await (await fetch(`http://${this.metricsAddress}/metrics`)).text();
    const totals = new Map<string, { sum: number; count: number; seconds: boolean }>();
    for (const line of text.split('\n')) {
      const m =
        /^(temporal_[a-z_]*latency[a-z_]*|plan_eval_activity_duration_seconds)_(sum|count)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(
          line,
        );
      if (!m) continue;
      const activity = /activity="(\w+)"/.exec(m[3] ?? '')?.[1];
      const key = activity ? `${m[1]}{${activity}}` : m[1];
      const t = totals.get(key) ?? { sum: 0, count: 0, seconds: m[1].endsWith('seconds') };
      if (m[2] === 'sum') t.sum += Number(m[4]);
      else t.count += Number(m[4]);
      totals.set(key, t);
    }
    return Object.fromEntries(
      [...totals]
        .filter(([, t]) => t.count > 0)
        .map(([k, t]) => [k, { count: t.count, meanMs: round2((t.sum / t.count) * (t.seconds ? 1000 : 1)) }]),
    );
  }

  /** Imports the synthetic plan of N items (once per size, and per variant: a benchmark whose cycles must not meet another's). */
  async plan(items: number, departments: number, variant?: string): Promise<{ planCode: string; importMs: number }> {
    const planCode = variant ? `bench-${items}-${variant}` : `bench-${items}`;
    if (await new CatalogRepository(this.db.dataSource).plan(planCode)) return { planCode, importMs: 0 };
    const t0 = performance.now();
    await importPlan(
      this.db.dataSource,
      validatePlan(syntheticPlan({ code: planCode, departments, ...splitItems(items) })),
    );
    return { planCode, importMs: Math.round(performance.now() - t0) };
  }

  definition(
    planCode: string,
    period: Pick<CycleDefinition, 'kind' | 'fromYear' | 'toYear'>,
    digestWindow = '5 minutes',
  ): CycleDefinition {
    return {
      planCode,
      ...period,
      deadline: new Date(Date.now() + 30 * DAY).toISOString(),
      hardClose: new Date(Date.now() + 60 * DAY).toISOString(),
      policy: { ...DEFAULT_CHASING_POLICY, digestWindow },
      itemKinds: ['indicator', 'task', 'project'],
      requireBureauAcceptance: false,
      groupResolution: {},
    };
  }

  /**
   * Terminates a measured cycle and waits until its departments are closed
   * too: their termination is server work, and the next measurement (a
   * baseline) would otherwise run through it.
   */
  async retire(cycleId: string): Promise<void> {
    await this.client.workflow.getHandle(cycleId).terminate('benchmark measured');
    const departments = await new CycleItemRepository(this.db.dataSource).departmentsOf(cycleId);
    await Promise.all(
      departments.map((department) =>
        this.client.workflow
          .getHandle(departmentWorkflowId(cycleId, department))
          .result()
          .catch(() => undefined),
      ),
    );
  }

  /** Launches a cycle (on another worker's task queue when given) and resolves once every department's assignment notice reached the SMTP server. */
  async launchAndWaitForAssignments(
    definition: CycleDefinition,
    items: number,
    taskQueue = TASK_QUEUE,
  ): Promise<{ cycleId: string; departments: number; ms: number; phases: FanOutPhases }> {
    const cycles = taskQueue === TASK_QUEUE ? this.cycles : new CycleClient(this.client, taskQueue, this.db.dataSource);
    const before = this.smtp.received;
    const t0 = performance.now();
    const launchedAt = Date.now();
    const { cycleId, departments } = await cycles.launch(definition);
    let firstMailMs = 0;
    await waitFor(
      'every department notified',
      () => {
        const arrived = this.smtp.received - before;
        if (arrived > 0 && !firstMailMs) firstMailMs = Math.round(performance.now() - t0);
        return arrived >= departments;
      },
      Math.max(120_000, items * 60),
      10,
    );
    const ms = Math.round(performance.now() - t0);
    return {
      cycleId,
      departments,
      ms,
      phases: { ...(await this.cyclePhases(cycleId, launchedAt)), firstMailMs, lastMailMs: ms },
    };
  }

  /** When the cycle had its items written and its children started, from its history (ms after launch). */
  private async cyclePhases(
    cycleId: string,
    launchedAt: number,
  ): Promise<Pick<FanOutPhases, 'preparedMs' | 'childrenStartedMs'>> {
    const history = await this.client.workflow.getHandle(cycleId).fetchHistory();
    const times = (type: 'activityTaskCompletedEventAttributes' | 'childWorkflowExecutionStartedEventAttributes') =>
      (history.events ?? [])
        .filter((e) => e[type])
        .map((e) => Number(e.eventTime!.seconds) * 1000 + Math.round((e.eventTime!.nanos ?? 0) / 1e6) - launchedAt);
    // The cycle's first activity is prepareCycle; the assignment notices come after it.
    return {
      preparedMs: times('activityTaskCompletedEventAttributes')[0] ?? -1,
      childrenStartedMs: Math.max(-1, ...times('childWorkflowExecutionStartedEventAttributes')),
    };
  }

  async verifyAssignments(cycleId: string): Promise<FanOutRow['verified']> {
    const sent = await new OutboxRepository(this.db.dataSource).sentAssignments(cycleId);
    return {
      workItems: await new CycleItemRepository(this.db.dataSource).count(cycleId),
      assignmentNotices: sent.notices,
      itemsInNotices: sent.items,
    };
  }
}

/** A bare parent starting `children` no-op children in the cycle's batches, to its end: ms. */
async function bareFanOut(stack: Stack, workflowId: string, children: number): Promise<number> {
  const t0 = performance.now();
  await stack.client.workflow.execute('benchFanOutBaseline', {
    workflowId,
    taskQueue: TASK_QUEUE,
    args: [{ children, batch: CHILD_START_BATCH }],
  });
  return Math.round(performance.now() - t0);
}

/**
 * One bare fan-out and one cycle, untimed, before the measured runs: a server
 * just started (the cluster above all: its shards acquired, its task queues'
 * partitions loaded) and a new worker make their first workflows pay for the
 * start, which would otherwise weigh on whichever is measured first, the baseline.
 */
async function warmUp(stack: Stack, opts: Options): Promise<{ bareMs: number; cycleMs: number }> {
  const items = Math.min(...opts.sizes);
  const { planCode } = await stack.plan(items, opts.departments);
  const bareMs = await bareFanOut(stack, 'bench/baseline/warm-up', Math.min(opts.departments, items));
  // A final evaluation: the measured runs launch annual cycles, the memory run a mid-term one.
  const definition = stack.definition(planCode, { kind: 'final', fromYear: 2021, toYear: 2025 });
  const run = await stack.launchAndWaitForAssignments(definition, items);
  await stack.retire(run.cycleId);
  log('warmed up', { items, bareMs, cycleMs: run.ms });
  return { bareMs, cycleMs: run.ms };
}

async function benchFanOut(stack: Stack, opts: Options): Promise<FanOutRow[]> {
  const rows: FanOutRow[] = [];
  for (const items of opts.sizes) {
    const { planCode, importMs } = await stack.plan(items, opts.departments);
    const baselineMs: number[] = [];
    const cycleMs: number[] = [];
    const phases: FanOutPhases[] = [];
    const cpu: FanOutRow['cpu'] = [];
    let verified: FanOutRow['verified'] | undefined;
    let departments = 0;
    for (let r = 0; r < opts.repeat; r++) {
      const definition = stack.definition(planCode, { kind: 'annual', fromYear: 2021 + r, toYear: 2021 + r });
      // The baseline first, with the number of children the cycle will start (one per lead department).
      departments = Math.min(opts.departments, items);
      const cpuAtBaseline = stack.cpu();
      baselineMs.push(await bareFanOut(stack, `bench/baseline/${items}/${r}`, departments));
      const cpuAtCycle = stack.cpu();

      const run = await stack.launchAndWaitForAssignments(definition, items);
      cpu.push({ baseline: cpuSpent(cpuAtBaseline, cpuAtCycle), cycle: cpuSpent(cpuAtCycle, stack.cpu()) });
      cycleMs.push(run.ms);
      phases.push(run.phases);
      departments = run.departments;
      verified = await stack.verifyAssignments(run.cycleId);
      await stack.retire(run.cycleId);
      log('fan-out measured', {
        items,
        departments,
        baselineMs: baselineMs.at(-1),
        cycleMs: run.ms,
        phases: run.phases,
        cpu: cpu.at(-1),
        verified,
      });
    }
    rows.push({
      items,
      departments,
      baselineMs,
      cycleMs,
      phases,
      cpu,
      ratio: round2(median(cycleMs) / median(baselineMs)),
      importMs,
      verified: verified!,
    });
  }
  return rows;
}

/**
 * A whole cycle of N items over D departments, to its report: the worker's RSS
 * sampled throughout, each phase's time and CPU, how long the launch took to
 * start every department, and what the cycle left on the Temporal server
 * (largest histories) and in PostgreSQL. `variant` keeps its plan apart from
 * another run's of the same size.
 */
async function benchWholeCycle(stack: Stack, items: number, departments: number, share: number, variant?: string) {
  const { planCode, importMs } = await stack.plan(items, departments, variant);
  const samples: Array<{ at: number; rss: number }> = [];
  const sample = () => {
    if (stack.worker.running) samples.push({ at: performance.now(), rss: stack.worker.memory().rss });
  };
  sample();
  const idleRss = samples[0].rss;
  const timer = setInterval(sample, 200);
  // A worker that dies mid-run (out of memory, say) ends the run with its last words, not a wait for ever.
  let measuring = true;
  const workerGone = new Promise<never>((_, reject) => {
    void stack.worker.exited.then(({ code, signal }) => {
      if (measuring)
        reject(
          new Error(
            `the worker exited mid-run (${signal ?? `code ${code}`}):\n${stack.worker.lines.slice(-30).join('\n')}`,
          ),
        );
    });
  });
  const phases: MemoryPhase[] = [];
  let phaseStart = performance.now();
  let phaseCpu = stack.cpu();
  const cpuAtStart = phaseCpu;
  const endPhase = (phase: string) => {
    sample();
    const inPhase = samples.filter((s) => s.at >= phaseStart);
    const cpu = stack.cpu();
    phases.push({
      phase,
      seconds: round2((performance.now() - phaseStart) / 1000),
      peakRssMiB: mib(Math.max(...inPhase.map((s) => s.rss))),
      endRssMiB: mib(samples.at(-1)!.rss),
      cpu: cpuSpent(phaseCpu, cpu),
    });
    phaseStart = performance.now();
    phaseCpu = cpu;
  };
  const measure = async () => {
    const definition = stack.definition(planCode, { kind: 'midterm', fromYear: 2021, toYear: 2023 }, '2s');
    const launch = await stack.launchAndWaitForAssignments(definition, items);
    const { cycleId } = launch;
    endPhase('fan-out');

    const all = (await new CycleItemRepository(stack.db.dataSource).specs(cycleId)).map((spec) => ({
      department: spec.leadDepartment,
      spec,
    }));
    const codes = [...new Set(all.map((r) => r.department))];
    const active = new Set(codes.slice(0, Math.ceil(codes.length * share)));
    const rows = all.filter((r) => active.has(r.department));
    const actor = (role: 'submitter' | 'supervisor', department: string): Actor => ({
      id: `${role}@${department}.bench`,
      name: `${department} ${role}`,
      role,
      department,
    });
    await pool(rows, 32, ({ department, spec }) =>
      stack.cycles.command(cycleId, department, `bench/${spec.key}/submit`, actor('submitter', department), {
        type: 'submit',
        itemKey: spec.key,
        submission: plausibleSubmission(spec),
      }),
    );
    endPhase('submissions');

    const byDepartment = new Map<string, string[]>();
    for (const r of rows) byDepartment.set(r.department, [...(byDepartment.get(r.department) ?? []), r.spec.key]);
    await pool([...byDepartment], 16, ([department, keys]) =>
      stack.cycles.bulkApprove(
        cycleId,
        department,
        `bench/${department}/approve`,
        actor('supervisor', department),
        keys,
      ),
    );
    endPhase('approvals');

    // Every department done closes the cycle; otherwise the bureau cancels it, which closes it too.
    if (active.size < codes.length) await stack.cycles.cancel(cycleId, 'benchmark: the sampled departments are done');
    await stack.client.workflow.getHandle(cycleId).result();
    endPhase(active.size < codes.length ? 'cancel, close and report' : 'close and report');
    const submitted = rows.length;
    const submissionsPhase = phases.find((p) => p.phase === 'submissions')!;
    return {
      items,
      departments: launch.departments,
      importMs,
      /** Launch → every department's workflow started, and → every assignment mail received by SMTP. */
      launch: { departmentsStartedMs: launch.phases.childrenStartedMs, everyDepartmentNotifiedMs: launch.ms },
      cpu: cpuSpent(cpuAtStart, stack.cpu()),
      histories: await largestHistories(stack.client),
      database: await databaseSize(stack.db.dataSource),
      departmentsSubmitting: active.size,
      itemsSubmitted: rows.length,
      idleRssMiB: mib(idleRss),
      peakRssMiB: mib(Math.max(...samples.map((s) => s.rss))),
      highWaterMarkMiB: mib(stack.worker.memory().peak),
      endRssMiB: mib(samples.at(-1)!.rss),
      phases,
      submissionsPerSecond: round2(submitted / submissionsPhase.seconds),
      samples: samples.map((s) => ({ seconds: round2((s.at - samples[0].at) / 1000), rssMiB: mib(s.rss) })),
    };
  };
  try {
    return await Promise.race([measure(), workerGone]);
  } finally {
    measuring = false;
    clearInterval(timer);
  }
}

/** A whole cycle's figures: its phases (time, worker RSS, CPU per process), its launch, its largest histories, its database. */
function wholeCycleTables(title: string, m: Awaited<ReturnType<typeof benchWholeCycle>>): string[] {
  const processes = Object.keys(m.cpu);
  return [
    `${title} a ${m.items}-item cycle over ${m.departments} departments, ${m.itemsSubmitted} items submitted and approved by ${m.departmentsSubmitting} departments (idle ${m.idleRssMiB} MiB, peak ${m.peakRssMiB} MiB, end ${m.endRssMiB} MiB; ${m.submissionsPerSecond} submissions/s as Temporal Updates through CycleClient.command, each record written, at concurrency 32)`,
    table(
      ['phase', 'seconds', 'peak RSS MiB', 'RSS at end MiB', ...processes.map((p) => `${p} CPU s`)],
      [
        ...m.phases.map((p) => [p.phase, p.seconds, p.peakRssMiB, p.endRssMiB, ...processes.map((k) => p.cpu[k] ?? 0)]),
        [
          'whole cycle',
          round2(m.phases.reduce((a, p) => a + p.seconds, 0)),
          m.peakRssMiB,
          m.endRssMiB,
          ...processes.map((k) => m.cpu[k]),
        ],
      ],
    ),
    `launch → every department started ${m.launch.departmentsStartedMs} ms, → every assignment mail received ${m.launch.everyDepartmentNotifiedMs} ms (plan import ${m.importMs} ms); PostgreSQL database ${m.database.mib} MiB (${m.database.tables.map((t) => `${t.table} ${t.mib}`).join(', ')}); postgres CPU counts every PostgreSQL process on the machine`,
    `Largest history per workflow type (limits: ${HISTORY_LIMITS.events} events, ${mib(HISTORY_LIMITS.bytes)} MiB)`,
    table(
      ['workflow type', 'runs', 'events', 'MiB', 'of limit %', 'longest run'],
      m.histories.map((h) => [h.workflowType, h.runs, h.events, mib(h.bytes), h.ofLimitPercent, h.eventsWorkflowId]),
    ),
    '',
  ];
}

/** Runs `task` over `items`, at most `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

/** A compile's CPU time and the least wall time it allows on the cores it had. */
function cpuFloor({ cpuMs, cores }: ReportCompileResult): string {
  return `${cpuMs} (÷ ${cores}: ${Math.round(cpuMs / cores)})`;
}

function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join(
    '\n',
  );
}

/**
 * Fan-out, submissions and memory on one Temporal server, in a stack of its
 * own: the tables (the server named in each title), the figures for the JSON
 * result and the ratios for the servers' side-by-side summary.
 */
async function benchOnServer(
  server: TemporalServerName,
  opts: Options,
): Promise<{ out: string[]; measured: Record<string, unknown>; ratios: ServerRatios }> {
  const on = `[${server}]`;
  const { label } = TEMPORAL_SERVERS[server];
  const loadAverageAtStart = loadavg().map(round2);
  const out: string[] = [];
  const measured: Record<string, unknown> = { label, loadAverageAtStart };
  const ratios: ServerRatios = { server, fanOut: [] };
  const stack = await Stack.start(server);
  try {
    if (opts.only.includes('fanout')) {
      const warmedUp = await warmUp(stack, opts);
      const rows = await benchFanOut(stack, opts);
      // Where the time went, from the worker's /metrics over the fan-out runs (activities, task latencies).
      measured.fanOut = { goalRatio: FAN_OUT_GOAL, warmedUp, rows, workerLatencies: await stack.latencies() };
      ratios.fanOut = rows.map((r) => ({ items: r.items, ratio: r.ratio }));
      out.push(
        `${on} 扇出 Fan-out: launch → every item assigned and its department notified, against bare Temporal (parent + no-op children, batches of ${CHILD_START_BATCH}); median of ${opts.repeat}, after an untimed warm-up (bare ${warmedUp.bareMs} ms, cycle ${warmedUp.cycleMs} ms at ${Math.min(...opts.sizes)} items)`,
        table(
          [
            'items',
            'departments',
            'bare Temporal ms',
            'cycle ms',
            'ratio',
            'each run',
            `goal ≤ ${FAN_OUT_GOAL}`,
            'items written at',
            'children started at',
            'first mail at',
          ],
          rows.map((r) => {
            const p = r.phases[r.cycleMs.indexOf(median(r.cycleMs))];
            // Each cycle against the baseline run just before it: how far the machine's noise moves the ratio.
            const eachRun = r.cycleMs.map((ms, i) => round2(ms / r.baselineMs[i])).join(' ');
            return [
              r.items,
              r.departments,
              median(r.baselineMs),
              median(r.cycleMs),
              r.ratio,
              eachRun,
              r.ratio <= FAN_OUT_GOAL ? 'met' : 'not met',
              p.preparedMs,
              p.childrenStartedMs,
              p.firstMailMs,
            ];
          }),
        ),
        '',
        'CPU seconds per process, median of the runs (bare Temporal → cycle): on two cores the wall time follows their sum',
        table(
          ['items', ...cpuColumns(rows), 'total'],
          rows.map((r) => [
            r.items,
            ...[...cpuColumns(rows), 'total'].map(
              (k) =>
                `${median(r.cpu.map((c) => cpuTotal(c.baseline, k)))} → ${median(r.cpu.map((c) => cpuTotal(c.cycle, k)))}`,
            ),
          ]),
        ),
        '',
      );
    }
    if (opts.only.includes('submissions') && opts.submissions > 0) {
      const sub = await benchSubmissions(
        {
          client: stack.client,
          taskQueue: TASK_QUEUE,
          temporalAddress: stack.temporal.address,
          smtpUrl: stack.smtp.url,
          db: stack.db,
          plan: (n, d, v) => stack.plan(n, d, v),
          definition: (c, p) => stack.definition(c, p),
          launchAndWaitForAssignments: (d, n, q) => stack.launchAndWaitForAssignments(d, n, q),
          retire: (c) => stack.retire(c),
        },
        opts.submissions,
        opts.departments,
        opts.concurrency,
        opts.repeat,
        opts.submissionsBaseline,
      );
      measured.submissions = { goals: SUBMISSION_GOALS, ...sub };
      ratios.submissions = sub.after.ratios;
      const codes = [
        ...(sub.before ? [[`before (${sub.baseline})`, sub.before] as const] : []),
        ['after', sub.after] as const,
      ];
      const verdict = (ratio: number, goal: number) => `×${ratio} ${ratio <= goal ? 'met' : 'not met'}`;
      const goalRow = (name: string, goal: number | null, ratio: (r: SubmissionRatios) => number) => [
        name,
        goal === null ? '—' : `≤ ${goal}`,
        ...codes.map(([, c]) => (goal === null ? `×${ratio(c.ratios)}` : verdict(ratio(c.ratios), goal))),
        sub.runs.map((r) => `×${ratio(submissionRatios(r.after, r.bareUpdate))}`).join(' '),
      ];
      out.push(
        `${on} 填报 Submissions: ${sub.items} items submitted through the HTTP API at concurrency ${sub.concurrency}, round their ${sub.departments} departments (the first ${sub.departments} requests are each department's first command), against a bare no-op Temporal Update to ${sub.departments} workflows at the same concurrency; ${sub.baseline ? `before = ${sub.baseline} (its API and worker, from a worktree), measured just before after in each run` : 'this checkout alone'}; median of ${sub.runs.length}`,
        table(
          ['path', 'requests', 'per second', 'p50 ms', 'p99 ms'],
          [
            ...codes.flatMap(([name, c]) => [
              [`HTTP API submit, ${name}`, c.submit.ok, c.submit.perSecond, c.submit.p50Ms, c.submit.p99Ms],
              [`  its first commands`, c.firstCommand.requests, '—', c.firstCommand.p50Ms, c.firstCommand.p99Ms],
            ]),
            [
              'bare Temporal Update',
              sub.bareUpdate.ok,
              sub.bareUpdate.perSecond,
              sub.bareUpdate.p50Ms,
              sub.bareUpdate.p99Ms,
            ],
            [`  its first Update to each workflow`, sub.departments, '—', sub.bareUpdate.firstUpdateP50Ms, '—'],
          ],
        ),
        table(
          ['goal (× bare Update)', 'goal', ...codes.map(([name]) => name), 'after, each run'],
          [
            goalRow('submit p50', SUBMISSION_GOALS.submit, (r) => r.submitP50),
            goalRow('submit throughput', SUBMISSION_GOALS.submit, (r) => r.submitThroughput),
            goalRow(
              "first command p50 (× the bare's first Updates, like for like: the goal's verdict)",
              SUBMISSION_GOALS.firstCommand,
              (r) => r.firstCommandP50ToFirstUpdates,
            ),
            goalRow('first command p50 (× the bare median, for reference)', null, (r) => r.firstCommandP50),
          ],
        ),
        '',
      );
    }
    if (opts.only.includes('memory') && opts.memorySize > 0) {
      const memory = await benchWholeCycle(stack, opts.memorySize, opts.departments, opts.memoryShare);
      measured.workerMemory = memory;
      measured.workerLatencies = await stack.latencies();
      out.push(...wholeCycleTables(`${on} 工作进程内存 Worker RSS through`, memory));
    }
    if (opts.only.includes('scale') && opts.scaleSize > 0) {
      const scale = await benchWholeCycle(
        stack,
        opts.scaleSize,
        opts.scaleDepartments,
        opts.memoryShare,
        `${opts.scaleDepartments}d`,
      );
      measured.scale = scale;
      out.push(...wholeCycleTables(`${on} 规模 Scale: a whole cycle,`, scale));
    }
  } finally {
    await stack.stop();
  }
  const loadAverageAtEnd = loadavg().map(round2);
  // The machine's load beside the figures: on a shared machine it moves every absolute time.
  const load = `load average ${loadAverageAtStart.join(' ')} at start, ${loadAverageAtEnd.join(' ')} at end`;
  return { out: [`${on} ${label}, ${load}`, '', ...out], measured: { ...measured, loadAverageAtEnd }, ratios };
}

async function main(): Promise<void> {
  const opts = parseOptions();
  const startedAt = new Date();
  const result: Record<string, unknown> = {
    startedAt: startedAt.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      node: process.version,
      loadAverageAtStart: loadavg().map(round2),
    },
    temporalCli: execFileSync(process.env.TEMPORAL_CLI_PATH ?? join(ROOT, '.tools/venv/bin/temporal'), ['--version'], {
      encoding: 'utf8',
    }).trim(),
    settings: {
      ...opts,
      childStartBatch: CHILD_START_BATCH,
      taskQueue: TASK_QUEUE,
      worker: 'apps/worker/src/main.ts, SDK default worker options, one process',
      mailRelay: 'apps/mail-relay/src/main.ts, one process',
    },
  };
  const out: string[] = [];

  if (opts.only.includes('report') && opts.reportSizes.length) {
    const report = await benchReport(opts.reportSizes, opts.repeat, opts.reportBaseline, log);
    result.report = report;
    const side = (r: { totalMs: number; peakRssMiB: number } | undefined) =>
      r ? `${r.totalMs} ms, ${r.peakRssMiB} MiB` : '—';
    out.push(
      `报告编制 Report compile: buildCycleReport + writeReportFiles (JSON; Word, Excel, HTML in zh-CN and English), each run its own process; ${report.baseline ? `before = ${report.baseline} in a worktree, alternating with after (this checkout)` : 'this checkout alone'}; median of ${opts.repeat}`,
      table(
        [
          'indicators',
          'tasks+projects',
          'build ms',
          'write ms',
          'total ms',
          'CPU ms (÷ cores: least wall time)',
          'main thread ms (least on any cores)',
          'RSS before MiB',
          'peak RSS MiB',
          'before',
          'time ×',
          'memory added ×',
          'same report',
          `goal < ${REPORT_GOAL.ms} ms, < ${REPORT_GOAL.peakRssMiB} MiB`,
        ],
        report.rows.map((r) => [
          r.indicators,
          r.after.tasks + r.after.projects,
          r.after.buildMs,
          r.after.writeMs,
          r.after.totalMs,
          cpuFloor(r.after),
          r.after.mainThreadMs,
          r.after.rssBeforeMiB,
          r.after.peakRssMiB,
          side(r.before),
          r.ratio?.time ?? '—',
          r.ratio?.memoryAdded ?? '—',
          r.differences ? (r.differences.length ? `no: ${r.differences.join(', ')}` : 'yes') : '—',
          r.goal ? (r.goal.met ? 'met' : 'not met') : '',
        ]),
      ),
      ...Object.entries(report.growth).flatMap(([which, growth]) =>
        Object.entries(growth).map(
          ([k, g]) =>
            `growth ${k} (${which}): items ×${g.items}, time ×${g.time} (+${g.ms} ms), memory added ×${g.memoryAdded} (peak +${g.peakRssMiB} MiB; linear would be ×${g.items})`,
        ),
      ),
      '',
    );
  }

  if (opts.only.includes('portal')) {
    const portal = await benchPortalLoad(opts.portalBaseline);
    result.portal = portal;
    out.push(
      `门户首次加载 Portal cold load (${PORTAL_LOAD_SETTINGS}), until the sign-in form shows`,
      table(
        ['build', 'commit', 'entry script KiB', 'entry sent KiB', 'transferred KiB', 'median ms', 'loads ms'],
        portal.map((r) => [
          r.build,
          r.commit,
          Math.round(r.entryBytes / 1024),
          Math.round(r.entrySentBytes / 1024),
          r.transferredKiB,
          r.medianMs,
          r.loadMs.join(', '),
        ]),
      ),
      '',
    );
  }

  const needStack =
    (opts.only.includes('fanout') && opts.sizes.length) ||
    (opts.only.includes('memory') && opts.memorySize > 0) ||
    (opts.only.includes('scale') && opts.scaleSize > 0) ||
    (opts.only.includes('submissions') && opts.submissions > 0);
  if (needStack) {
    const servers: Record<string, unknown> = {};
    const summary: ServerRatios[] = [];
    for (const server of opts.servers) {
      log('measuring on a Temporal server', { server });
      const m = await benchOnServer(server, opts);
      out.push(...m.out);
      servers[server] = m.measured;
      summary.push(m.ratios);
    }
    result.servers = servers;
    const { headers, rows } = sideBySide(summary);
    out.push(
      `服务器对照 Servers side by side: each ratio against the bare Temporal baseline measured on the same server (fan-out: bare parent and children; submissions: bare Update), judged against issue 20's goals`,
      table(headers, rows),
      '',
    );
  }

  console.log(out.join('\n'));
  mkdirSync(opts.outDir, { recursive: true });
  const file = join(opts.outDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        ...result,
        finishedAt: new Date().toISOString(),
        loadAverageAtEnd: loadavg().map(round2),
        table: out.join('\n'),
      },
      null,
      2,
    ),
  );
  console.log(`\n结果 (results): ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
