/**
 * The bureau's scripted actions from the command line, in a subprocess,
 * against the real Temporal dev server and PostgreSQL: the first admin
 * account, launching a cycle, its status, reminding and extending, assigning
 * the basic public service items' departments, each audited; a second launch
 * refused with the reason.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AuditEntry, EvaluationCycle, UserAccount } from '@libs/persistence/entities';
import { createCycleHarness, TASK_QUEUE, type CycleHarness } from '../support/cycle-harness';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/plan-eval.js');

describe('plan-eval for the bureau', () => {
  let h: CycleHarness;
  beforeAll(async () => (h = await createCycleHarness('dev-server')));
  afterAll(() => h?.close());

  async function planEval(args: string[], extraEnv: Record<string, string> = {}) {
    const env = {
      ...process.env,
      DATABASE_URL: h.db.url,
      TEMPORAL_ADDRESS: h.env.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      ...extraEnv,
    };
    try {
      const { stdout, stderr } = await run('node', [BIN, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  it('creates the first admin, launches, shows, reminds and extends', async () => {
    const added = await planEval(
      ['user-add', '--email', 'chief@tjj.heyuan.example', '--name', '统计局管理员', '--role', 'admin'],
      { PLAN_EVAL_PASSWORD: 'Heyuan-2026-admin' },
    );
    expect(added.stdout).toContain('已创建 (created) chief@tjj.heyuan.example · admin');
    expect(
      (await h.db.dataSource.getRepository(UserAccount).findOneByOrFail({ email: 'chief@tjj.heyuan.example' }))
        .passwordHash,
    ).toMatch(/^\$2[aby]\$/);
    const weak = await planEval(['user-add', '--email', 'x@tjj.heyuan.example', '--name', 'x', '--role', 'admin'], {
      PLAN_EVAL_PASSWORD: 'short',
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码至少需要10个字符');

    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const now = Date.now();
      const launchArgs = [
        'cycle',
        'launch',
        '--plan',
        'heyuan-public-services-2021-2025',
        '--kind',
        'annual',
        '--from',
        '2022',
        '--to',
        '2022',
        '--deadline',
        new Date(now + 30 * 86_400_000).toISOString(),
        '--hard-close',
        new Date(now + 60 * 86_400_000).toISOString(),
        '--items',
        'indicator',
        '--by',
        'chief@tjj.heyuan.example',
      ];
      const launched = await planEval(launchArgs);
      expect(launched.stdout).toContain(
        '已发起 (launched) cycle/heyuan-public-services-2021-2025/annual/2022: 45 项事项 (items), 11 个部门 (departments)',
      );
      const again = await planEval(launchArgs);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('不能重复发起');

      const cycleId = 'cycle/heyuan-public-services-2021-2025/annual/2022';
      while (!(await h.db.dataSource.getRepository(EvaluationCycle).existsBy({ id: cycleId })))
        await new Promise((r) => setTimeout(r, 200));
      const status = await planEval(['cycle', 'status', cycleId, '--format', 'json']);
      const shown = JSON.parse(status.stdout);
      expect(shown.cycle.status).toBe('running');
      expect(shown.byDepartment.reduce((n: number, r: { items: number }) => n + r.items, 0)).toBe(45);

      expect(
        (await planEval(['cycle', 'remind', cycleId, '-d', 'city-education', '--by', 'chief@tjj.heyuan.example']))
          .stdout,
      ).toContain('已催办 (reminded) city-education');
      const badDate = await planEval(['cycle', 'extend', cycleId, '--deadline', 'next week']);
      expect(badDate.code).toBe(1);
      expect(badDate.stderr).toContain('截止时间“next week”格式不对');
      const moved = new Date(now + 40 * 86_400_000).toISOString();
      expect(
        (await planEval(['cycle', 'extend', cycleId, '--deadline', moved, '--by', 'chief@tjj.heyuan.example'])).stdout,
      ).toContain(`已延期至 (deadline moved to) ${moved}`);
    });
    const audit = await h.db.dataSource.getRepository(AuditEntry).find({ order: { at: 'ASC' } });
    // The first admin's account too, made by the bureau (no one is signed in yet: --by defaults to BUREAU_EMAIL).
    expect(audit.map((a) => `${a.action}:${a.actor}`)).toEqual([
      'create_user:bureau@heyuan.example',
      'launch:chief@tjj.heyuan.example',
      'remind:chief@tjj.heyuan.example',
      'extend:chief@tjj.heyuan.example',
    ]);
  });

  it('assigns the basic public service items’ departments from a file, all or none, audited', async () => {
    const plan = ['-p', 'heyuan-public-services-2021-2025'];
    const assigned = async () =>
      Number(
        (
          await h.db.dataSource.query(`SELECT count(*) AS n FROM basic_service_item WHERE "departmentId" IS NOT NULL`)
        )[0].n,
      );
    const bad = join(await mkdtemp(join(tmpdir(), 'assign-')), 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({
        assignments: [
          { no: 1, department: '市卫生健康局' },
          { no: 81, department: null },
        ],
      }),
    );
    const refused = await planEval(['assign-services', ...plan, '--file', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('assignments.1.no: 规划中没有序号为81的基本公共服务项目（共80项）');
    expect(await assigned()).toBe(0);

    const demo = join(__dirname, '../../data/plans/heyuan-service-departments.json');
    const done = await planEval(['assign-services', ...plan, '--file', demo, '--by', 'chief@tjj.heyuan.example']);
    expect(done.stdout).toContain('已指定 (assigned) 80 项；尚未指定责任单位 (still without a department): 0 项');
    expect(await assigned()).toBe(80);
    const audit = await h.db.dataSource.getRepository(AuditEntry).findBy({ action: 'assign_service_items' });
    expect(audit.map((a) => [a.actor, a.entityId])).toEqual([
      ['chief@tjj.heyuan.example', 'heyuan-public-services-2021-2025'],
    ]);
  });
});
