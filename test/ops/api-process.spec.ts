/**
 * The API as it is deployed (apps/api/src/main.ts in a process of its own,
 * against PostgreSQL and the Temporal dev server): it logs JSON lines only,
 * one access line a request (method, route pattern, status, duration, caller,
 * request ID; never a token), and its /api/metrics carries the evaluation's
 * figures, read from PostgreSQL at the scrape, right for a small seeded set
 * of cycles: two running (one past its deadline, one department extended),
 * one closed that no longer counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '@libs/access/users';
import { DEFAULT_CHASING_POLICY, type CycleDefinition } from '@libs/cycle/cycle-definition';
import type { Actor, Command, ItemStatus } from '@libs/cycle/department-state';
import type { WorkItemSpec } from '@libs/cycle/submission';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import { SubmissionRepository } from '@libs/persistence/repositories/submission.repository';
import { AppProcess } from '../../tools/stack/app-process';
import { freePort } from '../../tools/stack/ports';
import { TemporalDevServer } from '../../tools/stack/temporal-dev-server';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';

jest.setTimeout(180_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PASSWORD = 'Heyuan-2026-ops';
const BUREAU = 'bureau@heyuan.example';

const spec = (no: number, department: string): WorkItemSpec => ({
  key: `indicator-${no}`,
  kind: 'indicator',
  no,
  title: `指标${no}`,
  leadDepartment: department,
  coDepartments: [],
});
const definition = (kind: CycleDefinition['kind'], fromYear: number, toYear: number, deadline: number) =>
  ({
    planCode: 'heyuan',
    kind,
    fromYear,
    toYear,
    deadline: new Date(deadline).toISOString(),
    hardClose: new Date(deadline + 30 * DAY).toISOString(),
    policy: DEFAULT_CHASING_POLICY,
    itemKinds: ['indicator'],
    requireBureauAcceptance: false,
    groupResolution: {},
  }) satisfies CycleDefinition;

describe('the API process', () => {
  const work = mkdtempSync(join(tmpdir(), 'plan-eval-api-ops-'));
  let temporal: TemporalDevServer;
  let db: TestDatabase;
  let api: AppProcess;
  let base: string;
  const now = Date.now();

  /** Items through the records the workflows write (SubmissionRepository), each command an hour apart or as given. */
  async function seed(): Promise<void> {
    const cycles = new CycleRepository(db.dataSource);
    const submissions = new SubmissionRepository(db.dataSource);
    let n = 0;
    const record = async (cycleId: string, item: WorkItemSpec, steps: Array<[Command['type'], ItemStatus, number]>) => {
      let before: ItemStatus = 'assigned';
      let version = 0;
      for (const [type, after, at] of steps) {
        const actor: Actor = {
          id: `${type}@${item.leadDepartment}`,
          name: '张三',
          role: type === 'review' ? 'supervisor' : 'submitter',
          department: item.leadDepartment,
        };
        const submission = { kind: 'indicator' as const, value: 1, dataSource: '统计年报' };
        const command: Command =
          type === 'review'
            ? { type, itemKey: item.key, decision: after === 'approved' ? 'approve' : 'reject', reason: '数据有误' }
            : { type: type as 'submit' | 'save_draft', itemKey: item.key, submission };
        if (type === 'submit') version += 1;
        await submissions.recordCommand({
          cycleId,
          department: item.leadDepartment,
          requestId: `seed-${++n}`,
          actor,
          command,
          at,
          statusBefore: before,
          statusAfter: after,
          version,
          submission: type === 'submit' ? submission : null,
        });
        before = after;
      }
    };

    // Annual 2021, past its deadline; 市卫健委 (city-health) has its own deadline, tomorrow.
    const annual = 'cycle/heyuan/annual/2021';
    const [i1, i2, i3, h1, h2, c1] = [
      spec(1, 'city-education'),
      spec(2, 'city-education'),
      spec(3, 'city-education'),
    ].concat([spec(4, 'city-health'), spec(5, 'city-health'), spec(6, 'city-culture')]);
    await cycles.writeLaunched(annual, definition('annual', 2021, 2021, now - DAY), [i1, i2, i3, h1, h2, c1]);
    await cycles.setDepartmentDeadline(annual, 'city-health', new Date(now + DAY).toISOString());
    await record(annual, i2, [['submit', 'submitted', now - 2 * HOUR]]);
    await record(annual, i3, [
      ['submit', 'submitted', now - 3 * HOUR],
      ['review', 'approved', now - HOUR],
    ]);
    await record(annual, c1, [
      ['submit', 'submitted', now - 5 * HOUR],
      ['review', 'returned', now - 4 * HOUR],
    ]);
    await submissions.markForAttention(
      {
        cycleId: annual,
        department: 'city-health',
        requestId: 'refused-1',
        actor: { id: 's@health', name: '李四', role: 'submitter', department: 'city-health' },
        command: { type: 'save_draft', itemKey: h1.key, submission: { kind: 'indicator', value: 1, dataSource: 'x' } },
        at: now - HOUR,
        statusBefore: 'assigned',
        statusAfter: 'draft',
        version: 0,
        submission: null,
      },
      'invalid byte sequence for encoding "UTF8"',
    );

    // Mid-term 2021–2023, its deadline a week away: nothing overdue.
    const midterm = 'cycle/heyuan/midterm/2023';
    const [b1, b2] = [spec(1, 'city-education'), spec(2, 'city-health')];
    await cycles.writeLaunched(midterm, definition('midterm', 2021, 2023, now + 7 * DAY), [b1, b2]);
    await record(midterm, b2, [['save_draft', 'draft', now - HOUR]]);

    // Annual 2020, closed: its items, overdue or waiting, no longer count.
    const closed = 'cycle/heyuan/annual/2020';
    const [x1, x2] = [spec(1, 'city-education'), spec(2, 'city-health')];
    await cycles.writeLaunched(closed, definition('annual', 2020, 2020, now - 300 * DAY), [x1, x2]);
    await record(closed, x2, [['submit', 'submitted', now - 301 * DAY]]);
    await db.dataSource.query(`UPDATE evaluation_cycle SET status = 'closed', closed_at = now() WHERE id = $1`, [
      closed,
    ]);

    // The outbox: two waiting, one refused for good in a running cycle, one in the closed cycle, one sent.
    const notice = (cycleId: string, seq: number, status: string) =>
      db.dataSource.query(
        `INSERT INTO notice (cycle_id, department, audience, recipient, event, seq, subject, status)
         VALUES ($1, 'city-education', 'submitter', 'submitter@city-education.heyuan.example', 'assigned', $2, '填报通知', $3)`,
        [cycleId, seq, status],
      );
    await notice(annual, 1, 'pending');
    await notice(midterm, 1, 'pending');
    await notice(annual, 2, 'undeliverable');
    await notice(closed, 1, 'undeliverable');
    await notice(annual, 3, 'sent');
  }

  beforeAll(async () => {
    temporal = await TemporalDevServer.start(join(work, 'temporal.sqlite'));
    db = await createTestDatabase();
    await seed();
    await createUser(new AccessRepository(db.dataSource), {
      email: BUREAU,
      name: '统计局',
      role: 'admin',
      department: null,
      password: PASSWORD,
    });
    const port = await freePort();
    api = await AppProcess.api({
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporal.address,
      EVIDENCE_DIR: join(work, 'evidence'),
      LOG_LEVEL: 'info',
      PORT: String(port),
    });
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await api?.stop(10_000);
    await temporal?.stop();
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('serves the evaluation’s figures from PostgreSQL on /api/metrics', async () => {
    const page = await (await fetch(`${base}/api/metrics`)).text();
    const value = (series: string) => {
      const line = page.split('\n').find((l) => l.startsWith(`${series} `));
      if (!line) throw new Error(`${series} is not on the page`);
      return Number(line.slice(series.length + 1));
    };
    const figures = {
      annual: value('plan_eval_cycles_running{kind="annual",app="api"}'),
      midterm: value('plan_eval_cycles_running{kind="midterm",app="api"}'),
      final: value('plan_eval_cycles_running{kind="final",app="api"}'),
      ...Object.fromEntries(
        (['assigned', 'draft', 'submitted', 'returned', 'approved', 'accepted'] as const).map((s) => [
          s,
          value(`plan_eval_cycle_items{status="${s}",app="api"}`),
        ]),
      ),
      overdueItems: value('plan_eval_overdue_items{app="api"}'),
      overdueDepartments: value('plan_eval_overdue_departments{app="api"}'),
      noticesPending: value('plan_eval_notices_pending{app="api"}'),
      noticesUndeliverable: value('plan_eval_notices_undeliverable{app="api"}'),
      itemsNeedingAttention: value('plan_eval_items_needing_attention{app="api"}'),
      ready: [
        value('plan_eval_ready{check="postgres",app="api"}'),
        value('plan_eval_ready{check="temporal",app="api"}'),
      ],
    };
    expect(figures).toEqual({
      annual: 1,
      midterm: 1,
      final: 0,
      // Running cycles only: i1 h1 h2 b1 to do, b2 a draft, i2 waiting for review, c1 returned, i3 approved.
      assigned: 4,
      draft: 1,
      submitted: 1,
      returned: 1,
      approved: 1,
      accepted: 0,
      // i1 (市教育局) and c1 (市文广旅体局); 市卫健委's own deadline is tomorrow, the mid-term's next week.
      overdueItems: 2,
      overdueDepartments: 2,
      noticesPending: 2,
      noticesUndeliverable: 1,
      itemsNeedingAttention: 1,
      ready: [1, 1],
    });
    // i2, submitted two hours ago; not the closed cycle's, waiting 301 days.
    const oldest = value('plan_eval_oldest_unanswered_submission_seconds{app="api"}');
    expect(oldest).toBeGreaterThanOrEqual(7_200);
    expect(oldest).toBeLessThan(7_200 + (Date.now() - now) / 1000 + 1);
  });

  it('writes one JSON access line a request: route pattern, status, duration, caller and request ID, no token', async () => {
    const signIn = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: BUREAU, password: PASSWORD }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const me = (await (
      await fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      id: string;
    };
    expect((await fetch(`${base}/api/auth/me`)).status).toBe(401);
    expect((await fetch(`${base}/api/no-such-thing`)).status).toBe(404);
    const linkToken = 'not-a-real-link-token-4f1d2c';
    await fetch(`${base}/l/${linkToken}`);

    const lines = await waitForAccessLines(5);
    expect(lines.map(({ method, route, status, caller }) => ({ method, route, status, caller }))).toEqual([
      // Signing in names who signed in.
      { method: 'POST', route: '/api/auth/login', status: 200, caller: me.id },
      { method: 'GET', route: '/api/auth/me', status: 200, caller: me.id },
      { method: 'GET', route: '/api/auth/me', status: 401, caller: null },
      { method: 'GET', route: 'unmatched', status: 404, caller: null },
      { method: 'GET', route: '/l/:token', status: expect.any(Number), caller: null },
    ]);
    for (const line of lines) {
      expect(line).toMatchObject({ level: 'info', msg: 'request', durationMs: expect.any(Number) });
      expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(lines.map((l) => l.requestId)).size).toBe(lines.length);
    // Every line the process wrote is a JSON object, and no token, session or link, is in any of them.
    for (const raw of api.lines) {
      expect(() => JSON.parse(raw) as unknown).not.toThrow();
      expect(raw).not.toContain(token);
      expect(raw).not.toContain(linkToken);
    }
  });

  /** The access lines after the metrics scrape of the first test, once `count` have been written. */
  async function waitForAccessLines(count: number): Promise<Array<Record<string, unknown>>> {
    const started = Date.now();
    for (;;) {
      const lines = api.lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'request' && l.route !== '/api/metrics');
      if (lines.length >= count || Date.now() - started > 10_000) return lines;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});
