/**
 * Submissions through the HTTP API under concurrent load: every item of an
 * N-item cycle submitted once, by the bureau's session, through the real API
 * process as deployed (guard, validation, the submission check, the Temporal
 * Update to the department's workflow, the version and the audit entry
 * written), against the bare round trip it is built on: a no-op Temporal
 * Update to one workflow per department, at the same concurrency, on the same
 * server. The API runs in a process of its own, as in production, so the load
 * generator does not share its event loop.
 *
 * The requests go round the departments, so the first of them are each
 * department's first command (the one that used to read all its items'
 * specifications before answering): their latency is reported on its own,
 * against the bare median and, like for like, against the bare's first Update
 * to each of its workflows (the goal's verdict is on the latter: a first
 * message to a workflow costs the server more than the next, bare or not).
 * With a baseline commit, the same is measured in each run, just before, on
 * that commit's API and worker (a worktree, a task queue of its own), so the
 * machine's load weighs on the code before and after alike.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '@libs/access/users';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { SubmissionRepository } from '@libs/persistence/repositories/submission.repository';
import { plausibleSubmission } from '@libs/cycle/plausible-submission';
import type { WorkItemSpec } from '@libs/cycle/submission';
import { AppProcess } from '../tools/stack/app-process';
import { freePort } from '../tools/stack/ports';
import { benchNoopUpdate, benchStopSignal } from './workflows/baseline.workflow';
import { git, withWorktree } from './stack/worktree';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { CycleDefinition } from '@libs/cycle/cycle-definition';
import type { DataSource } from 'typeorm';
import { median, percentile, round2 } from './figures';

/** Issue 22's goals: each a ratio to the bare Update in the same run. */
export const SUBMISSION_GOALS = { submit: 1.5, firstCommand: 2 };
/** The code before the first command carried its item's specification (the commit before 779d4cf). */
export const SUBMISSIONS_BASELINE = '4c896274af3910f106f5559e3791d649fb3190ba';

export interface SubmissionsStack {
  client: Client;
  taskQueue: string;
  temporalAddress: string;
  smtpUrl: string;
  db: { url: string; dataSource: DataSource };
  plan(items: number, departments: number, variant?: string): Promise<{ planCode: string }>;
  definition(planCode: string, period: Pick<CycleDefinition, 'kind' | 'fromYear' | 'toYear'>): CycleDefinition;
  /** Launches on `taskQueue`'s worker and waits until every department has its assignment mail. */
  launchAndWaitForAssignments(
    definition: CycleDefinition,
    items: number,
    taskQueue: string,
  ): Promise<{ cycleId: string; departments: number }>;
  retire(cycleId: string): Promise<void>;
}

export interface LatencyFigures {
  requests: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LoadFigures extends LatencyFigures {
  ok: number;
  seconds: number;
  perSecond: number;
}

/** One code's submissions in a run: all of them, and the departments' first commands among them. */
export interface CodeFigures {
  submit: LoadFigures;
  firstCommand: LatencyFigures;
}

/** The bare Updates: all of them, and the first to each workflow among them. */
export interface BareFigures extends LoadFigures {
  firstUpdateP50Ms: number;
}

/**
 * Each against the bare Update: p50 and throughput of every submission; p50 of
 * the first commands against the bare median and against the bare's first Updates.
 */
export interface SubmissionRatios {
  submitP50: number;
  submitThroughput: number;
  firstCommandP50: number;
  firstCommandP50ToFirstUpdates: number;
}

export interface SubmissionsRun {
  after: CodeFigures;
  before?: CodeFigures;
  bareUpdate: BareFigures;
}

export interface SubmissionsResult {
  items: number;
  departments: number;
  concurrency: number;
  /** The commit measured beside this checkout, or null. */
  baseline: string | null;
  runs: SubmissionsRun[];
  /** The medians of the runs, figure by figure, and their ratios. */
  after: CodeFigures & { ratios: SubmissionRatios };
  before?: CodeFigures & { ratios: SubmissionRatios };
  bareUpdate: BareFigures;
}

const PASSWORD = 'bench-admin-2026';
const ADMIN = 'bench-admin@bench.example';

/** An API (and, for an earlier commit, its own worker) and the plan its cycles are launched from. */
interface CodeUnderTest {
  base: string;
  token: string;
  taskQueue: string;
  planCode: string;
  stop(): Promise<void>;
}

async function startApi(
  stack: SubmissionsStack,
  taskQueue: string,
  root?: string,
): Promise<{ api: AppProcess; base: string }> {
  const port = await freePort();
  const env = {
    DATABASE_URL: stack.db.url,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: taskQueue,
    EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'plan-eval-bench-evidence-')),
    PORT: String(port),
  };
  return { api: await AppProcess.api(env, 120_000, 'source', root), base: `http://127.0.0.1:${port}` };
}

/** The worker of another checkout (`root`) on a task queue of its own, its workflows bundled from its source. */
async function startWorker(stack: SubmissionsStack, taskQueue: string, root: string): Promise<AppProcess> {
  const env = {
    DATABASE_URL: stack.db.url,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: taskQueue,
    SMTP_URL: stack.smtpUrl,
    REPORTS_DIR: mkdtempSync(join(tmpdir(), 'plan-eval-bench-reports-')),
    WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
    TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
    LOG_LEVEL: 'info',
  };
  return AppProcess.worker(env, 600_000, 'source', root);
}

/** The API of `root` (this checkout when absent; then with a worker of its own) signed in as the bench's admin. */
async function startCode(
  stack: SubmissionsStack,
  planCode: string,
  taskQueue: string,
  root?: string,
): Promise<CodeUnderTest> {
  const worker = root ? await startWorker(stack, taskQueue, root) : null;
  const stop = async (api?: AppProcess) => {
    await api?.stop();
    await worker?.stop();
  };
  try {
    const { api, base } = await startApi(stack, taskQueue, root);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    return { base, token, taskQueue, planCode, stop: () => stop(api) };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** `count` calls of `send` (by index, in order), `concurrency` at a time: each one's latency and outcome, and the wall time. */
async function underLoad(
  count: number,
  concurrency: number,
  send: (i: number) => Promise<boolean>,
): Promise<{ latencies: number[]; ok: number; seconds: number }> {
  const latencies = new Array<number>(count);
  let next = 0;
  let ok = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        if (await send(i)) ok++;
        latencies[i] = performance.now() - t0;
      }
    }),
  );
  return { latencies, ok, seconds: (performance.now() - started) / 1000 };
}

function latencyFigures(latencies: number[]): LatencyFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: sorted.length, p50Ms: round2(percentile(sorted, 50)), p99Ms: round2(percentile(sorted, 99)) };
}

function loadFigures({ latencies, ok, seconds }: { latencies: number[]; ok: number; seconds: number }): LoadFigures {
  return { ...latencyFigures(latencies), ok, seconds: round2(seconds), perSecond: round2(ok / seconds) };
}

/** The figures of several runs, each the median of its kind. */
function medianOf<T extends object>(runs: T[]): T {
  return Object.fromEntries(
    Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k as keyof T] as number))]),
  ) as T;
}

const medianCode = (runs: CodeFigures[]): CodeFigures => ({
  submit: medianOf(runs.map((r) => r.submit)),
  firstCommand: medianOf(runs.map((r) => r.firstCommand)),
});

export const ratios = (code: CodeFigures, bare: BareFigures): SubmissionRatios => ({
  submitP50: round2(code.submit.p50Ms / bare.p50Ms),
  submitThroughput: round2(bare.perSecond / code.submit.perSecond),
  firstCommandP50: round2(code.firstCommand.p50Ms / bare.p50Ms),
  firstCommandP50ToFirstUpdates: round2(code.firstCommand.p50Ms / bare.firstUpdateP50Ms),
});

/**
 * `repeat` runs, each on cycles of its own (annual cycles of plans kept for
 * this benchmark, one per code, so every item is submitted once): the
 * baseline's submissions, this checkout's, then the bare Updates, back to
 * back; the figures are the runs' medians.
 */
export async function benchSubmissions(
  stack: SubmissionsStack,
  items: number,
  departments: number,
  concurrency: number,
  repeat = 1,
  baseline: string | null = null,
): Promise<SubmissionsResult> {
  await createUser(new AccessRepository(stack.db.dataSource), {
    email: ADMIN,
    name: 'bench',
    role: 'admin',
    password: PASSWORD,
  });
  const measure = async (before: CodeUnderTest | null): Promise<SubmissionsResult> => {
    const after = await startCode(
      stack,
      (await stack.plan(items, departments, 'submissions')).planCode,
      stack.taskQueue,
    );
    try {
      const runs: SubmissionsRun[] = [];
      for (let r = 0; r < repeat; r++) {
        const period = { kind: 'annual' as const, fromYear: 2021 + r, toYear: 2021 + r };
        const run: SubmissionsRun = {
          ...(before ? { before: await submitCycle(stack, before, period, items, concurrency) } : {}),
          after: await submitCycle(stack, after, period, items, concurrency),
          bareUpdate: await bareUpdates(stack, departments, items, concurrency),
        };
        runs.push(run);
      }
      const bareUpdate = medianOf(runs.map((r) => r.bareUpdate));
      const code = (figures: CodeFigures) => ({ ...figures, ratios: ratios(figures, bareUpdate) });
      const beforeRuns = runs.flatMap((r) => (r.before ? [r.before] : []));
      return {
        items,
        departments,
        concurrency,
        baseline,
        runs,
        after: code(medianCode(runs.map((r) => r.after))),
        ...(beforeRuns.length ? { before: code(medianCode(beforeRuns)) } : {}),
        bareUpdate,
      };
    } finally {
      await after.stop();
    }
  };
  if (!baseline) return measure(null);
  return withWorktree(baseline, async (root) => {
    const planCode = (await stack.plan(items, departments, 'submissions-before')).planCode;
    const before = await startCode(stack, planCode, `${stack.taskQueue}-before`, root);
    try {
      return { ...(await measure(before)), baseline: git('rev-parse', '--short', baseline) };
    } finally {
      await before.stop();
    }
  });
}

/**
 * The cycle's items in turns round its departments (each department's first
 * item, then each one's second…), so the first requests are every department's
 * first command, and concurrent ones go to different departments' workflows.
 */
function roundTheDepartments(specs: WorkItemSpec[]): WorkItemSpec[] {
  const byDepartment = new Map<string, WorkItemSpec[]>();
  for (const spec of specs)
    byDepartment.set(spec.leadDepartment, [...(byDepartment.get(spec.leadDepartment) ?? []), spec]);
  const queues = [...byDepartment.values()];
  const turns = Math.max(...queues.map((q) => q.length));
  return Array.from({ length: turns }, (_, turn) => queues.flatMap((q) => (turn < q.length ? [q[turn]] : []))).flat();
}

/** A fresh cycle on the code's worker, every item submitted once through its API; checked in PostgreSQL after. */
async function submitCycle(
  stack: SubmissionsStack,
  code: CodeUnderTest,
  period: Pick<CycleDefinition, 'kind' | 'fromYear' | 'toYear'>,
  items: number,
  concurrency: number,
): Promise<CodeFigures> {
  const { cycleId, departments } = await stack.launchAndWaitForAssignments(
    stack.definition(code.planCode, period),
    items,
    code.taskQueue,
  );
  const order = roundTheDepartments(await new CycleItemRepository(stack.db.dataSource).specs(cycleId));
  const headers = { authorization: `Bearer ${code.token}`, 'content-type': 'application/json' };
  // Connections made and code warmed by reads first: the first commands measured are the departments', not the process's.
  await underLoad(4 * concurrency, concurrency, async () => {
    const res = await fetch(`${code.base}/api/cycles/${encodeURIComponent(cycleId)}`, { headers });
    await res.arrayBuffer();
    return res.ok;
  });
  const load = await underLoad(order.length, concurrency, async (i) => {
    const spec = order[i];
    const res = await fetch(`${code.base}/api/cycles/${encodeURIComponent(cycleId)}/items/${spec.key}/submit`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ submission: plausibleSubmission(spec) }),
    });
    await res.arrayBuffer();
    return res.ok;
  });
  const submitted = await new SubmissionRepository(stack.db.dataSource).versionCount(cycleId);
  if (submitted !== order.length)
    throw new Error(
      `expected ${order.length} submitted versions, found ${submitted} (API answered ${load.ok} × 2xx of ${order.length})`,
    );
  await stack.retire(cycleId);
  return { submit: loadFigures(load), firstCommand: latencyFigures(load.latencies.slice(0, departments)) };
}

/** Until each workflow has run its first task: waiting, as a department is when its first command comes. */
async function settled(handles: WorkflowHandle[]): Promise<void> {
  for (const handle of handles) {
    // Started, its first task scheduled, started and completed.
    while ((await handle.describe()).historyLength < 4) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function bareUpdates(
  stack: SubmissionsStack,
  targets: number,
  count: number,
  concurrency: number,
): Promise<BareFigures> {
  const handles = await Promise.all(
    Array.from({ length: targets }, (_, i) =>
      stack.client.workflow.start('benchUpdateTarget', {
        workflowId: `bench-update-target/${Date.now()}/${i}`,
        taskQueue: stack.taskQueue,
      }),
    ),
  );
  await settled(handles);
  const load = await underLoad(count, concurrency, async (i) => {
    await handles[i % handles.length].executeUpdate(benchNoopUpdate, { args: [`request-${i}`] });
    return true;
  });
  await Promise.all(handles.map((h) => h.signal(benchStopSignal)));
  return { ...loadFigures(load), firstUpdateP50Ms: latencyFigures(load.latencies.slice(0, targets)).p50Ms };
}
