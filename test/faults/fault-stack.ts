/**
 * What a fault test runs against, all real and all its own: the Temporal dev
 * server (state in a file, so it can restart) or the two-node cluster on
 * PostgreSQL (test/cluster), a throw-away database, a
 * counting SMTP server and the real worker process (prebuilt bundle, so a
 * restart takes seconds), with a synthetic plan of N items imported. The test
 * drives a cycle through CycleClient and breaks things in between; the checks
 * at the end are the same for every fault.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { importPlan } from '@libs/catalog/catalog-import';
import { DEFAULT_CHASING_POLICY, type CycleDefinition } from '@libs/cycle/cycle-definition';
import type { Actor } from '@libs/cycle/department-state';
import { plausibleSubmission } from '@libs/cycle/plausible-submission';
import type { WorkItemSpec } from '@libs/cycle/submission';
import { LocalSmtpServer } from '@libs/mail/local-smtp-server';
import { validatePlan } from '@libs/plan/plan-validation';
import { CycleClient } from '@libs/temporal/cycle-client';
import { temporalConnectionOptions } from '@libs/temporal/connection';
import { loadConfig } from '@libs/config/config';
import { freePort, waitFor } from '../../tools/stack/ports';
import { TemporalDevServer } from '../../tools/stack/temporal-dev-server';
import { AppProcess } from '../../tools/stack/app-process';
import { splitItems, syntheticPlan } from '../../tools/synthetic-plan';
import { buildWorkflowBundle } from '../../scripts/build-workflow-bundle';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';

export const TASK_QUEUE = 'plan-eval-faults';
interface StackOptions {
  items: number;
  departments: number;
  planCode: string;
  databaseServerUrl?: string;
}
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DAY = 86_400_000;

/** The Temporal server a stack runs against: the dev server by default, or the cluster. */
export interface TemporalService {
  readonly address: string;
  /** What the worker and the clients are configured with, when more than the address (TLS). */
  readonly clientEnv?: Record<string, string>;
  stop(): Promise<void>;
}

export class FaultStack<T extends TemporalService = TemporalDevServer> {
  worker!: AppProcess;
  /** The mail relay in its own process: the faults that kill the worker leave it running. */
  relay!: AppProcess;
  readonly cycles: CycleClient;
  private constructor(
    readonly work: string,
    readonly temporal: T,
    readonly db: TestDatabase,
    readonly smtp: LocalSmtpServer,
    readonly client: Client,
    private readonly workerEnv: Record<string, string>,
  ) {
    this.cycles = new CycleClient(client, TASK_QUEUE, db.dataSource);
  }

  static start(options: StackOptions): Promise<FaultStack>;
  static start<T extends TemporalService>(
    options: StackOptions & { temporal: (work: string) => Promise<T> },
  ): Promise<FaultStack<T>>;
  static async start(
    options: StackOptions & { temporal?: (work: string) => Promise<TemporalService> },
  ): Promise<FaultStack<TemporalService>> {
    const work = mkdtempSync(join(tmpdir(), 'plan-eval-faults-'));
    const startTemporal = options.temporal ?? ((dir) => TemporalDevServer.start(join(dir, 'temporal.sqlite')));
    const temporal: TemporalService = await startTemporal(work);
    try {
      return await FaultStack.assemble(work, temporal, options);
    } catch (e) {
      // The cluster's nodes are not the test's children: a stack that failed to start stops them.
      await temporal.stop().catch(() => undefined);
      rmSync(work, { recursive: true, force: true });
      throw e;
    }
  }

  /** Everything but the Temporal server, around the one started. */
  private static async assemble(work: string, temporal: TemporalService, options: StackOptions) {
    const db = await createTestDatabase({ serverUrl: options.databaseServerUrl });
    await importPlan(
      db.dataSource,
      validatePlan(
        syntheticPlan({ code: options.planCode, departments: options.departments, ...splitItems(options.items) }),
      ),
    );
    const smtp = new LocalSmtpServer(await freePort());
    await smtp.start();
    const bundle = await buildWorkflowBundle(join(work, 'workflow-bundle.js'));
    // The test's clients connect as the worker does, through the same configuration.
    const temporalEnv = { TEMPORAL_ADDRESS: temporal.address, ...temporal.clientEnv };
    const connection = await Connection.connect(temporalConnectionOptions(loadConfig('temporal', temporalEnv)));
    const stack = new FaultStack(work, temporal, db, smtp, new Client({ connection }), {
      DATABASE_URL: db.url,
      ...temporalEnv,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      SMTP_URL: smtp.url,
      REPORTS_DIR: join(work, 'reports'),
      WORKFLOW_BUNDLE_PATH: bundle,
      LOG_LEVEL: 'warn',
    });
    await stack.startWorker();
    stack.relay = await AppProcess.mailRelay({ DATABASE_URL: db.url, SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    return stack;
  }

  async startWorker(): Promise<void> {
    this.worker = await AppProcess.worker({ ...this.workerEnv, LOG_LEVEL: 'info' });
  }

  /** A crash: no shutdown, activities in flight abandoned mid-way. */
  async killWorker(): Promise<void> {
    this.worker.signal('SIGKILL');
    await this.worker.exited;
  }

  definition(planCode: string, hardCloseInDays = 60, deadlineInDays = 30): CycleDefinition {
    return {
      planCode,
      kind: 'annual',
      fromYear: 2021,
      toYear: 2021,
      deadline: new Date(Date.now() + deadlineInDays * DAY).toISOString(),
      hardClose: new Date(Date.now() + hardCloseInDays * DAY).toISOString(),
      policy: { ...DEFAULT_CHASING_POLICY, digestWindow: '2s' },
      itemKinds: ['indicator', 'task', 'project'],
      requireBureauAcceptance: false,
      groupResolution: {},
    };
  }

  async items(cycleId: string): Promise<Array<{ department: string; spec: WorkItemSpec }>> {
    return this.db.dataSource.query(
      `SELECT department, spec FROM work_item WHERE cycle_id = $1 ORDER BY department, item_key`,
      [cycleId],
    );
  }

  /** Retries a client call through the fault (the same request ID, so a repeat changes nothing). */
  async retrying<T>(what: string, call: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
    return waitFor(what, async () => ({ value: await call() }), timeoutMs, 500).then((r) => r.value);
  }

  async stop(): Promise<void> {
    const steps = [
      () => (this.worker?.running ? this.worker.stop(30_000) : Promise.resolve()),
      () => (this.relay?.running ? this.relay.stop(30_000) : Promise.resolve()),
      () => this.client.connection.close(),
      () => this.smtp.stop(),
      () => this.temporal.stop(),
      () => this.db.drop(),
    ];
    for (const step of steps) await step().catch(() => undefined);
    rmSync(this.work, { recursive: true, force: true });
  }
}

export const submitter = (department: string): Actor => ({
  id: `submitter@${department}`,
  name: `${department} 填报人`,
  role: 'submitter',
  department,
});
export const supervisor = (department: string): Actor => ({
  id: `supervisor@${department}`,
  name: `${department} 审核人`,
  role: 'supervisor',
  department,
});

/**
 * The invariants every fault run must end with: each item in the state the
 * run left it in, every acknowledged submission stored once, no notice mailed
 * twice (by Message-ID, as the SMTP server received them), no audit entry twice.
 */
export async function checkInvariants(
  stack: FaultStack<TemporalService>,
  cycleId: string,
  expected: { approved: Set<string> },
) {
  const ds = stack.db.dataSource;
  const items: Array<{ item_key: string; status: string }> = await ds.query(
    `SELECT item_key, status FROM work_item WHERE cycle_id = $1`,
    [cycleId],
  );
  const wrongState = items.filter((i) => i.status !== (expected.approved.has(i.item_key) ? 'approved' : 'assigned'));
  const versions: Array<{ item_key: string; n: number; approved: number }> = await ds.query(
    `SELECT item_key, count(*)::int AS n, count(approved_at)::int AS approved FROM submission_version WHERE cycle_id = $1 GROUP BY item_key`,
    [cycleId],
  );
  const lostSubmissions = [...expected.approved].filter(
    (k) => !versions.some((v) => v.item_key === k && v.approved === 1),
  );
  const duplicateVersions = versions.filter((v) => v.n !== 1);
  const [events] = await ds.query(
    `SELECT count(*)::int AS n, count(DISTINCT request_id)::int AS distinct_requests FROM item_event WHERE cycle_id = $1`,
    [cycleId],
  );
  const messageIds = stack.smtp.received.map((m) => m.parsed.messageId ?? '');
  const duplicateMails = messageIds.filter((id, i) => messageIds.indexOf(id) !== i);
  const [notices] = await ds.query(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'pending')::int AS pending FROM notice WHERE cycle_id = $1`,
    [cycleId],
  );
  return {
    items: items.length,
    wrongState: wrongState.map((i) => `${i.item_key}:${i.status}`),
    lostSubmissions,
    duplicateVersions: duplicateVersions.map((v) => v.item_key),
    duplicateAuditEntries: events.n - events.distinct_requests,
    auditEntries: events.n,
    mailsReceived: messageIds.length,
    distinctMails: new Set(messageIds).size,
    duplicateMails,
    noticesSent: notices.sent,
    noticesPending: notices.pending,
  };
}

/** What a scenario breaks, and when: once during the fan-out, and while departments submit. */
export interface FaultInjection<T extends TemporalService = TemporalDevServer> {
  duringFanOut(stack: FaultStack<T>): Promise<void>;
  /** Runs beside the submissions; `busy()` turns false when they are all in. */
  duringSubmissions(stack: FaultStack<T>, busy: () => boolean): Promise<void>;
}

/**
 * The one scenario every fault runs: a cycle of the stack's plan is launched;
 * the fault strikes as the first assignment mail arrives; once every
 * department has its assignment, five departments submit every item (8 at a
 * time, each retried with its request ID until acknowledged) while the fault
 * strikes again, then approve them; the run waits for the digests and
 * returns the invariants' findings.
 */
export async function runFaultScenario<T extends TemporalService>(
  stack: FaultStack<T>,
  planCode: string,
  fault: FaultInjection<T>,
  definition = stack.definition(planCode),
) {
  const { cycleId, departments } = await stack.retrying('launch', () => stack.cycles.launch(definition));
  await waitFor('the first assignment mail', () => stack.smtp.received.length >= 1, 120_000);
  await fault.duringFanOut(stack);
  await waitFor(
    'every department assigned',
    async () => {
      const [{ n }] = await stack.db.dataSource.query(
        `SELECT count(*)::int AS n FROM notice WHERE cycle_id = $1 AND event = 'assignment' AND status = 'sent'`,
        [cycleId],
      );
      return n === departments;
    },
    240_000,
    500,
  );

  const rows = await stack.retrying('read items', () => stack.items(cycleId));
  const chosen = [...new Set(rows.map((r) => r.department))].slice(0, 5);
  const work = rows.filter((r) => chosen.includes(r.department));
  let submitting = true;
  const injecting = fault.duringSubmissions(stack, () => submitting);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < work.length) {
        const { department, spec } = work[next++];
        await stack.retrying(`submit ${spec.key}`, () =>
          stack.cycles.command(cycleId, department, `faults/${spec.key}/submit`, submitter(department), {
            type: 'submit',
            itemKey: spec.key,
            submission: plausibleSubmission(spec),
          }),
        );
      }
    }),
  );
  submitting = false;
  await injecting;
  for (const department of chosen) {
    const keys = work.filter((r) => r.department === department).map((r) => r.spec.key);
    await stack.retrying(`approve ${department}`, () =>
      stack.cycles.bulkApprove(cycleId, department, `faults/${department}/approve`, supervisor(department), keys),
    );
  }
  // The digests of those actions go out within the policy's 2 s window; wait until nothing is pending.
  await waitFor(
    'notices delivered',
    async () => {
      const [{ pending, approved }] = await stack.db.dataSource.query(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'sent' AND event = 'approved')::int AS approved FROM notice WHERE cycle_id = $1`,
        [cycleId],
      );
      return pending === 0 && approved >= chosen.length;
    },
    180_000,
    1000,
  );
  return {
    cycleId,
    submitted: work.length,
    findings: await checkInvariants(stack, cycleId, { approved: new Set(work.map((r) => r.spec.key)) }),
  };
}

/**
 * What every fault run must show (see checkInvariants): items, submissions and
 * audit entries exactly once, every notice delivered, and no mail twice:
 * the worker only writes the outbox, and the mail relay, which the faults
 * leave running, is the one that sends.
 */
export function expectClean(run: Awaited<ReturnType<typeof runFaultScenario>>, items: number): void {
  const { findings } = run;
  expect(findings).toMatchObject({
    items,
    wrongState: [],
    lostSubmissions: [],
    duplicateVersions: [],
    duplicateAuditEntries: 0,
    auditEntries: run.submitted * 2,
    noticesPending: 0,
    duplicateMails: [],
  });
  expect(findings.distinctMails).toBe(findings.noticesSent);
}
