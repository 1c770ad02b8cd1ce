/**
 * The API on top of the cycle harness: the real NestJS app (guard, pipes,
 * filter, OpenAPI) over the test's PostgreSQL, Temporal server and SMTP
 * server, with one account per role signed in.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { finalize } from 'rxjs';
import type { DataConverter } from '@temporalio/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createUser } from '@libs/access/users';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';
import { SessionCache } from '../../apps/api/src/auth/session-cache';
import { CLOCK, CYCLE_CLIENT, TEMPORAL_CLIENT, type Clock } from '../../apps/api/src/tokens';
import { BUREAU_EMAIL, createCycleHarness, type CycleHarness } from './cycle-harness';

export const PASSWORD = 'Heyuan-2026-test';
export const OWN = 'city-statistics';
export const OTHER = 'city-education';

export const ACCOUNTS = {
  admin: { email: BUREAU_EMAIL, role: 'admin', department: null },
  viewer: { email: 'evaluator@third-party.example', role: 'viewer', department: null },
  approver: { email: 'office@vice-mayor.heyuan.example', role: 'approver', department: null },
  submitter: { email: `submitter@${OWN}.heyuan.example`, role: 'submitter', department: OWN },
  supervisor: { email: `supervisor@${OWN}.heyuan.example`, role: 'supervisor', department: OWN },
  otherSubmitter: { email: `submitter@${OTHER}.heyuan.example`, role: 'submitter', department: OTHER },
  otherSupervisor: { email: `supervisor@${OTHER}.heyuan.example`, role: 'supervisor', department: OTHER },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

export interface ApiHarness extends CycleHarness {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  /** Session tokens by account. */
  tokens: Record<AccountName, string>;
  /**
   * Resolves once no request is being handled: a handler outlives its client (a portal that
   * polled a cycle's live view and closed), and a Temporal call still retrying when the test
   * server is torn down fails the suite after its tests have passed.
   */
  settled(boundMs?: number): Promise<void>;
  /** Launches a cycle as the bureau, through the API, with `definition`'s options: the launch's answer. */
  launch(o: Parameters<CycleHarness['definition']>[0]): Promise<{ cycleId: string; items: number }>;
  /** A second API app on the same database and Temporal server, as another API process would be. */
  anotherApi(): Promise<{ app: INestApplication; http: () => ReturnType<typeof request> }>;
}

/** On the time-skipping test server by default; `dev-server` for what needs the real Temporal server (see createCycleHarness). */
export async function createApiHarness(
  server: Parameters<typeof createCycleHarness>[0] = 'time-skipping',
  dataConverter?: DataConverter,
): Promise<ApiHarness> {
  process.env.EVIDENCE_DIR = await mkdtemp(join(tmpdir(), 'plan-eval-evidence-'));
  const h = await createCycleHarness(server, undefined, dataConverter);
  const apps: INestApplication[] = [];
  const createApp = async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
      .overrideProvider(DataSource)
      .useValue(h.db.dataSource)
      .overrideProvider(TEMPORAL_CLIENT)
      .useValue(h.env.client)
      .overrideProvider(CYCLE_CLIENT)
      .useValue(h.cycles)
      // The API judges what is overdue by the test server's clock, which env.sleep moves.
      .overrideProvider(CLOCK)
      .useValue({ now: () => h.env.currentTimeMs() } satisfies Clock)
      .compile();
    const created = configureApi(
      moduleRef.createNestApplication({ logger: process.env.API_TEST_LOG ? undefined : false }),
    );
    apps.push(created);
    return created;
  };
  const app = await createApp();
  let handling = 0;
  app.useGlobalInterceptors({
    intercept: (_context, next) => {
      handling += 1;
      return next.handle().pipe(finalize(() => (handling -= 1)));
    },
  });
  await app.init();
  const http = () => request(app.getHttpServer());
  const tokens = {} as Record<AccountName, string>;
  for (const [name, a] of Object.entries(ACCOUNTS) as Array<[AccountName, (typeof ACCOUNTS)[AccountName]]>) {
    await createUser(new AccessRepository(h.db.dataSource), {
      email: a.email,
      name: name,
      role: a.role,
      department: a.department,
      password: PASSWORD,
    });
    const res = await http().post('/api/auth/login').send({ email: a.email, password: PASSWORD }).expect(200);
    tokens[name] = res.body.token;
  }
  const settled = async (boundMs = 60_000) => {
    for (let waited = 0; handling > 0 && waited < boundMs; waited += 50) await new Promise((r) => setTimeout(r, 50));
  };
  return {
    ...h,
    app,
    http,
    tokens,
    async launch(o) {
      const launched = await http()
        .post('/api/cycles')
        .set('Authorization', `Bearer ${tokens.admin}`)
        .send(await h.definition(o))
        .expect(201);
      return launched.body;
    },
    settled,
    async anotherApi() {
      const other = await createApp();
      await other.init();
      return { app: other, http: () => request(other.getHttpServer()) };
    },
    // The test owns the database and the environment; the apps are not closed (that would close them),
    // but their session caches stop listening, which would otherwise try to reconnect to the dropped database.
    // Requests still in flight (a page's last polls) finish first, whether or not the spec waited for them.
    close: async () => {
      await settled(10_000);
      for (const a of apps) await a.get(SessionCache).onModuleDestroy();
      await h.close();
    },
  };
}

/** The codec endpoint's decodes are audited under the bureau administrator who asked. */
export async function expectDecodeAudited(h: ApiHarness): Promise<void> {
  const audit = await h
    .http()
    .get('/api/audit?entityType=temporal_namespace')
    .set('Authorization', `Bearer ${h.tokens.admin}`)
    .expect(200);
  expect(audit.body.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ action: 'temporal.payloads.decode', actor: ACCOUNTS.admin.email }),
    ]),
  );
}
