/**
 * Submissions through the HTTP API under concurrent load (autocannon: every
 * item of an N-item cycle submitted once, by the bureau's session, through
 * the real API process as deployed: guard, validation, the submission check,
 * the Temporal Update to the department's workflow, the version and the audit
 * entry written), against the bare round trip it is built on: a no-op
 * Temporal Update to one workflow per department, at the same concurrency,
 * on the same server and worker. The API runs in a process of its own, as in
 * production, so the load generator does not share its event loop.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createUser } from '@libs/access/users';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { SubmissionRepository } from '@libs/persistence/repositories/submission.repository';
import { plausibleSubmission } from '@libs/cycle/plausible-submission';
import { AppProcess } from '../tools/stack/app-process';
import { freePort } from '../tools/stack/ports';
import { benchNoopUpdate, benchStopSignal } from './workflows/baseline.workflow';
import type { Client } from '@temporalio/client';
import type { CycleDefinition } from '@libs/cycle/cycle-definition';
import type { DataSource } from 'typeorm';
import { median, percentile, round2 } from './figures';

export interface SubmissionsStack {
  client: Client;
  taskQueue: string;
  temporalAddress: string;
  db: { url: string; dataSource: DataSource };
  plan(items: number, departments: number, variant?: string): Promise<{ planCode: string }>;
  definition(planCode: string, period: Pick<CycleDefinition, 'kind' | 'fromYear' | 'toYear'>): CycleDefinition;
  launchAndWaitForAssignments(
    definition: CycleDefinition,
    items: number,
  ): Promise<{ cycleId: string; departments: number }>;
  retire(cycleId: string): Promise<void>;
}

export interface LoadFigures {
  requests: number;
  ok: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface SubmissionsRun {
  api: LoadFigures;
  bareUpdate: LoadFigures;
  ratioP50: number;
  ratioThroughput: number;
}

export interface SubmissionsResult {
  items: number;
  departments: number;
  concurrency: number;
  /** Each run: a fresh cycle submitted through the API, then the bare Updates. */
  runs: SubmissionsRun[];
  /** The medians of the runs, figure by figure. */
  api: LoadFigures;
  bareUpdate: LoadFigures;
  /** Median API latency ÷ median bare latency (p50), and median bare throughput ÷ median API throughput. */
  ratioP50: number;
  ratioThroughput: number;
}

const PASSWORD = 'bench-admin-2026';

async function startApi(stack: SubmissionsStack): Promise<{ api: AppProcess; base: string }> {
  const port = await freePort();
  const api = await AppProcess.api({
    DATABASE_URL: stack.db.url,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: stack.taskQueue,
    EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'plan-eval-bench-evidence-')),
    PORT: String(port),
  });
  return { api, base: `http://127.0.0.1:${port}` };
}

/** The figures of several runs, each the median of its kind. */
function medianFigures(runs: LoadFigures[]): LoadFigures {
  const of = (k: keyof LoadFigures) => median(runs.map((r) => r[k]));
  return {
    requests: of('requests'),
    ok: of('ok'),
    seconds: of('seconds'),
    perSecond: of('perSecond'),
    p50Ms: of('p50Ms'),
    p99Ms: of('p99Ms'),
  };
}

const ratios = (api: LoadFigures, bareUpdate: LoadFigures) => ({
  ratioP50: round2(api.p50Ms / bareUpdate.p50Ms),
  ratioThroughput: round2(bareUpdate.perSecond / api.perSecond),
});

/**
 * `repeat` runs, each on a cycle of its own (annual cycles of a plan kept
 * for this benchmark, so every item is submitted once), the API run and the
 * bare run back to back; the figures are the runs' medians.
 */
export async function benchSubmissions(
  stack: SubmissionsStack,
  items: number,
  departments: number,
  concurrency: number,
  repeat = 1,
): Promise<SubmissionsResult> {
  const { planCode } = await stack.plan(items, departments, 'submissions');
  const { api: apiProcess, base } = await startApi(stack);
  try {
    await createUser(new AccessRepository(stack.db.dataSource), {
      email: 'bench-admin@bench.example',
      name: 'bench',
      role: 'admin',
      password: PASSWORD,
    });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench-admin@bench.example', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const runs: SubmissionsRun[] = [];
    for (let r = 0; r < repeat; r++) {
      const { cycleId } = await stack.launchAndWaitForAssignments(
        stack.definition(planCode, { kind: 'annual', fromYear: 2021 + r, toYear: 2021 + r }),
        items,
      );
      const api = await apiSubmissions(stack, base, token, cycleId, concurrency);
      const bareUpdate = await bareUpdates(stack, departments, api.requests, concurrency);
      runs.push({ api, bareUpdate, ...ratios(api, bareUpdate) });
      await stack.retire(cycleId);
    }
    const api = medianFigures(runs.map((r) => r.api));
    const bareUpdate = medianFigures(runs.map((r) => r.bareUpdate));
    return { items, departments, concurrency, runs, api, bareUpdate, ...ratios(api, bareUpdate) };
  } finally {
    await apiProcess.stop();
  }
}

/** Every item of the cycle submitted once through the API by autocannon; checked in PostgreSQL after. */
async function apiSubmissions(
  stack: SubmissionsStack,
  base: string,
  token: string,
  cycleId: string,
  concurrency: number,
): Promise<LoadFigures> {
  // By key, not by department: concurrent requests spread over the departments' workflows.
  const rows = (await new CycleItemRepository(stack.db.dataSource).specs(cycleId)).sort((a, b) =>
    a.key < b.key ? -1 : 1,
  );
  let next = 0;
  const started = performance.now();
  const result = await autocannon({
    url: base,
    connections: concurrency,
    amount: rows.length,
    timeout: 60,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const spec = rows[next++ % rows.length];
          return {
            ...req,
            path: `/api/cycles/${encodeURIComponent(cycleId)}/items/${spec.key}/submit`,
            body: JSON.stringify({ submission: plausibleSubmission(spec) }),
          };
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  const api: LoadFigures = {
    requests: result.requests.total,
    ok: result['2xx'],
    seconds: round2(seconds),
    perSecond: round2(result['2xx'] / seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
  const submitted = await new SubmissionRepository(stack.db.dataSource).versionCount(cycleId);
  if (submitted !== rows.length)
    throw new Error(
      `expected ${rows.length} submitted versions, found ${submitted} (API answered ${api.ok} × 2xx of ${api.requests})`,
    );
  return api;
}

async function bareUpdates(
  stack: SubmissionsStack,
  targets: number,
  count: number,
  concurrency: number,
): Promise<LoadFigures> {
  const handles = await Promise.all(
    Array.from({ length: targets }, (_, i) =>
      stack.client.workflow.start('benchUpdateTarget', {
        workflowId: `bench-update-target/${Date.now()}/${i}`,
        taskQueue: stack.taskQueue,
      }),
    ),
  );
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await handles[i % handles.length].executeUpdate(benchNoopUpdate, { args: [`request-${i}`] });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(handles.map((h) => h.signal(benchStopSignal)));
  latencies.sort((a, b) => a - b);
  return {
    requests: count,
    ok: count,
    seconds: round2(seconds),
    perSecond: round2(count / seconds),
    p50Ms: round2(percentile(latencies, 50)),
    p99Ms: round2(percentile(latencies, 99)),
  };
}
