/**
 * Everything a cycle test runs against, all real: PostgreSQL with the Heyuan
 * plan imported, an SMTP server counting what it receives, Temporal's
 * time-skipping server, and the worker with its real activities.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataConverter } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { CycleActivitiesService } from '../../activities/cycle/cycle.activities';
import { TargetAdjustmentActivitiesService } from '../../activities/adjustment/target-adjustment.activities';
import { ReviewActivitiesService } from '../../activities/review/review.activities';
import { createCycleWorker } from '../../apps/worker/src/cycle-worker';
import { linkSigning } from '@libs/access/tokens';
import { importPlan } from '@libs/catalog/catalog-import';
import { loadConfig } from '@libs/config/config';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { DEFAULT_CHASING_POLICY, type CycleDefinition } from '@libs/cycle/cycle-definition';
import type { Actor } from '@libs/cycle/department-state';
import type { Localized } from '@libs/plan/localized';
import { LocalSmtpServer } from '@libs/mail/local-smtp-server';
import { Mailer } from '@libs/mail/mailer';
import { OutboxRelay } from '@libs/mail/outbox-relay';
import { createJsonLogger } from '@libs/observability/logger';
import { CycleClient } from '@libs/temporal/cycle-client';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';
import { freePort } from '../../tools/stack/ports';
import { HEYUAN_ISSUER, HEYUAN_PLAN_FILE } from './plans';
import { createDevServerEnvironment, createTimeSkippingEnvironment } from './temporal';

export const BUREAU_EMAIL = 'bureau@heyuan.example';
export const TASK_QUEUE = 'plan-eval-test';
const DAY = 86_400_000;

export interface CycleHarness {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  smtp: LocalSmtpServer;
  /** The mail relay, running in the test's process (the worker's activities only write the outbox). */
  relay: OutboxRelay;
  /** The worker's activities, for tests that call one directly. */
  activities: CycleActivitiesService;
  cycles: CycleClient;
  newWorker(): Promise<Worker>;
  /** A new worker polling in the background; the function returned shuts it down and waits for it. */
  startWorker(): Promise<() => Promise<void>>;
  /** A definition of a cycle relative to the test server's clock, in days (fractions for real-time runs). */
  definition(
    overrides: Partial<CycleDefinition> & { deadlineInDays: number; hardCloseInDays: number },
  ): Promise<CycleDefinition>;
  /** Messages received for an address with the given subject fragment. */
  mailsTo(address: string, subjectIncludes?: string): Array<{ subject: string; text: string; html: string }>;
  close(): Promise<void>;
}

/**
 * `time-skipping` (default) runs months in seconds; `dev-server` is the real
 * Temporal server, in real time, for what the test server gets wrong.
 */
export async function createCycleHarness(
  server: 'time-skipping' | 'dev-server' = 'time-skipping',
  /** The organs the reports are issued by; Heyuan's unless a test runs another plan. */
  issuer: Localized = HEYUAN_ISSUER,
  /** The installation's converter (payload encryption), given to the client and the worker alike. */
  dataConverter?: DataConverter,
): Promise<CycleHarness> {
  const db = await createTestDatabase();
  await importPlan(db.dataSource, await readPlanFile(HEYUAN_PLAN_FILE));
  const smtp = new LocalSmtpServer(await freePort());
  await smtp.start();
  const mailer = new Mailer(smtp.url, '河源市统计局 <bureau@heyuan.example>');
  const relay = new OutboxRelay(db.dataSource, mailer, createJsonLogger('error'));
  relay.start();
  const env =
    server === 'dev-server'
      ? await createDevServerEnvironment(dataConverter)
      : await createTimeSkippingEnvironment(dataConverter);
  const reportsDir = await mkdtemp(join(tmpdir(), 'plan-eval-reports-'));
  const activities = new CycleActivitiesService(db.dataSource, {
    publicUrl: 'http://portal.test',
    bureauEmail: BUREAU_EMAIL,
    bureauName: loadConfig('bureau').BUREAU_NAME,
    reportsDir,
    links: linkSigning(loadConfig('auth')),
    issuer,
  });
  const cycles = new CycleClient(env.client, TASK_QUEUE, db.dataSource);
  // Without a workflow cache every task is replayed from history: no sticky queue ties a
  // workflow to a worker that was stopped, and each step re-proves determinism.
  const newWorker = () =>
    createCycleWorker({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      activities,
      adjustments: new TargetAdjustmentActivitiesService(db.dataSource, activities),
      review: new ReviewActivitiesService(db.dataSource, { issuer }, (notice) => activities.sendNotice(notice)),
      maxCachedWorkflows: 0,
      dataConverter,
    });
  return {
    env,
    db,
    smtp,
    relay,
    activities,
    cycles,
    newWorker,
    async startWorker() {
      const worker = await newWorker();
      const running = worker.run();
      return async () => {
        worker.shutdown();
        await running;
      };
    },
    async definition(o) {
      const now = await env.currentTimeMs();
      const { deadlineInDays, hardCloseInDays, ...rest } = o;
      return {
        planCode: 'heyuan-public-services-2021-2025',
        kind: 'annual',
        fromYear: 2021,
        toYear: 2021,
        deadline: new Date(now + deadlineInDays * DAY).toISOString(),
        hardClose: new Date(now + hardCloseInDays * DAY).toISOString(),
        policy: DEFAULT_CHASING_POLICY,
        itemKinds: ['indicator'],
        requireBureauAcceptance: false,
        groupResolution: {},
        ...rest,
      };
    },
    mailsTo(address, subjectIncludes) {
      return smtp.received
        .filter(
          (m) =>
            m.envelopeTo.includes(address) && (!subjectIncludes || (m.parsed.subject ?? '').includes(subjectIncludes)),
        )
        .map((m) => ({
          subject: m.parsed.subject ?? '',
          text: m.parsed.text ?? '',
          html: typeof m.parsed.html === 'string' ? m.parsed.html : '',
        }));
    },
    async close() {
      await env.teardown();
      await relay.stop();
      mailer.close();
      await smtp.stop();
      await db.drop();
    },
  };
}

export const submitter = (department: string): Actor => ({
  id: `submitter@${department}.heyuan.example`,
  name: `${department} 填报人`,
  role: 'submitter',
  department,
});
export const supervisor = (department: string): Actor => ({
  id: `supervisor@${department}.heyuan.example`,
  name: `${department} 审核人`,
  role: 'supervisor',
  department,
});
export const DAYS = (n: number) => n * DAY;
