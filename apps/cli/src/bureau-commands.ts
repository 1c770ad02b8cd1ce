/**
 * The bureau's scripted actions over the same services the API uses: launch
 * a cycle, show its state, remind, extend; assign the basic public service
 * items' departments; delegate a department's role; and
 * create the accounts people sign in with (the first admin among them). Each
 * change is audited as the API audits it, with the bureau as the actor.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Connection, Client } from '@temporalio/client';
import { Option, type Command } from 'commander';
import type { DataSource } from 'typeorm';
import type { Principal } from '@libs/access/principal';
import { createUser, USER_ROLES } from '@libs/access/users';
import { delegate } from '@libs/catalog/delegations';
import { assignServiceItems, type ServiceAssignment } from '@libs/catalog/service-assignments';
import { loadConfig } from '@libs/config/config';
import {
  CYCLE_KINDS,
  DEFAULT_CHASING_POLICY,
  LAUNCH_ITEM_KINDS,
  type CycleDefinition,
  type ItemKind,
} from '@libs/cycle/cycle-definition';
import { ITEM_STATUS_LABELS } from '@libs/cycle/department-state';
import { CONTACT_ROLES, type ContactRole, type UserRole } from '@libs/persistence/entities';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { AuditRepository } from '@libs/persistence/repositories/audit.repository';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import { Transactions } from '@libs/persistence/repositories/transactions';
import { PlanValidationError } from '@libs/plan/localized';
import { CycleClient } from '@libs/temporal/cycle-client';
import { temporalConnectionOptions, temporalDataConverter } from '@libs/temporal/connection';
import { withDatabase } from './plan-source';

/** A Temporal client of the configured namespace, and the database, for the length of one command. */
export async function withTemporal<T>(fn: (client: Client, ds: DataSource) => Promise<T>): Promise<T> {
  const t = loadConfig('temporal');
  const connection = await Connection.connect(temporalConnectionOptions(t));
  try {
    return await withDatabase((ds) =>
      fn(new Client({ connection, namespace: t.TEMPORAL_NAMESPACE, dataConverter: temporalDataConverter(t) }), ds),
    );
  } finally {
    await connection.close();
  }
}

const withCycles = <T>(fn: (cycles: CycleClient, ds: DataSource) => Promise<T>): Promise<T> =>
  withTemporal((client, ds) => fn(new CycleClient(client, loadConfig('temporal').TEMPORAL_TASK_QUEUE, ds), ds));

const bureau = (by: string): Principal => ({
  id: by,
  email: by,
  name: loadConfig('bureau').BUREAU_NAME,
  role: 'admin',
  department: null,
});
export const audit = (
  ds: DataSource,
  by: string,
  action: string,
  entityId: string,
  after: unknown,
  entityType = 'cycle',
) =>
  new AuditRepository(ds).append({
    requestId: randomUUID(),
    actor: bureau(by),
    ip: null,
    action,
    entityType,
    entityId,
    after,
  });
export const byOption = () =>
  new Option('--by <email>', '操作人邮箱，记入审计日志 (who acts, for the audit trail)').default(
    loadConfig('mail').BUREAU_EMAIL,
  );

export function registerBureauCommands(program: Command): void {
  const cycle = program
    .command('cycle')
    .description('评估轮次：发起、查看、催办、延期 (cycles: launch, status, remind, extend)');

  cycle
    .command('launch')
    .description('发起一轮评估 (launch a cycle)')
    .requiredOption('-p, --plan <code>', '规划代码 (plan code)')
    .addOption(new Option('-k, --kind <kind>', '类型 (kind)').choices(CYCLE_KINDS).makeOptionMandatory())
    .requiredOption('--from <year>', '起始年份 (first year)')
    .requiredOption('--to <year>', '结束年份 (last year)')
    .requiredOption('--deadline <date>', '填报截止时间 (deadline), ISO 8601')
    .requiredOption('--hard-close <date>', '关闭时间 (hard close), ISO 8601')
    .option('--items <kinds>', '事项类型，逗号分隔 (item kinds, comma-separated)', LAUNCH_ITEM_KINDS.join(','))
    .option('--groups <json>', '部门组的具体部门 (group resolution), JSON {"组名": ["code"]}', '{}')
    .addOption(byOption())
    .action(
      (o: {
        plan: string;
        kind: CycleDefinition['kind'];
        from: string;
        to: string;
        deadline: string;
        hardClose: string;
        items: string;
        groups: string;
        by: string;
      }) =>
        withCycles(async (cycles, ds) => {
          const definition: CycleDefinition = {
            planCode: o.plan,
            kind: o.kind,
            fromYear: Number(o.from),
            toYear: Number(o.to),
            deadline: o.deadline,
            hardClose: o.hardClose,
            // Checked with the rest of the definition by the launch (checkDefinition), as the API's are.
            itemKinds: o.items.split(',').map((s) => s.trim()) as ItemKind[],
            requireBureauAcceptance: false,
            groupResolution: JSON.parse(o.groups),
            policy: DEFAULT_CHASING_POLICY,
          };
          const launched = await cycles.launch(definition);
          await audit(ds, o.by, 'launch', launched.cycleId, definition);
          console.log(
            `已发起 (launched) ${launched.cycleId}: ${launched.items} 项事项 (items), ${launched.departments} 个部门 (departments)`,
          );
        }),
    );

  cycle
    .command('status')
    .description('评估轮次状态：各部门事项按状态计数 (a cycle’s items by department and state)')
    .argument('<cycleId>')
    .addOption(new Option('--format <format>', '输出格式 (output)').choices(['table', 'json']).default('table'))
    .action((cycleId: string, o: { format: string }) =>
      withDatabase(async (ds) => {
        const c = await new CycleRepository(ds).find(cycleId);
        if (!c) throw new Error(`没有评估轮次“${cycleId}” (no cycle "${cycleId}")`);
        const rows = await new CycleItemRepository(ds).countByDepartment(cycleId);
        if (o.format === 'json') return void console.log(JSON.stringify({ cycle: c, byDepartment: rows }, null, 2));
        console.log(`${c.id} · ${c.status} · 截止 (deadline) ${c.deadline.toISOString()}`);
        console.table(
          rows.map((r) => ({
            部门: r.department,
            状态: `${ITEM_STATUS_LABELS[r.status]?.zh ?? r.status} ${r.status}`,
            事项: r.items,
          })),
        );
      }),
    );

  cycle
    .command('remind')
    .description('立即催办 (remind now), 全部或一个部门 (all departments or one)')
    .argument('<cycleId>')
    .option('-d, --department <code>', '部门代码 (department code)')
    .addOption(byOption())
    .action((cycleId: string, o: { department?: string; by: string }) =>
      withCycles(async (cycles, ds) => {
        await cycles.remindNow(cycleId, o.department);
        await audit(ds, o.by, 'remind', cycleId, { department: o.department ?? null });
        console.log(`已催办 (reminded) ${o.department ?? '全部部门 (all departments)'}`);
      }),
    );

  cycle
    .command('extend')
    .description('延期 (move the deadline), 全部或一个部门 (all departments or one)')
    .argument('<cycleId>')
    .requiredOption('--deadline <date>', '新的截止时间 (new deadline), ISO 8601')
    .option('-d, --department <code>', '部门代码 (department code)')
    .addOption(byOption())
    .action((cycleId: string, o: { deadline: string; department?: string; by: string }) =>
      withCycles(async (cycles, ds) => {
        await cycles.extend(cycleId, o.deadline, o.department);
        await audit(ds, o.by, 'extend', cycleId, { deadline: o.deadline, department: o.department ?? null });
        console.log(`已延期至 (deadline moved to) ${o.deadline} · ${o.department ?? '全部部门 (all departments)'}`);
      }),
    );

  program
    .command('assign-services')
    .description(
      '指定基本公共服务项目的责任单位，全部生效或全部不生效 (assign the departments that report the basic public service items, all or none)',
    )
    .requiredOption('-p, --plan <code>', '规划代码 (plan code)')
    .requiredOption(
      '--file <path>',
      'JSON {"assignments": [{"no": 5, "department": "市卫生健康局"}]}：部门代码或名称，null 为取消 (department code or name; null withdraws)',
    )
    .addOption(byOption())
    .action((o: { plan: string; file: string; by: string }) =>
      withDatabase(async (ds) => {
        const assignments = readAssignments(JSON.parse(await readFile(o.file, 'utf8')), o.file);
        const outcome = await new Transactions(ds).run(async (use) => {
          const r = await assignServiceItems(use(CatalogRepository), o.plan, assignments);
          if (r.ok)
            await use(AuditRepository).append({
              requestId: randomUUID(),
              actor: bureau(o.by),
              ip: null,
              action: 'assign_service_items',
              entityType: 'plan',
              entityId: o.plan,
              before: r.before,
              after: assignments,
            });
          return r;
        });
        if (!outcome.ok)
          throw new PlanValidationError(
            outcome.problems.map((p) => ({ where: `${o.file}: ${p.field}`, message: { zh: p.zh, en: p.en } })),
          );
        const open = outcome.items.filter((i) => !i.department).length;
        console.log(
          `已指定 (assigned) ${assignments.length} 项；尚未指定责任单位 (still without a department): ${open} 项`,
        );
      }),
    );

  program
    .command('delegate')
    .description('委托他人在一段时间内代为填报或审核 (delegate a submitter or supervisor for a period)')
    .requiredOption('-d, --department <code>', '部门代码 (department code), e.g. city-health')
    .addOption(new Option('-r, --role <role>', '角色 (role)').choices(CONTACT_ROLES).makeOptionMandatory())
    .requiredOption('--name <name>', '受托人姓名 (delegate name)')
    .requiredOption('--email <email>', '受托人邮箱 (delegate email)')
    .requiredOption('--from <date>', '开始时间 (from), ISO 8601')
    .requiredOption('--until <date>', '结束时间 (until), ISO 8601')
    .addOption(byOption())
    .action(
      (o: {
        department: string;
        role: ContactRole;
        name: string;
        email: string;
        from: string;
        until: string;
        by: string;
      }) =>
        withDatabase(async (ds) => {
          const d = await delegate(new CatalogRepository(ds), new AccessRepository(ds), {
            department: o.department,
            role: o.role,
            delegateName: o.name,
            delegateEmail: o.email,
            validFrom: o.from,
            validUntil: o.until,
            createdBy: o.by,
            byBureau: true,
          });
          const after = {
            id: d.id,
            department: o.department,
            role: d.role,
            delegateName: d.delegateName,
            delegateEmail: d.delegateEmail,
            validFrom: d.validFrom,
            validUntil: d.validUntil,
          };
          await audit(ds, o.by, 'delegate', d.id, after, 'delegation');
          console.log(
            `已委托 (delegated): ${o.department} ${o.role} → ${d.delegateName} <${d.delegateEmail}> ${d.validFrom.toISOString()} – ${d.validUntil.toISOString()}`,
          );
        }),
    );

  program
    .command('user-add')
    .description('新建登录账号，例如第一个统计局管理员 (create an account, e.g. the first bureau admin)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .addOption(new Option('--role <role>').choices(USER_ROLES).makeOptionMandatory())
    .option('-d, --department <code>', '填报人和审核人所属部门 (department, for submitters and supervisors)')
    .option(
      '--password-env <variable>',
      '从环境变量读取密码，不写在命令行上 (read the password from this environment variable)',
      'PLAN_EVAL_PASSWORD',
    )
    .addOption(byOption())
    .action(
      (o: { email: string; name: string; role: UserRole; department?: string; passwordEnv: string; by: string }) =>
        withDatabase(async (ds) => {
          const user = await createUser(new AccessRepository(ds), {
            email: o.email,
            name: o.name,
            role: o.role,
            department: o.department ?? null,
            password: process.env[o.passwordEnv] || undefined,
          });
          await audit(ds, o.by, 'create_user', user.id, user, 'user');
          console.log(
            `已创建 (created) ${user.email} · ${user.role}${user.department ? ` · ${user.department}` : ''}${user.hasPassword ? '' : ' · 无密码，仅能通过邮件链接进入 (no password: email links only)'}`,
          );
        }),
    );
}

/** The assignments file's shape: a list of item numbers and departments (code, name or null). */
function readAssignments(file: unknown, path: string): ServiceAssignment[] {
  const list = (file as { assignments?: unknown } | null)?.assignments;
  const ok =
    Array.isArray(list) &&
    list.every(
      (a) =>
        a !== null &&
        typeof a === 'object' &&
        Number.isInteger(a.no) &&
        (a.department === null || typeof a.department === 'string') &&
        Object.keys(a).every((k) => k === 'no' || k === 'department'),
    );
  if (!ok)
    throw new PlanValidationError([
      {
        where: path,
        message: {
          zh: '文件应为 {"assignments": [{"no": 序号, "department": 部门代码或名称或 null}]}',
          en: 'the file must be {"assignments": [{"no": number, "department": code, name or null}]}',
        },
      },
    ]);
  return list as ServiceAssignment[];
}
